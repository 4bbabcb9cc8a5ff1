import { afterEach, describe, it } from 'node:test';
import Uppy from '@uppy/core';
import { assert } from 'chai';
import {
  randomBytes,
  resource,
  sleep,
  testServer,
  uniqueName,
  unsignedPreset,
} from './engine-fixtures.test.js';
import type { KumoBody, KumoMeta } from './kumo-file-meta.js';
import { KumoUploader } from './kumo-uploader.js';
import type { UploadQueueOptions } from './upload-queue.types.js';

const instances: Uppy<KumoMeta, KumoBody>[] = [];

function uppyWith(options: Partial<UploadQueueOptions>) {
  const { apiBase, cloudName } = testServer();
  const uppy = new Uppy<KumoMeta, KumoBody>({ logger: { debug() {}, warn() {}, error() {} } });
  const settings: UploadQueueOptions = { apiBase, cloudName, ...options };
  uppy.use(KumoUploader, { getOptions: () => settings });
  instances.push(uppy);
  return uppy;
}

afterEach(() => {
  for (const uppy of instances.splice(0)) uppy.destroy();
});

describe('KumoUploader', () => {
  it('installs as an Uppy uploader plugin', () => {
    const uppy = uppyWith({});
    const plugin = uppy.getPlugin<KumoUploader>('KumoUploader');
    assert.instanceOf(plugin, KumoUploader);
    assert.equal(plugin!.type, 'uploader');
    assert.equal(plugin!.parallelUploads, 3, 'three files at once by default');
  });

  it('uploads through uppy.upload(), reporting with Uppy’s own events', async () => {
    const publicId = uniqueName('plugin');
    const uppy = uppyWith({ uploadPreset: await unsignedPreset(), resourceType: 'raw', publicId });
    const events: string[] = [];
    uppy.on('upload-start', () => events.push('upload-start'));
    uppy.on('upload-progress', () => events.push('upload-progress'));
    uppy.on('upload-success', () => events.push('upload-success'));
    const id = uppy.addFile({
      name: 'data.bin',
      type: 'application/octet-stream',
      data: new Blob([randomBytes(50_000)]),
    });
    const result = await uppy.upload();
    assert.lengthOf(result?.successful ?? [], 1);
    assert.equal(uppy.getFile(id).response?.body?.public_id, publicId);
    assert.equal(uppy.getFile(id).response?.uploadURL, uppy.getFile(id).response?.body?.secure_url);
    assert.isTrue(uppy.getFile(id).progress.uploadComplete);
    assert.equal(events[0], 'upload-start');
    assert.include(events, 'upload-progress');
    assert.equal(events[events.length - 1], 'upload-success');
  });

  it('fails a file with the server’s message and status through upload-error', async () => {
    const uppy = uppyWith({ uploadPreset: uniqueName('missing') });
    let reported: { message: string; status?: number } | undefined;
    uppy.on('upload-error', (_file, error, response) => {
      reported = { message: error.message, status: response?.status };
    });
    const id = uppy.addFile({ name: 'a.bin', type: 'application/octet-stream', data: new Blob(['abc']) });
    const result = await uppy.upload();
    assert.lengthOf(result?.failed ?? [], 1);
    assert.match(reported!.message, /^Upload preset not found/);
    assert.equal(reported!.status, 400);
    assert.equal(uppy.getFile(id).error, reported!.message);
    assert.equal(uppy.getFile(id).meta.errorStatus, 400);
  });

  it('stops the request of a file removed while it uploads', async () => {
    const publicId = uniqueName('removed');
    const uppy = uppyWith({
      uploadPreset: await unsignedPreset(),
      resourceType: 'raw',
      publicId,
      chunkSize: 32 * 1024,
    });
    const id = uppy.addFile({
      name: 'big.bin',
      type: 'application/octet-stream',
      data: new Blob([randomBytes(2_000_000)]),
    });
    const removed = new Promise<void>((resolve) => {
      uppy.on('upload-progress', () => {
        if (uppy.getFile(id)) {
          uppy.removeFile(id);
          resolve();
        }
      });
    });
    const run = uppy.upload();
    await removed;
    await run;
    await sleep(200);
    assert.equal((await resource(publicId, 'raw')).status, 404);
    const plugin = uppy.getPlugin<KumoUploader>('KumoUploader')!;
    assert.isFalse(plugin.isActive(id));
  });
});
