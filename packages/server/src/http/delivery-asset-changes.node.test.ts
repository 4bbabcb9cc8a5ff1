/**
 * Delivery keeps recently read assets in memory: every change made through the APIs must show in the
 * very next delivery request (overwrite, rename, destroy, tags, folder rename).
 */
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import sharp from 'sharp';
import { get, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import {
  postForm,
  signed,
  startTestServer,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

const AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

describe('delivery after changes to an asset', () => {
  let server: TestServer;
  let base: string;

  before(async () => {
    server = await startTestServer();
    base = `${server.url}/demo/image/upload`;
  });

  after(() => server.close());

  async function command(route: string, params: Record<string, string>) {
    const response = await postForm(`${server.url}/v1_1/demo/image/${route}`, signed(params));
    assert.strictEqual(response.status, 200, JSON.stringify(response.body));
  }

  it('serves the new original right after an overwrite', async () => {
    await uploadAsset(server, await makePhoto(40, 30), { public_id: 'swap', filename: 'a.jpg' });
    const before = await get(`${base}/swap.jpg`);
    assert.strictEqual((await sharp(before.body).metadata()).width, 40);
    await uploadAsset(server, await makePhoto(60, 30), { public_id: 'swap', filename: 'b.jpg' });
    const after = await get(`${base}/swap.jpg`);
    assert.strictEqual(after.status, 200);
    assert.strictEqual((await sharp(after.body).metadata()).width, 60);
    assert.notEqual(after.headers.get('etag'), before.headers.get('etag'));
  });

  it('renders from the new original after an overwrite, even one rendered often enough to be in memory', async () => {
    await uploadAsset(server, await makePhoto(40, 30), { public_id: 'redrawn', filename: 'a.jpg' });
    const heightAt = async (width: number) => {
      const response = await get(`${base}/c_scale,w_${width}/redrawn.png`);
      assert.strictEqual(response.status, 200);
      return (await sharp(response.body).metadata()).height;
    };
    for (const width of [10, 11, 12])
      assert.strictEqual(await heightAt(width), Math.round((width * 30) / 40));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.strictEqual(await heightAt(16), 12);
    await uploadAsset(server, await makePhoto(60, 30), { public_id: 'redrawn', filename: 'b.jpg' });
    assert.strictEqual(await heightAt(20), 10);
  });

  it('answers 404 for the old public id right after a rename, and serves the new one', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'before-rename', filename: 'a.jpg' });
    assert.strictEqual((await get(`${base}/before-rename.jpg`)).status, 200);
    await command('rename', { from_public_id: 'before-rename', to_public_id: 'after-rename' });
    assert.strictEqual((await get(`${base}/before-rename.jpg`)).status, 404);
    assert.strictEqual((await get(`${base}/after-rename.jpg`)).status, 200);
  });

  it('answers 404 right after a destroy', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'doomed', filename: 'a.jpg' });
    assert.strictEqual((await get(`${base}/doomed.jpg`)).status, 200);
    await command('destroy', { public_id: 'doomed' });
    assert.strictEqual((await get(`${base}/doomed.jpg`)).status, 404);
  });

  it('renders with the new tags right after they change', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'tagged', filename: 'a.jpg' });
    const chain = 'if_!sale!_in_tags/c_scale,w_50/if_end';
    assert.strictEqual((await sharp((await get(`${base}/${chain}/tagged.png`)).body).metadata()).width, 400);
    await command('tags', { tag: 'sale', public_ids: 'tagged', command: 'add' });
    // Another format: the png rendering is a derived asset now, rightly kept as it was rendered.
    const after = await get(`${base}/${chain}/tagged.webp`);
    assert.strictEqual(after.status, 200);
    assert.strictEqual((await sharp(after.body).metadata()).width, 50);
  });

  it('follows a folder rename at once', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'album/one', filename: 'a.jpg' });
    assert.strictEqual((await get(`${base}/album/one.jpg`)).status, 200);
    const response = await fetch(`${server.url}/v1_1/demo/folders/album`, {
      method: 'PUT',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ to_folder: 'album-renamed' }),
    });
    assert.strictEqual(response.status, 200, await response.text());
    assert.strictEqual((await get(`${base}/album/one.jpg`)).status, 404);
    assert.strictEqual((await get(`${base}/album-renamed/one.jpg`)).status, 200);
  });
});
