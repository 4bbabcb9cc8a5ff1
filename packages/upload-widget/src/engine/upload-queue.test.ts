import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import {
  createQueue,
  destroyQueues,
  imageBlob,
  nextEvent,
  randomBytes,
  record,
  resource,
  signUrl,
  signWithServer,
  sleep,
  testServer,
  uniqueName,
  unsignedPreset,
} from './engine-fixtures.test.js';
import type { UploadQueue } from './upload-queue.js';
import type { QueueEvent, SignatureFunction } from './upload-queue.types.js';

afterEach(destroyQueues);

const PIXEL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==';

async function png(name = 'photo.png', width = 40, height = 30) {
  return { name, data: await imageBlob(width, height) };
}

/** Signs through the test server from a Cloudinary-style function, answering with the bare string. */
function serverSigner(seen: Record<string, string | number>[] = []): SignatureFunction {
  return (callback, params) => {
    seen.push(params);
    void signWithServer(params).then((answer) => callback(answer.signature));
  };
}

/** Uploads what is queued and waits for the end of the run. */
async function run(queue: UploadQueue) {
  const end = nextEvent(queue, 'queue-end');
  await queue.start();
  return end;
}

const types = (events: readonly QueueEvent[]) =>
  events.map((event) => event.type).filter((type) => type !== 'state');

