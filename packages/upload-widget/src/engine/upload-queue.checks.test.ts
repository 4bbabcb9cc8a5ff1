// The queue's client-side checks, and the crop and downscale done in the browser before upload.
import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import {
  admin,
  createQueue,
  destroyQueues,
  download,
  imageBlob,
  nextEvent,
  pixelColour,
  QUADRANTS,
  resource,
  signWithServer,
  uniqueName,
  unsignedPreset,
} from './engine-fixtures.test.js';
import type { UploadQueue } from './upload-queue.js';
import type { Rejection, SignatureFunction } from './upload-queue.types.js';

afterEach(destroyQueues);

async function png(name: string, width = 40, height = 30) {
  return { name, data: await imageBlob(width, height) };
}

/** Adds files and returns what was refused, checking the 'rejected' event says the same. */
async function refused(
  queue: UploadQueue,
  files: Parameters<UploadQueue['addFiles']>[0],
): Promise<readonly Rejection[]> {
  let announced: readonly Rejection[] = [];
  const stop = queue.subscribe((event) => {
    if (event.type === 'rejected') announced = event.rejections;
  });
  const { rejected } = await queue.addFiles(files);
  stop();
  assert.deepEqual(announced, rejected, "the 'rejected' event matches the result");
  return rejected;
}

async function uploadOne(queue: UploadQueue) {
  const end = nextEvent(queue, 'queue-end');
  await queue.start();
  const { successful, failed } = await end;
  assert.isEmpty(failed, JSON.stringify(failed[0]?.error));
  return successful[0]!.response!;
}

