import { describe, it } from 'node:test';
import { assert } from 'chai';
import { imageBlob } from './engine-fixtures.test.js';
import type { ImageSize } from './image-resize.js';
import {
  type CandidateFile,
  checkDimensions,
  checkFile,
  checkFormat,
  checkSize,
  limitCount,
  sizeLimitFor,
} from './restrictions.js';

function file(name: string, type: string, size = 10, data?: Blob): CandidateFile {
  return { name, type, size, data: data ?? new Blob([new Uint8Array(size)], { type }) };
}

/** A size reader that answers without decoding, and counts its calls. */
function sizes(answer: ImageSize | undefined) {
  const reader = async () => {
    reader.calls++;
    return answer;
  };
  reader.calls = 0;
  return reader;
}

describe('restrictions', () => {
  it('lets everything through without restrictions, decoding nothing', async () => {
    const reader = sizes({ width: 1, height: 1 });
    assert.isUndefined(await checkFile(file('a.png', 'image/png'), {}, reader));
    assert.equal(reader.calls, 0);
  });

  it('applies the lower of maxFileSize and the limit of the file’s kind', () => {
    const limits = { maxFileSize: 100, maxImageFileSize: 50, maxVideoFileSize: 500, maxRawFileSize: 20 };
    assert.equal(sizeLimitFor(file('a.png', 'image/png'), limits), 50);
    assert.equal(sizeLimitFor(file('a.mp4', 'video/mp4'), limits), 100);
    assert.equal(sizeLimitFor(file('a.mp3', 'audio/mpeg'), limits), 100);
    assert.equal(sizeLimitFor(file('a.zip', 'application/zip'), limits), 20);
    assert.isUndefined(sizeLimitFor(file('a.zip', ''), { maxImageFileSize: 5 }));
  });

  it('refuses files over their limit as file-too-large, with the limit and the size', () => {
    assert.isUndefined(checkSize(file('a.png', 'image/png', 50), { maxFileSize: 50 }));
    assert.deepEqual(checkSize(file('a.png', 'image/png', 51), { maxFileSize: 50 }), {
      name: 'a.png',
      reason: 'file-too-large',
      values: { maxBytes: 50, size: 51 },
    });
    assert.equal(checkSize(file('b.jpg', 'image/jpeg', 60), { maxImageFileSize: 40 })?.values.maxBytes, 40);
    assert.isUndefined(checkSize(file('b.mov', 'video/quicktime', 60), { maxImageFileSize: 40 }));
  });

  it('checks formats by extension, jpeg and jpg alike, case-insensitively', () => {
    const restrictions = { clientAllowedFormats: ['JPG', 'png'] };
    assert.isUndefined(checkFormat(file('a.jpeg', 'image/jpeg'), restrictions));
    assert.isUndefined(checkFormat(file('b.PNG', 'image/png'), restrictions));
    assert.deepEqual(checkFormat(file('c.gif', 'image/gif'), restrictions), {
      name: 'c.gif',
      reason: 'format-not-allowed',
      values: { formats: 'JPG, png', format: 'gif' },
    });
    // The extension decides even when the MIME type says otherwise.
    assert.equal(checkFormat(file('d.gif', 'image/png'), restrictions)?.reason, 'format-not-allowed');
  });

  it('checks formats by MIME type for names without an extension', () => {
    const restrictions = { clientAllowedFormats: ['png'] };
    assert.isUndefined(checkFormat(file('pasted', 'image/png'), restrictions));
    assert.equal(checkFormat(file('pasted', 'image/jpeg'), restrictions)?.reason, 'format-not-allowed');
    assert.equal(checkFormat(file('mystery', ''), restrictions)?.reason, 'format-not-allowed');
  });

  it('refuses images under the minimum size as image-too-small', async () => {
    const rejection = await checkDimensions(
      file('a.png', 'image/png'),
      { minImageWidth: 100, minImageHeight: 100 },
      sizes({ width: 120, height: 80 }),
    );
    assert.deepEqual(rejection, {
      name: 'a.png',
      reason: 'image-too-small',
      values: { width: 120, height: 80, minWidth: 100, minHeight: 100 },
    });
  });

  it('refuses images over the maximum only with validateMaxWidthHeight', async () => {
    const big = sizes({ width: 2000, height: 1000 });
    assert.isUndefined(await checkDimensions(file('a.png', 'image/png'), { maxImageWidth: 1000 }, big));
    assert.deepEqual(
      await checkDimensions(
        file('a.png', 'image/png'),
        { maxImageWidth: 1000, validateMaxWidthHeight: true },
        big,
      ),
      { name: 'a.png', reason: 'image-too-large', values: { width: 2000, height: 1000, maxWidth: 1000 } },
    );
  });

  it('calls an image that cannot be decoded unreadable, but only when it claims to be an image', async () => {
    const unreadable = sizes(undefined);
    const limits = { minImageWidth: 10 };
    assert.equal(
      (await checkDimensions(file('a.png', 'image/png'), limits, unreadable))?.reason,
      'unreadable',
    );
    assert.isUndefined(await checkDimensions(file('a.bin', 'application/octet-stream'), limits, unreadable));
    assert.isUndefined(await checkDimensions(file('logo.svg', 'image/svg+xml'), limits, unreadable));
    assert.isUndefined(
      await checkDimensions({ name: 'remote.png', type: 'image/png', size: 0 }, limits, unreadable),
      'nothing to decode for a URL the server fetches',
    );
  });

  it('decodes real images with the browser', async () => {
    const png = await imageBlob(64, 32);
    const limits = { minImageWidth: 100 };
    const rejection = await checkFile(file('real.png', 'image/png', png.size, png), limits);
    assert.deepEqual(rejection?.values, { width: 64, height: 32, minWidth: 100, minHeight: 0 });
    const garbage = new Blob(['not an image'], { type: 'image/png' });
    assert.equal((await checkFile(file('fake.png', 'image/png', 12, garbage), limits))?.reason, 'unreadable');
  });

  it('runs the cheap checks first', async () => {
    const reader = sizes({ width: 1, height: 1 });
    const rejection = await checkFile(
      file('a.gif', 'image/gif', 999),
      { clientAllowedFormats: ['png'], maxFileSize: 10, minImageWidth: 5 },
      reader,
    );
    assert.equal(rejection?.reason, 'format-not-allowed');
    assert.equal(reader.calls, 0);
  });

  it('keeps the first files up to maxFiles, counting the queue, and refuses the rest as max-files', () => {
    const names = ['a', 'b', 'c', 'd'].map((name) => ({ name }));
    const { accepted, rejected } = limitCount(names, 1, 3);
    assert.deepEqual(
      accepted.map((entry) => entry.name),
      ['a', 'b'],
    );
    assert.deepEqual(rejected, [
      { name: 'c', reason: 'max-files', values: { max: 3 } },
      { name: 'd', reason: 'max-files', values: { max: 3 } },
    ]);
    assert.lengthOf(limitCount(names, 5, 3).accepted, 0);
    assert.lengthOf(limitCount(names, 0, undefined).accepted, 4);
  });
});
