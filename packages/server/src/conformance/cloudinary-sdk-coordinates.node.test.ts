// The official `cloudinary` SDK, unchanged, on custom coordinates: set on upload and explicit, read back
// with `coordinates: true`, changed and cleared with `api.update`, and used by `g_custom` on delivery.
// The SDK reads CLOUDINARY_URL once, when first loaded, so it is imported after the server starts;
// this file runs in its own process.
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import sharp from 'sharp';
import { type Sdk, type SdkResult, startServerWithSdk } from '../testing/sdk-client.js';
import { TEST_CLOUD, type TestServer } from '../testing/test-server.js';

type Result = SdkResult;
let cloudinary: Sdk;
let server: TestServer;
let picture: string;

const RED = { r: 255, g: 0, b: 0 };
const GREEN = { r: 0, g: 255, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

/** A 200×100 red PNG with a green block at 150,10 (40×40) and a blue one at 10,50 (30×30). */
async function makePicture(): Promise<string> {
  const block = (width: number, height: number, color: typeof RED) =>
    sharp({ create: { width, height, channels: 3, background: color } })
      .png()
      .toBuffer();
  const png = await sharp({ create: { width: 200, height: 100, channels: 3, background: RED } })
    .composite([
      { input: await block(40, 40, GREEN), left: 150, top: 10 },
      { input: await block(30, 30, BLUE), left: 10, top: 50 },
    ])
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

async function expectRejection(promise: Promise<unknown>): Promise<Result> {
  try {
    await promise;
  } catch (error) {
    return error as Result;
  }
  return assert.fail('expected the call to be rejected');
}

/** Delivers `c_…` of an asset and returns its decoded pixels. */
async function deliver(publicId: string, transformation: string) {
  const response = await fetch(`${server.url}/${TEST_CLOUD}/image/upload/${transformation}/${publicId}.png`);
  assert.strictEqual(response.status, 200, await response.clone().text());
  const { data, info } = await sharp(Buffer.from(await response.arrayBuffer()))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => {
    const at = (y * info.width + x) * info.channels;
    return { r: data[at]!, g: data[at + 1]!, b: data[at + 2]! };
  };
  const count = (color: typeof RED) => {
    let found = 0;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const p = pixel(x, y);
        if (Math.abs(p.r - color.r) + Math.abs(p.g - color.g) + Math.abs(p.b - color.b) < 60) found++;
      }
    }
    return found;
  };
  return { width: info.width, height: info.height, pixel, count };
}

function assertColor(actual: { r: number; g: number; b: number }, expected: typeof RED) {
  const distance =
    Math.abs(actual.r - expected.r) + Math.abs(actual.g - expected.g) + Math.abs(actual.b - expected.b);
  assert.isBelow(distance, 60, `${JSON.stringify(actual)} is not ${JSON.stringify(expected)}`);
}

before(async () => {
  ({ server, cloudinary } = await startServerWithSdk());
  picture = await makePicture();
});

after(async () => {
  await server?.close();
});

