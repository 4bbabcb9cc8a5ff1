// Large files through the queue: chunks, a server restart in the middle, cancelling, crash recovery.
import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import {
  createQueue as createQueueWith,
  destroyQueues,
  download,
  nextEvent,
  ownServer,
  randomBytes,
  resource,
  restartServer,
  signWithServer,
  sleep,
  startCountingRequests,
  uniqueName,
  unsignedPreset,
  uploadRequests,
} from './engine-fixtures.test.js';
import { RecoveryStore } from './recovery-store.js';
import type { UploadQueue } from './upload-queue.js';
import type { UploadQueueOptions } from './upload-queue.types.js';

const CHUNK = 64 * 1024;
const createQueue = (options: Partial<UploadQueueOptions> = {}) =>
  createQueueWith(options, { resourceType: 'raw', chunkSize: CHUNK });

afterEach(destroyQueues);

/** Resolves once the queue has reported at least `bytes` uploaded for some file. */
function progressPast(queue: UploadQueue, bytes: number) {
  return nextEvent(queue, 'progress', (event) => event.file.bytesUploaded >= bytes);
}

describe('UploadQueue chunked uploads', () => {
  it('sends files over chunkSize in chunks that the server puts back together', async () => {
    const publicId = uniqueName('chunked');
    const queue = createQueue({ uploadPreset: await unsignedPreset(), publicId, chunkSize: 256 * 1024 });
    const bytes = randomBytes(1_200_000);
    await queue.addFiles([{ name: 'big.bin', data: new Blob([bytes]) }]);
    startCountingRequests();
    const end = nextEvent(queue, 'queue-end');
    await queue.start();
    const [file] = (await end).successful;
    assert.equal(file?.response?.bytes, bytes.length);
    assert.lengthOf(uploadRequests(), 5, '1,200,000 bytes in 256 KiB chunks');
    assert.deepEqual(await download(file!.response!.secure_url), bytes);
    const stored = await resource(publicId, 'raw');
    assert.equal(stored.body.bytes, bytes.length);
  });

  it('signs a chunked upload once, every chunk carrying the same signed parameters', async () => {
    let signatures = 0;
    const queue = createQueue({
      uploadSignature: (callback, params) => {
        signatures++;
        void signWithServer(params).then(callback);
      },
      publicId: uniqueName('signed_chunks'),
    });
    const bytes = randomBytes(4 * CHUNK + 7);
    await queue.addFiles([{ name: 'big.bin', data: new Blob([bytes]) }]);
    startCountingRequests();
    const end = nextEvent(queue, 'queue-end');
    await queue.start();
    const { successful, failed } = await end;
    assert.isEmpty(failed, JSON.stringify(failed[0]?.error));
    assert.equal(signatures, 1);
    assert.lengthOf(uploadRequests(), 5);
    assert.deepEqual(await download(successful[0]!.response!.secure_url), bytes);
  });

  it('survives a server restart in the middle of an upload', async () => {
    const own = await ownServer('engine-restart');
    const queue = createQueue({
      apiBase: own.apiBase,
      cloudName: own.cloudName,
      uploadPreset: await unsignedPreset({}, 'engine-restart'),
      publicId: uniqueName('restart'),
    });
    const bytes = randomBytes(80 * CHUNK + 99);
    await queue.addFiles([{ name: 'big.bin', data: new Blob([bytes]) }]);
    const end = nextEvent(queue, 'queue-end', undefined, 60_000);
    const rates: { speed: number; secondsLeft?: number }[] = [];
    queue.subscribe((event) => {
      if (event.type === 'progress')
        rates.push({ speed: event.file.speed, secondsLeft: event.file.secondsLeft });
    });
    const firstChunk = progressPast(queue, CHUNK);
    const started = performance.now();
    void queue.start();
    await firstChunk;
    let restartedAt = Number.POSITIVE_INFINITY;
    const restart = restartServer(1500, 'engine-restart').then(() => {
      restartedAt = performance.now();
    });
    const { successful, failed } = await end;
    const finishedAt = performance.now();
    await restart;
    assert.isEmpty(failed, JSON.stringify(failed[0]?.error));
    assert.isAbove(finishedAt, restartedAt, 'the upload was still running when the server came back');
    assert.isAbove(finishedAt - started, 1500, 'it waited through the downtime');
    assert.deepEqual(await download(successful[0]!.response!.secure_url), bytes);
    const measured = rates.filter((rate) => rate.speed > 0);
    assert.isNotEmpty(measured, 'a speed once the samples span long enough');
    assert.isTrue(measured.every((rate) => rate.secondsLeft !== undefined && rate.secondsLeft >= 0));
  });

  it('stops a running chunked upload on cancel, and continues it on retry', async () => {
    const publicId = uniqueName('resumed');
    const queue = createQueue({ uploadPreset: await unsignedPreset(), publicId });
    const bytes = randomBytes(12 * CHUNK);
    const { added } = await queue.addFiles([{ name: 'big.bin', data: new Blob([bytes]) }]);
    const id = added[0]!.id;
    const twoChunks = progressPast(queue, 2 * CHUNK);
    void queue.start();
    await twoChunks;
    queue.cancel(id);
    const aborted = queue.snapshot().files[0]!;
    assert.equal(aborted.status, 'aborted');
    assert.isAtLeast(aborted.bytesUploaded, 2 * CHUNK);
    await sleep(300);
    assert.equal(queue.snapshot().files[0]!.status, 'aborted', 'no request finished it behind our back');
    assert.equal((await resource(publicId, 'raw')).status, 404);
    startCountingRequests();
    const end = nextEvent(queue, 'queue-end');
    queue.retry(id);
    const [file] = (await end).successful;
    assert.deepEqual(await download(file!.response!.secure_url), bytes);
    assert.isBelow(uploadRequests().length, 12, 'the chunks the server had were not sent again');
  });

  describe('crash recovery', () => {
    it('brings back a queued file after a reload, and uploads it', async () => {
      const recoveryKey = uniqueName('recover_small');
      const options = { uploadPreset: await unsignedPreset(), recoveryKey, resourceType: 'auto' as const };
      const first = createQueue(options);
      const bytes = randomBytes(1000);
      const { added } = await first.addFiles([{ name: 'notes.bin', data: new Blob([bytes]) }]);
      await sleep(50);
      first.destroy();

      const second = createQueue(options);
      const restored = nextEvent(second, 'restored');
      const files = await second.restore();
      assert.deepEqual((await restored).files, files);
      assert.lengthOf(files, 1);
      assert.deepInclude(files[0], {
        id: added[0]!.id,
        name: 'notes.bin',
        status: 'pending',
        restored: true,
      });
      assert.deepEqual(await second.restore(), [], 'restoring twice adds nothing');
      const end = nextEvent(second, 'queue-end');
      await second.start();
      const [file] = (await end).successful;
      assert.deepEqual(await download(file!.response!.secure_url), bytes);
      await sleep(50);
      assert.deepEqual(await new RecoveryStore(recoveryKey).list(), [], 'finished files are forgotten');
    });

    it('continues an interrupted chunked upload with the same id from the next range', async () => {
      const recoveryKey = uniqueName('recover_chunked');
      const options = {
        uploadPreset: await unsignedPreset(),
        recoveryKey,
        publicId: uniqueName('recovered'),
      };
      const total = 20 * CHUNK + 123;
      const bytes = randomBytes(total);

      const first = createQueue(options);
      await first.addFiles([{ name: 'big.bin', data: new Blob([bytes]) }]);
      const halfway = progressPast(first, 10 * CHUNK);
      void first.start();
      await halfway;
      first.destroy();
      await sleep(100);

      const kept = await new RecoveryStore(recoveryKey).list();
      assert.lengthOf(kept, 1);
      const offset = kept[0]!.resume!.offset;
      assert.isAtLeast(offset, 9 * CHUNK);
      assert.equal(offset % CHUNK, 0, 'kept at a chunk boundary the server acknowledged');

      const second = createQueue(options);
      const [restored] = await second.restore();
      assert.deepInclude(restored, { restored: true, status: 'pending', bytesUploaded: offset });
      startCountingRequests();
      const end = nextEvent(second, 'queue-end');
      await second.start();
      const { successful } = await end;
      assert.lengthOf(successful, 1, JSON.stringify(second.snapshot().files[0]?.error));
      assert.deepEqual(await download(successful[0]!.response!.secure_url), bytes);
      assert.lengthOf(
        uploadRequests(),
        Math.ceil((total - offset) / CHUNK),
        'only the ranges not yet acknowledged',
      );
    });

    it('forgets removed and cleared files', async () => {
      const recoveryKey = uniqueName('recover_removed');
      const queue = createQueue({ recoveryKey });
      const { added } = await queue.addFiles([
        { name: 'a.bin', data: new Blob(['a']) },
        { name: 'b.bin', data: new Blob(['b']) },
        { name: 'c.bin', data: new Blob(['c']) },
      ]);
      queue.remove(added[0]!.id);
      await sleep(50);
      const store = new RecoveryStore(recoveryKey);
      assert.deepEqual(
        (await store.list()).map((record) => record.name),
        ['b.bin', 'c.bin'],
      );
      queue.clear();
      await sleep(50);
      assert.deepEqual(await store.list(), []);
    });

    it('keeps crops and restores nothing without a recovery key', async () => {
      const recoveryKey = uniqueName('recover_crop');
      const first = createQueue({ recoveryKey });
      const { added } = await first.addFiles([
        { name: 'a.png', data: new Blob(['x'], { type: 'image/png' }) },
      ]);
      const crop = { mode: 'coordinates' as const, rect: { x: 1, y: 2, width: 3, height: 4 } };
      first.setCrop(added[0]!.id, crop);
      await sleep(50);
      first.destroy();
      const [restored] = await createQueue({ recoveryKey }).restore();
      assert.deepEqual(restored?.crop, crop);
      assert.deepEqual(await createQueue().restore(), []);
    });
  });
});
