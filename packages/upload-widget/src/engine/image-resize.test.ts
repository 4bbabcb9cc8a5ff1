import { describe, it } from 'node:test';
import { assert } from 'chai';
import { imageBlob, pixelColour, QUADRANTS } from './engine-fixtures.test.js';
import { adjustImage, clampCrop, fitScale, readImageSize } from './image-resize.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  return assert.fail('expected a rejection');
}

describe('image adjustments', () => {
  it('reads the pixel size of an image, and nothing from other bytes', async () => {
    assert.deepEqual(await readImageSize(await imageBlob(30, 20)), { width: 30, height: 20 });
    assert.isUndefined(await readImageSize(new Blob(['text'], { type: 'image/png' })));
  });

  it('fits within the bounds without ever scaling up', () => {
    assert.equal(fitScale({ width: 800, height: 600 }, 400, 400), 0.5);
    assert.equal(fitScale({ width: 800, height: 600 }, undefined, 300), 0.5);
    assert.equal(fitScale({ width: 100, height: 100 }, 400, 400), 1);
  });

  it('keeps a crop inside the image, in whole pixels', () => {
    assert.deepEqual(clampCrop({ x: -10, y: 5.4, width: 50, height: 1000 }, { width: 100, height: 100 }), {
      x: 0,
      y: 5,
      width: 40,
      height: 95,
    });
    assert.isUndefined(clampCrop({ x: 200, y: 0, width: 10, height: 10 }, { width: 100, height: 100 }));
  });

  it('does nothing when nothing is asked or needed', async () => {
    const png = await imageBlob(100, 50);
    assert.isUndefined(await adjustImage(png, {}));
    assert.isUndefined(await adjustImage(png, { maxWidth: 200, maxHeight: 200 }));
    assert.isUndefined(await adjustImage(png, { crop: { x: 0, y: 0, width: 100, height: 50 } }));
  });

  it('scales down keeping the aspect ratio and the format', async () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp']) {
      const adjusted = await adjustImage(await imageBlob(800, 600, type), { maxWidth: 400, maxHeight: 400 });
      assert.equal(adjusted?.blob.type, type);
      assert.equal(adjusted?.scale, 0.5);
      assert.deepEqual(await readImageSize(adjusted!.blob), { width: 400, height: 300 });
    }
  });

  it('takes the type from the caller when the blob has none', async () => {
    const untyped = new Blob([await (await imageBlob(800, 600, 'image/jpeg')).arrayBuffer()]);
    const adjusted = await adjustImage(untyped, { maxWidth: 400, type: 'image/jpeg' });
    assert.equal(adjusted?.blob.type, 'image/jpeg');
    assert.isUndefined(await adjustImage(untyped, { maxWidth: 400 }), 'unknown format: left as it is');
  });

  it('crops to the chosen pixels', async () => {
    const adjusted = await adjustImage(await imageBlob(200, 100), {
      crop: { x: 110, y: 60, width: 80, height: 30 },
    });
    assert.deepEqual(await readImageSize(adjusted!.blob), { width: 80, height: 30 });
    assert.equal(await pixelColour(adjusted!.blob, 40, 15), QUADRANTS[2], 'bottom-right quadrant');
  });

  it('crops, then scales the crop down to fit', async () => {
    const adjusted = await adjustImage(await imageBlob(400, 400), {
      crop: { x: 0, y: 0, width: 200, height: 100 },
      maxWidth: 100,
    });
    assert.equal(adjusted?.scale, 0.5);
    assert.deepEqual(await readImageSize(adjusted!.blob), { width: 100, height: 50 });
    assert.equal(await pixelColour(adjusted!.blob, 50, 25), QUADRANTS[0]);
  });

  it('leaves images it cannot re-encode at their size, and crops them to PNG', async () => {
    const bmp = new Blob([await (await imageBlob(20, 20)).arrayBuffer()], { type: 'image/bmp' });
    assert.isUndefined(await adjustImage(bmp, { maxWidth: 10 }));
    const cropped = await adjustImage(bmp, { crop: { x: 0, y: 0, width: 10, height: 10 } });
    assert.equal(cropped?.blob.type, 'image/png');
  });

  it('refuses a crop it cannot do rather than upload the uncropped picture', async () => {
    const garbage = new Blob(['x'], { type: 'image/png' });
    assert.match(
      (await rejection(adjustImage(garbage, { crop: { x: 0, y: 0, width: 1, height: 1 } }))).message,
      /could not be read/,
    );
    assert.isUndefined(await adjustImage(garbage, { maxWidth: 10 }), 'a downscale is simply skipped');
    const outside = adjustImage(await imageBlob(10, 10), { crop: { x: 50, y: 50, width: 5, height: 5 } });
    assert.match((await rejection(outside)).message, /outside the image/);
  });
});
