import { describe, it } from 'node:test';
import { assert } from 'chai';
import type { KumoUppyFile } from './kumo-file-meta.js';
import { deepFreeze, statusOf, toQueueFile, totalsOf } from './queue-files.js';

function uppyFile(
  patch: Partial<Omit<KumoUppyFile, 'meta'>> & { meta?: Partial<KumoUppyFile['meta']> } = {},
): KumoUppyFile {
  return {
    id: 'kumo-1',
    name: 'a.png',
    extension: 'png',
    type: 'image/png',
    size: 1000,
    isGhost: false,
    isRemote: false,
    data: new Blob([new Uint8Array(1000)], { type: 'image/png' }),
    progress: { uploadStarted: null, bytesUploaded: false, bytesTotal: 1000, percentage: 0 },
    ...patch,
    meta: { name: 'a.png', type: 'image/png', kumoSource: 'local', ...patch.meta },
  } as KumoUppyFile;
}

const started = (bytesUploaded: number, extra = {}) => ({
  progress: { uploadStarted: 1, bytesUploaded, bytesTotal: 1000, ...extra },
});

describe('queue files', () => {
  it('derives the status from Uppy’s progress, its error and the queue’s flags', () => {
    assert.equal(statusOf(uppyFile()), 'pending');
    assert.equal(statusOf(uppyFile(started(10))), 'uploading');
    assert.equal(statusOf(uppyFile({ ...started(1000), meta: { processing: true } })), 'processing');
    assert.equal(statusOf(uppyFile(started(1000, { uploadComplete: true }))), 'done');
    assert.equal(statusOf(uppyFile({ ...started(10), error: 'Boom' })), 'error');
    assert.equal(statusOf(uppyFile({ ...started(10), meta: { aborted: true } })), 'aborted');
  });

  it('describes a pending file', () => {
    const file = toQueueFile(uppyFile());
    assert.deepInclude(file, {
      id: 'kumo-1',
      name: 'a.png',
      size: 1000,
      type: 'image/png',
      source: 'local',
      status: 'pending',
      bytesUploaded: 0,
      bytesTotal: 1000,
      percent: 0,
      speed: 0,
    });
    assert.instanceOf(file.data, Blob);
    assert.isUndefined(file.secondsLeft);
    assert.isTrue(Object.isFrozen(file));
  });

  it('shows speed and time left only while uploading', () => {
    const rate = { speed: 500, secondsLeft: 1 };
    assert.deepInclude(toQueueFile(uppyFile(started(500)), rate), {
      percent: 50,
      speed: 500,
      secondsLeft: 1,
    });
    assert.deepInclude(toQueueFile(uppyFile(), rate), { speed: 0 });
    assert.notProperty(toQueueFile(uppyFile(), rate), 'secondsLeft');
  });

  it('shows where a restored chunked upload will continue', () => {
    const file = toQueueFile(uppyFile({ meta: { restored: true, resume: { uploadId: 'u', offset: 250 } } }));
    assert.deepInclude(file, { status: 'pending', bytesUploaded: 250, percent: 25, restored: true });
  });

  it('gives the error with the status the server answered', () => {
    const file = toQueueFile(
      uppyFile({ ...started(10), error: 'Invalid Signature', meta: { errorStatus: 401 } }),
    );
    assert.deepEqual(file.error, { message: 'Invalid Signature', status: 401 });
    const offline = toQueueFile(uppyFile({ ...started(10), error: 'Network error' }));
    assert.deepEqual(offline.error, { message: 'Network error' });
  });

  it('gives a remote file without data and a finished file with its response, frozen', () => {
    const remote = toQueueFile(
      uppyFile({ size: 0, meta: { kumoSource: 'url', remoteUrl: 'https://example.com/a.png' } }),
    );
    assert.notProperty(remote, 'data');
    assert.equal(remote.remoteUrl, 'https://example.com/a.png');
    const body = { public_id: 'a', tags: ['x'] };
    const done = toQueueFile(
      uppyFile({
        ...started(1000, { uploadComplete: true }),
        response: { status: 200, body: body as never },
      }),
    );
    assert.deepInclude(done, { status: 'done', percent: 100, bytesUploaded: 1000 });
    assert.strictEqual(done.response as unknown, body);
    assert.isTrue(Object.isFrozen(body.tags));
  });

  it('totals every file but the aborted ones', () => {
    const files = [
      toQueueFile(uppyFile(started(500))),
      toQueueFile(uppyFile({ ...started(100), meta: { aborted: true } })),
      toQueueFile(uppyFile(started(1000, { uploadComplete: true }))),
    ];
    assert.deepEqual(totalsOf(files), { bytesUploaded: 1500, bytesTotal: 2000, percent: 75 });
    assert.deepEqual(totalsOf([]), { bytesUploaded: 0, bytesTotal: 0, percent: 0 });
  });

  it('freezes nested values', () => {
    const value = deepFreeze({ a: { b: [1] } });
    assert.isTrue(Object.isFrozen(value.a.b));
  });
});
