import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import {
  createQueue,
  destroyQueues,
  imageBlob,
  nextEvent,
  record,
  resource,
  signWithServer,
  startCountingRequests,
  testServer,
  uniqueName,
  unsignedPreset,
  uploadRequests,
} from './engine-fixtures.test.js';
import type { UploadQueue } from './upload-queue.js';
import type { PrepareUploadParamsFunction } from './upload-queue.types.js';

afterEach(destroyQueues);

async function png(name = 'photo.png') {
  return { name, data: await imageBlob(40, 30) };
}

async function run(queue: UploadQueue) {
  const end = nextEvent(queue, 'queue-end');
  await queue.start();
  return end;
}

describe('UploadQueue prepareUploadParams', () => {
  describe('states', () => {
    it('asks once per file at upload time and uploads with the parameters it answers', async () => {
      const preset = await unsignedPreset();
      const seen: Record<string, string>[] = [];
      const ids: string[] = [];
      const prepare: PrepareUploadParamsFunction = (callback, params) => {
        seen.push(params);
        const publicId = uniqueName('prepared');
        ids.push(publicId);
        setTimeout(() => callback({ publicId, folder: 'prepared', tags: ['from-page', 'sale'] }), 10);
      };
      const queue = createQueue({ uploadPreset: preset, tags: ['widget'], prepareUploadParams: prepare });
      await queue.addFiles([await png('a.png'), await png('b.png')]);
      assert.lengthOf(seen, 0, 'not asked before the upload starts');
      const end = await run(queue);
      assert.lengthOf(end.successful, 2, JSON.stringify(queue.snapshot().files.map((file) => file.error)));
      assert.lengthOf(seen, 2, 'asked once per file');
      assert.deepInclude(seen[0], { upload_preset: preset, source: 'uw', tags: 'widget' });
      for (const publicId of ids) {
        const stored = await resource(`prepared/${publicId}`);
        assert.equal(stored.status, 200, JSON.stringify(stored.body));
        assert.deepEqual(stored.body.tags, ['from-page', 'sale'], 'the answer replaces the widget tags');
      }
    });

    it('signs with the signature it answers instead of calling uploadSignature', async () => {
      let signerCalls = 0;
      const publicId = uniqueName('prepared_signed');
      const prepare: PrepareUploadParamsFunction = async (_callback, params) => {
        const toSign = { ...params, public_id: publicId, tags: 'signed-by-page' };
        const signed = await signWithServer({ ...toSign, timestamp: Math.floor(Date.now() / 1000) });
        // A list answers for several files; the widget asks for one at a time and uses the first.
        return [
          {
            publicId,
            tags: 'signed-by-page',
            signature: signed.signature,
            apiKey: signed.api_key,
            uploadSignatureTimestamp: signed.timestamp,
          },
        ];
      };
      const queue = createQueue({
        uploadSignature: () => {
          signerCalls++;
        },
        prepareUploadParams: prepare,
      });
      await queue.addFiles([await png()]);
      const end = await run(queue);
      assert.lengthOf(end.successful, 1, JSON.stringify(queue.snapshot().files[0]?.error));
      assert.equal(signerCalls, 0, 'prepareUploadParams replaces uploadSignature');
      assert.equal(end.successful[0]!.response!.api_key, testServer().apiKey);
      const stored = await resource(publicId);
      assert.deepEqual(stored.body.tags, ['signed-by-page']);
    });
  });

  describe('events', () => {
    it('cancels a file the page answers {cancel: true} for: aborted, never sent', async () => {
      const preset = await unsignedPreset();
      const publicId = uniqueName('prepared_cancel');
      const queue = createQueue({
        uploadPreset: preset,
        publicId,
        prepareUploadParams: (callback) => callback({ cancel: true }),
      });
      const events = record(queue);
      const { added } = await queue.addFiles([await png()]);
      startCountingRequests();
      const end = await run(queue);
      const file = queue.snapshot().files[0]!;
      assert.equal(file.status, 'aborted');
      assert.isUndefined(file.error, 'a cancelled file has not failed');
      assert.deepEqual(end.failed, []);
      assert.deepInclude(
        events.find((event) => event.type === 'abort'),
        { ids: [added[0]!.id], all: false },
      );
      assert.isFalse(events.some((event) => event.type === 'error'));
      assert.lengthOf(uploadRequests(), 0, 'nothing reached the Upload API');
      assert.equal((await resource(publicId)).status, 404);
    });
  });

  describe('errors', () => {
    it('fails a file the page answers with neither a signature nor an upload preset', async () => {
      const queue = createQueue({ prepareUploadParams: (callback) => callback({ tags: ['x'] }) });
      await queue.addFiles([await png()]);
      const end = await run(queue);
      assert.lengthOf(end.failed, 1);
      assert.match(end.failed[0]!.error!.message, /neither a signature nor an uploadPreset/);
    });

    it('fails a file when the function throws', async () => {
      const preset = await unsignedPreset();
      const queue = createQueue({
        uploadPreset: preset,
        prepareUploadParams: () => {
          throw new Error('page broke');
        },
      });
      await queue.addFiles([await png()]);
      const end = await run(queue);
      assert.equal(end.failed[0]?.error?.message, 'page broke');
    });
  });
});