describe('custom coordinates through the official cloudinary SDK', () => {
  it('stores custom_coordinates given on upload and returns them with coordinates: true', async () => {
    await cloudinary.uploader.upload(picture, {
      public_id: 'coords/upload',
      custom_coordinates: [
        [150, 10, 40, 40],
        [10, 50, 30, 30],
      ],
    });
    const details: Result = await cloudinary.api.resource('coords/upload', { coordinates: true });
    assert.deepEqual(details.coordinates, {
      custom: [
        [150, 10, 40, 40],
        [10, 50, 30, 30],
      ],
    });
    const plain: Result = await cloudinary.api.resource('coords/upload');
    assert.notProperty(plain, 'coordinates');
  });

  it('reports no custom regions for an asset without coordinates', async () => {
    await cloudinary.uploader.upload(picture, { public_id: 'coords/none' });
    const details: Result = await cloudinary.api.resource('coords/none', { coordinates: true });
    assert.deepEqual(details.coordinates, {});
  });

  it('changes and clears custom coordinates with api.update', async () => {
    await cloudinary.uploader.upload(picture, { public_id: 'coords/update', custom_coordinates: '1,2,3,4' });
    const updated: Result = await cloudinary.api.update('coords/update', {
      custom_coordinates: '10,50,30,30',
    });
    assert.strictEqual(updated.public_id, 'coords/update');
    let details: Result = await cloudinary.api.resource('coords/update', { coordinates: true });
    assert.deepEqual(details.coordinates, { custom: [[10, 50, 30, 30]] });
    await cloudinary.api.update('coords/update', { custom_coordinates: '' });
    details = await cloudinary.api.resource('coords/update', { coordinates: true });
    assert.deepEqual(details.coordinates, {});
  });

  it('sets custom coordinates with explicit', async () => {
    await cloudinary.uploader.upload(picture, { public_id: 'coords/explicit' });
    await cloudinary.uploader.explicit('coords/explicit', { type: 'upload', custom_coordinates: '5,6,7,8' });
    const details: Result = await cloudinary.api.resource('coords/explicit', { coordinates: true });
    assert.deepEqual(details.coordinates, { custom: [[5, 6, 7, 8]] });
  });

  it('crops to the custom region with c_crop,g_custom', async () => {
    await cloudinary.uploader.upload(picture, {
      public_id: 'coords/crop',
      custom_coordinates: '150,10,40,40|10,50,30,30',
    });
    const image = await deliver('coords/crop', 'c_crop,g_custom');
    assert.deepEqual([image.width, image.height], [40, 40]);
    assert.strictEqual(image.count(GREEN), 40 * 40);
  });

  it('centres fills on the custom region, unlike g_center', async () => {
    await cloudinary.uploader.upload(picture, {
      public_id: 'coords/fill',
      custom_coordinates: '150,10,40,40',
    });
    const custom = await deliver('coords/fill', 'c_fill,g_custom,w_50,h_50');
    const centre = await deliver('coords/fill', 'c_fill,g_center,w_50,h_50');
    assert.deepEqual([custom.width, custom.height], [50, 50]);
    assert.deepEqual([centre.width, centre.height], [50, 50]);
    // The fill keeps the right half of the image, where the green block is; the centred fill misses it.
    assert.isAbove(custom.count(GREEN), 300);
    assert.strictEqual(centre.count(GREEN), 0);
    const thumb = await deliver('coords/fill', 'c_thumb,g_custom,w_50,h_50');
    assert.isAbove(thumb.count(GREEN), 300);
  });

  it('renders g_custom without coordinates like the other saliency gravities', async () => {
    const image = await deliver('coords/none', 'c_fill,g_custom,w_50,h_50');
    assert.deepEqual([image.width, image.height], [50, 50]);
    const crop = await deliver('coords/none', 'c_crop,g_custom,w_20,h_20');
    assert.deepEqual([crop.width, crop.height], [20, 20]);
  });

  it('never serves a g_custom rendering made with coordinates that have since changed', async () => {
    await cloudinary.uploader.upload(picture, {
      public_id: 'coords/fresh',
      custom_coordinates: '150,10,40,40',
    });
    const before = await deliver('coords/fresh', 'c_crop,g_custom');
    assertColor(before.pixel(20, 20), GREEN);
    // Served again from the derived cache (and the in-memory cache) before the change.
    assertColor((await deliver('coords/fresh', 'c_crop,g_custom')).pixel(20, 20), GREEN);
    await cloudinary.api.update('coords/fresh', { custom_coordinates: '10,50,30,30' });
    const after = await deliver('coords/fresh', 'c_crop,g_custom');
    assert.deepEqual([after.width, after.height], [30, 30]);
    assert.strictEqual(after.count(BLUE), 30 * 30);
    await cloudinary.uploader.explicit('coords/fresh', {
      type: 'upload',
      custom_coordinates: '150,10,40,40',
    });
    const again = await deliver('coords/fresh', 'c_crop,g_custom');
    assert.deepEqual([again.width, again.height], [40, 40]);
    assertColor(again.pixel(20, 20), GREEN);
  });

  it('refuses invalid custom_coordinates on upload, and stores nothing', async () => {
    for (const value of ['1,2,3', '1,2,3,0', '-1,2,3,4', 'a,b,c,d', '1,2,3,4|5,6', '1.5,2,3,4']) {
      const error = await expectRejection(
        cloudinary.uploader.upload(picture, { public_id: 'coords/bad', custom_coordinates: value }),
      );
      assert.strictEqual(error.http_code, 400, value);
      assert.match(String(error.message), /custom_coordinates/);
    }
    const missing = await expectRejection(cloudinary.api.resource('coords/bad'));
    assert.strictEqual(missing.error.http_code, 404);
  });

  it('refuses invalid custom_coordinates on unsigned uploads with a JSON error', async () => {
    await cloudinary.api.create_upload_preset({ name: 'coords-unsigned', unsigned: true });
    const upload = (value: string, publicId: string) => {
      const form = new FormData();
      form.set('file', picture);
      form.set('upload_preset', 'coords-unsigned');
      form.set('public_id', publicId);
      form.set('custom_coordinates', value);
      return fetch(`${server.url}/v1_1/${TEST_CLOUD}/image/upload`, { method: 'POST', body: form });
    };
    const bad = await upload('0,0,0,10', 'coords/unsigned-bad');
    assert.strictEqual(bad.status, 400);
    const body = (await bad.json()) as Result;
    assert.match(body.error.message, /custom_coordinates/);
    const missing = await expectRejection(cloudinary.api.resource('coords/unsigned-bad'));
    assert.strictEqual(missing.error.http_code, 404);
    const good = await upload('150,10,40,40', 'coords/unsigned');
    assert.strictEqual(good.status, 200, await good.clone().text());
    const details: Result = await cloudinary.api.resource('coords/unsigned', { coordinates: true });
    assert.deepEqual(details.coordinates, { custom: [[150, 10, 40, 40]] });
  });

  it('refuses invalid custom_coordinates on update and explicit, and keeps the old ones', async () => {
    await cloudinary.uploader.upload(picture, { public_id: 'coords/keep', custom_coordinates: '1,2,3,4' });
    const update = await expectRejection(
      cloudinary.api.update('coords/keep', { custom_coordinates: '1,2,0,4', tags: ['changed'] }),
    );
    assert.strictEqual(update.error.http_code, 400);
    assert.match(String(update.error.message), /custom_coordinates/);
    const explicit = await expectRejection(
      cloudinary.uploader.explicit('coords/keep', { type: 'upload', custom_coordinates: 'x' }),
    );
    assert.strictEqual(explicit.http_code, 400);
    const details: Result = await cloudinary.api.resource('coords/keep', { coordinates: true });
    assert.deepEqual(details.coordinates, { custom: [[1, 2, 3, 4]] });
    assert.deepEqual(details.tags, []);
  });
});