describe('UploadQueue', () => {
  describe('defaults', () => {
    it('starts empty and idle, with the options it was given', () => {
      const queue = createQueue({ folder: 'here' });
      const snapshot = queue.snapshot();
      assert.deepEqual(snapshot, {
        files: [],
        totals: { bytesUploaded: 0, bytesTotal: 0, percent: 0 },
        uploading: false,
      });
      assert.isTrue(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.files));
      assert.equal(queue.options.folder, 'here');
      assert.equal(queue.uppy.getPlugin('KumoUploader')?.type, 'uploader');
    });

    it('changes options with setOptions, for uploads that start afterwards', () => {
      const queue = createQueue();
      queue.setOptions({ folder: 'later', parallelUploads: 5 });
      assert.equal(queue.options.folder, 'later');
      assert.equal(queue.options.parallelUploads, 5);
      const copy = queue.options as { folder?: string };
      copy.folder = 'mutated';
      assert.equal(queue.options.folder, 'later', 'options hands out a copy');
    });
  });

  describe('states', () => {
    it('queues files as pending, the same file twice as two entries', async () => {
      const queue = createQueue();
      const file = new File([await imageBlob(10, 10)], 'twice.png', { type: 'image/png' });
      const { added, rejected } = await queue.addFiles([file, file]);
      assert.lengthOf(added, 2);
      assert.isEmpty(rejected);
      assert.notEqual(added[0]!.id, added[1]!.id);
      const [first] = queue.snapshot().files;
      assert.deepInclude(first, {
        name: 'twice.png',
        type: 'image/png',
        source: 'local',
        status: 'pending',
        percent: 0,
      });
      assert.strictEqual(first!.data, file);
      assert.equal(queue.snapshot().totals.bytesTotal, 2 * file.size);
    });

    it('keeps one frozen snapshot until something changes', async () => {
      const queue = createQueue();
      const before = queue.snapshot();
      assert.strictEqual(queue.snapshot(), before);
      await queue.addFiles([await png()]);
      const after = queue.snapshot();
      assert.notStrictEqual(after, before);
      assert.isEmpty(before.files, 'an old snapshot does not change');
      assert.isTrue(Object.isFrozen(after.files[0]));
      assert.throws(() => {
        (after.files as unknown as unknown[]).push(1);
      });
    });

    it('uploads unsigned with a preset, files passing through uploading to done', async () => {
      const preset = await unsignedPreset();
      const publicId = uniqueName('unsigned');
      const queue = createQueue({ uploadPreset: preset, publicId });
      const seen = new Set<string>();
      let uploadingFlag = false;
      queue.subscribe(() => {
        const snapshot = queue.snapshot();
        for (const file of snapshot.files) seen.add(file.status);
        uploadingFlag ||= snapshot.uploading;
      });
      await queue.addFiles([await png()]);
      await run(queue);
      const [file] = queue.snapshot().files;
      assert.deepInclude(file, { status: 'done', percent: 100, speed: 0 });
      assert.equal(file!.bytesUploaded, file!.bytesTotal);
      assert.equal(file!.response?.public_id, publicId);
      assert.deepEqual(queue.snapshot().totals.percent, 100);
      assert.isTrue(seen.has('uploading'));
      assert.isTrue(seen.has('processing'), 'every byte sent, waiting for the answer');
      assert.isTrue(uploadingFlag);
      assert.isFalse(queue.snapshot().uploading);
      const stored = await resource(publicId);
      assert.equal(stored.status, 200);
      assert.equal(stored.body.width, 40);
    });

    it('passes folder, tags, context and the public id through to the server', async () => {
      const preset = await unsignedPreset();
      const publicId = uniqueName('params');
      const queue = createQueue({
        uploadPreset: preset,
        folder: 'engine',
        publicId,
        tags: ['red', 'sale'],
        context: { alt: 'A = B | C', caption: 'Summer' },
      });
      await queue.addFiles([await png()]);
      await run(queue);
      const stored = await resource(`engine/${publicId}`);
      assert.equal(stored.status, 200, JSON.stringify(stored.body));
      assert.deepEqual(stored.body.tags, ['red', 'sale']);
      assert.deepEqual(stored.body.context, { custom: { alt: 'A = B | C', caption: 'Summer' } });
    });

    it('signs each file at upload time through the signing URL, extra parameters included', async () => {
      const publicId = uniqueName('signed_url');
      const queue = createQueue({
        uploadSignature: signUrl(),
        folder: 'signed',
        publicId,
        tags: ['signed'],
        extra: { display_name: 'Signed picture' },
      });
      await queue.addFiles([await png()]);
      const before = Math.floor(Date.now() / 1000);
      const end = await run(queue);
      assert.lengthOf(end.successful, 1, JSON.stringify(queue.snapshot().files[0]?.error));
      const response = end.successful[0]!.response!;
      assert.equal(response.api_key, testServer().apiKey, 'a signed upload names its key');
      assert.isAtLeast(response.version, before - 1, 'signed with a fresh timestamp');
      const stored = await resource(`signed/${publicId}`);
      assert.deepEqual(stored.body.tags, ['signed']);
      assert.equal(stored.body.display_name, 'Signed picture');
    });

    it('signs through a function with every parameter sent, source=uw and a fresh timestamp', async () => {
      const seen: Record<string, string | number>[] = [];
      const queue = createQueue({
        uploadSignature: serverSigner(seen),
        apiKey: testServer().apiKey,
        publicId: uniqueName('signed_fn'),
      });
      await queue.addFiles([await png('a.png'), await png('b.png')]);
      const end = await run(queue);
      assert.lengthOf(end.successful, 2);
      assert.lengthOf(seen, 2, 'one signature per file');
      const now = Date.now() / 1000;
      for (const params of seen) {
        assert.deepEqual(Object.keys(params).sort(), ['public_id', 'source', 'timestamp']);
        assert.equal(params.source, 'uw');
        assert.closeTo(Number(params.timestamp), now, 60);
      }
    });

    it('accepts a signature function that returns a promise of {signature, api_key}', async () => {
      const queue = createQueue({ uploadSignature: (_callback, params) => signWithServer(params) });
      await queue.addFiles([await png()]);
      const end = await run(queue);
      assert.lengthOf(end.successful, 1, JSON.stringify(queue.snapshot().files[0]?.error));
    });

    it('queues a remote file without data, which the server fetches', async () => {
      const preset = await unsignedPreset();
      const queue = createQueue({ uploadPreset: preset, resourceType: 'image' });
      const { added } = await queue.addUrl(PIXEL);
      assert.deepInclude(added[0], { source: 'url', remoteUrl: PIXEL, name: 'file.png' });
      assert.notProperty(added[0], 'data');
      const end = await run(queue);
      assert.deepInclude(end.successful[0]!.response, { width: 1, height: 1, format: 'png' });
    });

    it('uploads at most parallelUploads files at once', async () => {
      let signing = 0;
      let mostAtOnce = 0;
      const signer: SignatureFunction = (callback, params) => {
        signing++;
        mostAtOnce = Math.max(mostAtOnce, signing);
        void signWithServer(params).then(async (answer) => {
          // Hold the slot long enough for every other file to try to get one.
          await sleep(150);
          signing--;
          callback(answer);
        });
      };
      const queue = createQueue({ uploadSignature: signer, parallelUploads: 2 });
      let mostActive = 0;
      queue.subscribe(() => {
        const active = queue
          .snapshot()
          .files.filter((file) => ['uploading', 'processing'].includes(file.status));
        mostActive = Math.max(mostActive, active.length);
      });
      await queue.addFiles(await Promise.all(['a', 'b', 'c', 'd', 'e'].map((name) => png(`${name}.png`))));
      const end = await run(queue);
      assert.lengthOf(end.successful, 5);
      assert.equal(mostAtOnce, 2);
      assert.isAtMost(mostActive, 2);
    });

    it('takes a file out with remove, and everything with clear', async () => {
      const queue = createQueue();
      const { added } = await queue.addFiles([await png('a.png'), await png('b.png'), await png('c.png')]);
      queue.remove(added[0]!.id);
      assert.deepEqual(
        queue.snapshot().files.map((file) => file.name),
        ['b.png', 'c.png'],
      );
      queue.clear();
      assert.isEmpty(queue.snapshot().files);
    });
  });

  describe('events', () => {
    it('reports added files, the run, progress, each success and the end, then the state', async () => {
      const preset = await unsignedPreset();
      const queue = createQueue({ uploadPreset: preset, resourceType: 'raw' });
      const events = record(queue);
      await queue.addFiles([{ name: 'data.bin', data: new Blob([randomBytes(200_000)]) }]);
      await run(queue);
      await sleep(0);
      const sequence = types(events);
      assert.equal(sequence[0], 'added');
      assert.equal(sequence[1], 'queue-start');
      assert.includeMembers(sequence, ['progress']);
      assert.deepEqual(sequence.slice(-2), ['success', 'queue-end']);
      assert.equal(events[events.length - 1]!.type, 'state', 'a state event follows every change');
      const progress = events.filter((event) => event.type === 'progress');
      const last = progress[progress.length - 1]!;
      assert.equal(last.file.bytesUploaded, 200_000);
      assert.equal(last.totals.bytesTotal, 200_000);
      const success = events.find((event) => event.type === 'success')!;
      assert.equal(success.response.bytes, 200_000);
      assert.strictEqual(success.file.response, success.response);
    });

    it('cancels a file before it starts: aborted, never sent, uploaded again by retry', async () => {
      const preset = await unsignedPreset();
      const publicId = uniqueName('cancelled');
      const queue = createQueue({ uploadPreset: preset, publicId });
      const events = record(queue);
      const { added } = await queue.addFiles([await png()]);
      const id = added[0]!.id;
      queue.cancel(id);
      assert.deepInclude(
        events.find((event) => event.type === 'abort'),
        { ids: [id], all: false },
      );
      assert.equal(queue.snapshot().files[0]!.status, 'aborted');
      await queue.start();
      assert.equal(queue.snapshot().files[0]!.status, 'aborted', 'start() leaves aborted files alone');
      assert.equal((await resource(publicId)).status, 404);
      const end = nextEvent(queue, 'queue-end');
      queue.retry(id);
      assert.deepInclude(
        events.find((event) => event.type === 'retry'),
        { ids: [id], all: false },
      );
      assert.lengthOf((await end).successful, 1);
      assert.equal((await resource(publicId)).status, 200);
    });

    it('cancels every upload with cancelAll and retries them with retryAll', async () => {
      const preset = await unsignedPreset();
      const queue = createQueue({ uploadPreset: preset });
      const { added } = await queue.addFiles([await png('a.png'), await png('b.png')]);
      const ids = added.map((file) => file.id);
      const aborted = nextEvent(queue, 'abort');
      const started = queue.start();
      queue.cancelAll();
      assert.deepEqual(await aborted, { type: 'abort', ids, all: true });
      await started;
      assert.deepEqual(
        queue.snapshot().files.map((file) => file.status),
        ['aborted', 'aborted'],
      );
      const retried = nextEvent(queue, 'retry');
      const end = nextEvent(queue, 'queue-end');
      queue.retryAll();
      assert.deepEqual(await retried, { type: 'retry', ids, all: true });
      assert.lengthOf((await end).successful, 2);
      queue.cancelAll();
      queue.retryAll();
      assert.isTrue(
        queue.snapshot().files.every((file) => file.status === 'done'),
        'finished files cannot be cancelled or retried',
      );
    });

    it('leaves failed files to retry: start() uploads pending files only', async () => {
      const queue = createQueue({ uploadPreset: uniqueName('no_such_preset') });
      await queue.addFiles([await png('failed.png')]);
      const first = await run(queue);
      assert.lengthOf(first.failed, 1);
      queue.setOptions({ uploadPreset: await unsignedPreset() });
      const events = record(queue);
      await queue.addFiles([await png('new.png')]);
      const second = await run(queue);
      assert.deepEqual(
        second.successful.map((file) => file.name),
        ['new.png'],
      );
      assert.notInclude(types(events), 'retry');
      assert.deepEqual(
        queue.snapshot().files.map((file) => file.status),
        ['error', 'done'],
      );
      assert.equal(queue.snapshot().files[0]!.error?.status, 400, 'the failure is kept as it was');
      const third = nextEvent(queue, 'queue-end');
      queue.retryAll();
      assert.deepEqual(
        (await third).successful.map((file) => file.name),
        ['failed.png'],
        'a retry uses the options in effect by then',
      );
    });
  });

  describe('errors', () => {
    it('refuses to upload without a preset or a signature, saying what is missing', async () => {
      const queue = createQueue();
      await queue.addFiles([await png()]);
      const error = nextEvent(queue, 'error');
      await queue.start();
      const { file } = await error;
      assert.equal(file.status, 'error');
      assert.isUndefined(file.error?.status);
      assert.match(file.error!.message, /uploadPreset.*uploadSignature/);
    });

    it('reports a refused signature with the server’s 401 and message', async () => {
      const queue = createQueue({
        uploadSignature: (callback) => callback('0'.repeat(40)),
        apiKey: testServer().apiKey,
      });
      await queue.addFiles([await png()]);
      const error = nextEvent(queue, 'error');
      const end = await run(queue);
      const { error: reported } = await error;
      assert.equal(reported.status, 401);
      assert.match(reported.message, /^Invalid Signature 0{40}\. String to sign - '/);
      assert.lengthOf(end.failed, 1);
    });

    it('reports what the server says about a remote address it will not fetch', async () => {
      const queue = createQueue({ uploadPreset: await unsignedPreset() });
      await queue.addUrl(`${testServer().apiBase}/demo/image/upload/sample.jpg`);
      const error = nextEvent(queue, 'error');
      await queue.start();
      const { error: reported } = await error;
      assert.equal(reported.status, 400);
      assert.match(reported.message, /private address/);
    });

    it('refuses a malformed address as unreadable', async () => {
      const queue = createQueue();
      const rejected = nextEvent(queue, 'rejected');
      const result = await queue.addUrl('not a url');
      assert.isEmpty(result.added);
      assert.deepEqual((await rejected).rejections, [
        { name: 'not a url', reason: 'unreadable', values: { url: 'not a url' } },
      ]);
    });
  });
});
