import { describe, it } from 'node:test';
import { assert } from 'chai';
import type { KumoUppyFile } from './kumo-file-meta.js';
import { descriptorOf } from './queue-descriptors.js';
import { descriptorOfRecord, recordOf } from './record-descriptors.js';

describe('queue descriptors', () => {
  it('describes a local file for Uppy with a fresh queue id', () => {
    const data = new Blob(['abc'], { type: 'text/plain' });
    const descriptor = descriptorOf({ name: 'a.txt', type: 'text/plain', size: 3, data, source: 'camera' });
    assert.deepInclude(descriptor, { name: 'a.txt', type: 'text/plain', data, source: 'kumo-camera' });
    assert.match(descriptor.meta.kumoId, /^kumo-/);
    assert.equal(descriptor.meta.kumoSource, 'camera');
    assert.notEqual(
      descriptorOf({ name: 'a', type: '', size: 0, source: 'local' }).meta.kumoId,
      descriptor.meta.kumoId,
    );
  });

  it('gives a remote file an empty blob and its address', () => {
    const descriptor = descriptorOf({
      name: 'x.png',
      type: '',
      size: 0,
      source: 'url',
      remoteUrl: 'https://e.x/x.png',
    });
    assert.equal((descriptor.data as Blob).size, 0);
    assert.equal(descriptor.meta.remoteUrl, 'https://e.x/x.png');
  });

  it('keeps what recovery needs and brings it back with the same id, marked restored', () => {
    const data = new Blob(['abc']);
    const file = { id: 'kumo-1', name: 'a.bin', type: 'application/octet-stream', size: 3 } as KumoUppyFile;
    const record = recordOf(file, { name: 'a.bin', type: '', size: 3, data, source: 'local' }, 42);
    assert.deepEqual(record, {
      id: 'kumo-1',
      name: 'a.bin',
      type: 'application/octet-stream',
      size: 3,
      source: 'local',
      data,
      addedAt: 42,
    });
    const crop = { mode: 'apply' as const, rect: { x: 0, y: 0, width: 1, height: 1 } };
    const resume = { uploadId: 'u', offset: 10 };
    const back = descriptorOfRecord({ ...record, crop, resume });
    assert.deepEqual(back.meta, { kumoId: 'kumo-1', kumoSource: 'local', restored: true, crop, resume });
    assert.strictEqual(back.data, data);
  });
});