describe('UploadQueue checks', () => {
  describe('rejections', () => {
    it('refuses files past maxFiles, counting those already queued, as max-files', async () => {
      const queue = createQueue({ maxFiles: 3 });
      await queue.addFiles([await png('a.png')]);
      const rejected = await refused(queue, [await png('b.png'), await png('c.png'), await png('d.png')]);
      assert.deepEqual(rejected, [{ name: 'd.png', reason: 'max-files', values: { max: 3 } }]);
      assert.deepEqual(
        queue.snapshot().files.map((file) => file.name),
        ['a.png', 'b.png', 'c.png'],
      );
      assert.deepEqual(
        (await refused(queue, [await png('e.png')])).map((rejection) => rejection.reason),
        ['max-files'],
      );
    });

    it('refuses files over maxFileSize or their kind’s limit as file-too-large', async () => {
      const queue = createQueue({ maxFileSize: 1000, maxRawFileSize: 10 });
      const rejected = await refused(queue, [
        { name: 'big.bin', data: new Blob([new Uint8Array(1001)]) },
        { name: 'small.txt', data: new Blob(['more than ten bytes'], { type: 'text/plain' }) },
        { name: 'tiny.txt', data: new Blob(['ok'], { type: 'text/plain' }) },
      ]);
      assert.deepEqual(rejected, [
        { name: 'big.bin', reason: 'file-too-large', values: { maxBytes: 10, size: 1001 } },
        { name: 'small.txt', reason: 'file-too-large', values: { maxBytes: 10, size: 19 } },
      ]);
      assert.lengthOf(queue.snapshot().files, 1);
    });

    it('refuses formats outside clientAllowedFormats, by extension or else by MIME type', async () => {
      const queue = createQueue({ clientAllowedFormats: ['png', 'jpg'] });
      const gif = new Blob([new Uint8Array(4)], { type: 'image/gif' });
      const rejected = await refused(queue, [
        { name: 'anim.gif', data: gif },
        { name: 'pasted', data: gif },
        { name: 'pasted', data: new Blob([new Uint8Array(4)], { type: 'image/png' }) },
        { name: 'photo.JPEG', data: new Blob([new Uint8Array(4)], { type: 'image/jpeg' }) },
      ]);
      assert.deepEqual(
        rejected.map((rejection) => [rejection.name, rejection.reason, rejection.values.formats]),
        [
          ['anim.gif', 'format-not-allowed', 'png, jpg'],
          ['pasted', 'format-not-allowed', 'png, jpg'],
        ],
      );
      assert.lengthOf(queue.snapshot().files, 2);
    });

    it('refuses images under the minimum dimensions as image-too-small', async () => {
      const queue = createQueue({ minImageWidth: 50, minImageHeight: 20 });
      const rejected = await refused(queue, [await png('narrow.png', 40, 30), await png('wide.png', 60, 30)]);
      assert.deepEqual(rejected, [
        {
          name: 'narrow.png',
          reason: 'image-too-small',
          values: { width: 40, height: 30, minWidth: 50, minHeight: 20 },
        },
      ]);
    });

    it('refuses images over the maximum dimensions as image-too-large with validateMaxWidthHeight', async () => {
      const queue = createQueue({ maxImageWidth: 100, maxImageHeight: 100, validateMaxWidthHeight: true });
      const rejected = await refused(queue, [
        await png('huge.png', 300, 50),
        await png('fits.png', 100, 100),
      ]);
      assert.deepEqual(rejected, [
        {
          name: 'huge.png',
          reason: 'image-too-large',
          values: { width: 300, height: 50, maxWidth: 100, maxHeight: 100 },
        },
      ]);
    });

    it('refuses an image it cannot decode as unreadable, but not other files', async () => {
      const queue = createQueue({ minImageWidth: 10 });
      const rejected = await refused(queue, [
        { name: 'broken.png', data: new Blob(['not a picture'], { type: 'image/png' }) },
        { name: 'notes.txt', data: new Blob(['not a picture'], { type: 'text/plain' }) },
      ]);
      assert.deepEqual(rejected, [{ name: 'broken.png', reason: 'unreadable', values: {} }]);
      assert.deepEqual(
        queue.snapshot().files.map((file) => file.name),
        ['notes.txt'],
      );
    });

    it('sends nothing to the server for refused files', async () => {
      const publicId = uniqueName('never');
      const queue = createQueue({ uploadPreset: await unsignedPreset(), publicId, maxFileSize: 10 });
      await queue.addFiles([await png('x.png')]);
      await queue.start();
      assert.equal((await resource(publicId)).status, 404);
    });
  });

  describe('downscale', () => {
    it('scales images over the maximum down in the browser, keeping aspect ratio and format', async () => {
      const publicId = uniqueName('downscaled');
      const queue = createQueue({
        uploadPreset: await unsignedPreset(),
        publicId,
        maxImageWidth: 400,
        maxImageHeight: 400,
      });
      const { added } = await queue.addFiles([
        { name: 'large.jpg', data: await imageBlob(800, 600, 'image/jpeg') },
      ]);
      assert.equal(added[0]!.status, 'pending', 'accepted, not refused');
      const response = await uploadOne(queue);
      assert.deepInclude(response, { width: 400, height: 300, format: 'jpg' });
      const stored = await resource(publicId);
      assert.deepInclude(stored.body, { width: 400, height: 300 });
      assert.equal(queue.snapshot().files[0]!.bytesTotal, response.bytes, 'progress counts the bytes sent');
    });

    it('leaves images within the maximum untouched', async () => {
      const queue = createQueue({ uploadPreset: await unsignedPreset(), maxImageWidth: 400 });
      const original = await imageBlob(300, 200);
      await queue.addFiles([{ name: 'small.png', data: original }]);
      const response = await uploadOne(queue);
      assert.deepEqual(await download(response.secure_url), new Uint8Array(await original.arrayBuffer()));
    });
  });

  describe('crop', () => {
    it('crops the pixels in the browser in apply mode', async () => {
      const publicId = uniqueName('cropped');
      const queue = createQueue({ uploadPreset: await unsignedPreset(), publicId });
      const { added } = await queue.addFiles([await png('quadrants.png', 200, 100)]);
      const crop = { mode: 'apply' as const, rect: { x: 110, y: 60, width: 80, height: 30 } };
      queue.setCrop(added[0]!.id, crop);
      assert.deepEqual(queue.snapshot().files[0]!.crop, crop);
      const response = await uploadOne(queue);
      assert.deepInclude(response, { width: 80, height: 30 });
      const delivered = new Blob([await download(response.secure_url)]);
      assert.equal(await pixelColour(delivered, 40, 15), QUADRANTS[2]);
    });

    it('sends custom_coordinates in coordinates mode, scaled with a downscale, and keeps the pixels', async () => {
      const seen: Record<string, string | number>[] = [];
      const signer: SignatureFunction = (callback, params) => {
        seen.push(params);
        void signWithServer(params).then(callback);
      };
      const queue = createQueue({ uploadSignature: signer, maxImageWidth: 100 });
      const { added } = await queue.addFiles([await png('full.png', 200, 100)]);
      queue.setCrop(added[0]!.id, { mode: 'coordinates', rect: { x: 20, y: 10, width: 100, height: 50 } });
      const response = await uploadOne(queue);
      // The server checked the signature over what it received: custom_coordinates arrived as signed.
      assert.equal(seen[0]!.custom_coordinates, '10,5,50,25');
      assert.deepInclude(response, { width: 100, height: 50 });
    });

    it('sends custom_coordinates unchanged when nothing is scaled, unsigned too', async () => {
      const publicId = uniqueName('coordinates');
      const queue = createQueue({ uploadPreset: await unsignedPreset(), publicId });
      const { added } = await queue.addFiles([await png('full.png', 200, 100)]);
      queue.setCrop(added[0]!.id, { mode: 'coordinates', rect: { x: 20, y: 10, width: 100, height: 50 } });
      const response = await uploadOne(queue);
      assert.deepInclude(response, { width: 200, height: 100 }, 'the pixels are not cropped');
      // The server keeps the region, and crops to it on delivery with g_custom.
      const stored = await admin<{ coordinates?: { custom?: number[][] } }>(
        'GET',
        `/resources/image/upload/${encodeURIComponent(response.public_id)}?coordinates=true`,
      );
      assert.deepEqual(stored.body.coordinates?.custom, [[20, 10, 100, 50]]);
      const cropped = response.secure_url.replace('/upload/', '/upload/c_crop,g_custom/');
      const region = new Blob([await download(cropped)]);
      const { width, height } = await createImageBitmap(region);
      assert.deepEqual({ width, height }, { width: 100, height: 50 });
    });

    it('clears a crop with undefined, and ignores crops of finished files', async () => {
      const queue = createQueue({ uploadPreset: await unsignedPreset() });
      const { added } = await queue.addFiles([await png('a.png', 60, 60)]);
      const id = added[0]!.id;
      queue.setCrop(id, { mode: 'apply', rect: { x: 0, y: 0, width: 10, height: 10 } });
      queue.setCrop(id, undefined);
      assert.notProperty(queue.snapshot().files[0], 'crop');
      const response = await uploadOne(queue);
      assert.equal(response.width, 60);
      queue.setCrop(id, { mode: 'apply', rect: { x: 0, y: 0, width: 10, height: 10 } });
      assert.notProperty(queue.snapshot().files[0], 'crop');
    });
  });
});
