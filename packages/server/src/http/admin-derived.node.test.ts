// Deleting derived assets through the Admin API (by transformation, `keep_original`, by id) and the
// derived totals of `usage`, against a real server with a real SQLite catalog and local storage.
// Delivery URLs come from the official SDK's `cloudinary.url()`; `X-Kumo-Render` tells whether a
// response was rendered now or served from the derived cache.
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { get, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import {
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

const require = createRequire(import.meta.url);
const cloudinary = require('cloudinary').v2 as {
  url(publicId: string, options: Record<string, unknown>): string;
};
const AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

type Json = Record<string, unknown>;
interface DerivedEntry {
  id: string;
  transformation: string;
  format: string;
  bytes: number;
  url: string;
}

async function admin(server: TestServer, method: string, route: string, params?: [string, string][]) {
  const body = params ? new URLSearchParams(params).toString() : undefined;
  const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/${route}`, {
    method,
    headers: {
      authorization: AUTH,
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    body,
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function derivedOf(server: TestServer, publicId: string): Promise<DerivedEntry[]> {
  const resource = await admin(server, 'GET', `resources/image/upload/${publicId}`);
  assert.equal(resource.status, 200, JSON.stringify(resource.body));
  return resource.body.derived as DerivedEntry[];
}

/** Files under the local storage's derived folder for one asset. */
async function derivedBlobs(server: TestServer, assetId: string): Promise<string[]> {
  return fs.readdir(path.join(server.dataDir, 'blobs', 'derived', assetId)).catch(() => []);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('Admin API: deleting derived assets', () => {
  let server: TestServer;
  const url = (publicId: string, options: Record<string, unknown>) =>
    cloudinary
      .url(publicId, { cloud_name: TEST_CLOUD, secure: false, ...options })
      .replace('http://res.cloudinary.com', server.url);
  const render = async (publicId: string, options: Record<string, unknown>) => {
    const response = await get(url(publicId, options));
    assert.equal(response.status, 200, url(publicId, options));
    return { source: response.headers.get('x-kumo-render'), bytes: response.body.length };
  };

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('deletes only the derived assets matching a transformation, with or without a format', async () => {
    const uploaded = await uploadAsset(server, await makePhoto(), {
      public_id: 'dd/photo',
      filename: 'p.jpg',
    });
    const assetId = String(uploaded.asset_id);
    const small = { width: 50, format: 'jpg' };
    const smallWebp = { width: 50, format: 'webp' };
    const scaled = { width: 80, crop: 'scale', format: 'jpg' };
    for (const options of [small, smallWebp, scaled])
      assert.equal((await render('dd/photo', options)).source, 'render');
    await waitFor(async () => (await derivedOf(server, 'dd/photo')).length === 3);
    // Served again, the WebP ends up in the memory cache: a deletion must reach that cache too.
    assert.equal((await render('dd/photo', smallWebp)).source, 'cache');
    assert.equal((await render('dd/photo', smallWebp)).source, 'memory');
    assert.lengthOf(await derivedBlobs(server, assetId), 3);

    // The SDK's delete_derived_by_transformation: public_ids[], keep_original and `transformations`.
    const webpOnly = await admin(server, 'DELETE', 'resources/image/upload', [
      ['public_ids[]', 'dd/photo'],
      ['keep_original', 'true'],
      ['transformations', 'w_50/webp'],
    ]);
    assert.equal(webpOnly.status, 200, JSON.stringify(webpOnly.body));
    assert.deepEqual(webpOnly.body.deleted, { 'dd/photo': 'deleted' });
    assert.deepEqual(webpOnly.body.deleted_counts, { 'dd/photo': { original: 0, derived: 1 } });
    const left = await derivedOf(server, 'dd/photo');
    assert.sameMembers(
      left.map((entry) => `${entry.transformation}.${entry.format}`),
      ['w_50.jpg', 'c_scale,w_80.jpg'],
    );
    await waitFor(async () => (await derivedBlobs(server, assetId)).length === 2);
    assert.equal((await render('dd/photo', smallWebp)).source, 'render');
    assert.include(['memory', 'cache'], (await render('dd/photo', small)).source);
    await waitFor(async () => (await derivedOf(server, 'dd/photo')).length === 3);

    // Parameters in another order name the same canonical transformation; no format: any format.
    const reordered = await admin(server, 'DELETE', 'resources/image/upload', [
      ['public_ids[]', 'dd/photo'],
      ['transformations', 'w_80,c_scale'],
    ]);
    assert.equal(reordered.status, 200, JSON.stringify(reordered.body));
    assert.deepEqual(reordered.body.deleted_counts, { 'dd/photo': { original: 0, derived: 1 } });
    const bothFormats = await admin(server, 'DELETE', 'resources/image/upload', [
      ['public_ids[]', 'dd/photo'],
      ['public_ids[]', 'dd/missing'],
      ['keep_original', 'true'],
      ['transformations', 'e_sepia|w_50'],
    ]);
    assert.deepEqual(bothFormats.body.deleted, { 'dd/photo': 'deleted', 'dd/missing': 'not_found' });
    assert.deepEqual(bothFormats.body.deleted_counts, { 'dd/photo': { original: 0, derived: 2 } });
    assert.lengthOf(await derivedOf(server, 'dd/photo'), 0);
    await waitFor(async () => (await derivedBlobs(server, assetId)).length === 0);

    // The original stays, and every derived asset is rendered again on request.
    const original = await get(url('dd/photo', { format: 'jpg' }));
    assert.equal(original.status, 200);
    assert.equal(original.headers.get('x-kumo-render'), 'original');
    for (const options of [small, scaled]) assert.equal((await render('dd/photo', options)).source, 'render');
    await waitFor(async () => (await derivedOf(server, 'dd/photo')).length === 2);
  });

  it('deletes every derived asset with keep_original, by prefix too, and keeps the originals', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'keep/a', filename: 'a.jpg' });
    await uploadAsset(server, await makePhoto(), { public_id: 'keep/b', filename: 'b.jpg' });
    for (const id of ['keep/a', 'keep/b']) {
      await render(id, { width: 30, format: 'png' });
      await render(id, { width: 40, format: 'jpg' });
      await waitFor(async () => (await derivedOf(server, id)).length === 2);
    }
    const byId = await admin(server, 'DELETE', 'resources/image/upload', [
      ['public_ids[]', 'keep/a'],
      ['keep_original', 'true'],
    ]);
    assert.deepEqual(byId.body.deleted_counts, { 'keep/a': { original: 0, derived: 2 } });
    assert.lengthOf(await derivedOf(server, 'keep/a'), 0);
    assert.lengthOf(await derivedOf(server, 'keep/b'), 2);
    const byPrefix = await admin(server, 'DELETE', 'resources/image/upload', [
      ['prefix', 'keep/'],
      ['keep_original', 'true'],
    ]);
    assert.equal(byPrefix.status, 200, JSON.stringify(byPrefix.body));
    assert.lengthOf(await derivedOf(server, 'keep/b'), 0);
    assert.equal((await render('keep/b', { width: 30, format: 'png' })).source, 'render');
    await render('keep/b', { width: 40, format: 'jpg' });
    await waitFor(async () => (await derivedOf(server, 'keep/b')).length === 2);

    // By asset id, with a transformation: only that derived asset goes.
    const assetId = String((await admin(server, 'GET', 'resources/image/upload/keep/b')).body.asset_id);
    const byAssetId = await admin(server, 'DELETE', 'resources', [
      ['asset_ids[]', assetId],
      ['transformations', 'w_30/png'],
    ]);
    assert.equal(byAssetId.status, 200, JSON.stringify(byAssetId.body));
    assert.deepEqual(byAssetId.body.deleted, { [assetId]: 'deleted' });
    assert.deepEqual(
      (await derivedOf(server, 'keep/b')).map((entry) => entry.transformation),
      ['w_40'],
    );
  });

  it('counts the derived assets deleted with their asset', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'gone', filename: 'g.jpg' });
    await render('gone', { width: 20, format: 'jpg' });
    await waitFor(async () => (await derivedOf(server, 'gone')).length === 1);
    const deleted = await admin(server, 'DELETE', 'resources/image/upload', [['public_ids[]', 'gone']]);
    assert.deepEqual(deleted.body.deleted_counts, { gone: { original: 1, derived: 1 } });
    assert.equal((await get(url('gone', { format: 'jpg' }))).status, 404);
  });

  it('deletes derived assets by id (delete_derived_resources)', async () => {
    await uploadAsset(server, await makePhoto(), { public_id: 'by-id', filename: 'i.jpg' });
    await render('by-id', { width: 25, format: 'jpg' });
    await render('by-id', { width: 35, format: 'jpg' });
    await waitFor(async () => (await derivedOf(server, 'by-id')).length === 2);
    const [first, second] = await derivedOf(server, 'by-id');
    const unknown = 'f'.repeat(32);
    const response = await admin(server, 'DELETE', 'derived_resources', [
      ['derived_resource_ids[]', first!.id],
      ['derived_resource_ids[]', unknown],
    ]);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body.deleted, { [first!.id]: 'deleted', [unknown]: 'not_found' });
    assert.deepEqual(
      (await derivedOf(server, 'by-id')).map((entry) => entry.id),
      [second!.id],
    );
    const again = await get(first!.url);
    assert.equal(again.headers.get('x-kumo-render'), 'render');
    await waitFor(async () => (await derivedOf(server, 'by-id')).length === 2);
  });

  it('refuses bad transformations and missing ids with a 400', async () => {
    const badTransformation = await admin(server, 'DELETE', 'resources/image/upload', [
      ['public_ids[]', 'dd/photo'],
      ['transformations', 'w_abc,,x'],
    ]);
    assert.equal(badTransformation.status, 400);
    assert.match(JSON.stringify(badTransformation.body), /transformation/i);
    assert.equal((await admin(server, 'DELETE', 'derived_resources')).status, 400);
    const badId = await admin(server, 'DELETE', 'derived_resources', [['derived_resource_ids[]', '../x']]);
    assert.equal(badId.status, 400);
  });
});

describe('Admin API: usage counts derived assets', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('reports derived_resources and storage including derived bytes', async () => {
    const photo = await makePhoto();
    await uploadAsset(server, photo, { public_id: 'u/one', filename: 'one.jpg' });
    await uploadAsset(server, photo, { public_id: 'u/two', filename: 'two.jpg' });
    const initial = await admin(server, 'GET', 'usage');
    assert.equal(initial.body.derived_resources, 0);
    assert.equal((initial.body.storage as Json).usage, photo.length * 2);

    const bodies: number[] = [];
    for (const [id, width] of [
      ['u/one', 64],
      ['u/two', 32],
    ] as const) {
      const response = await get(
        cloudinary
          .url(id, { cloud_name: TEST_CLOUD, secure: false, width, format: 'png' })
          .replace('http://res.cloudinary.com', server.url),
      );
      assert.equal(response.headers.get('x-kumo-render'), 'render');
      bodies.push(response.body.length);
      await waitFor(async () => (await derivedOf(server, id)).length === 1);
    }
    const usage = await admin(server, 'GET', 'usage');
    assert.equal(usage.status, 200);
    assert.equal(usage.body.resources, 2);
    assert.equal(usage.body.derived_resources, 2);
    assert.equal((usage.body.storage as Json).usage, photo.length * 2 + bodies[0]! + bodies[1]!);

    await admin(server, 'DELETE', 'resources/image/upload', [
      ['public_ids[]', 'u/one'],
      ['keep_original', 'true'],
    ]);
    const reduced = await admin(server, 'GET', 'usage');
    assert.equal(reduced.body.derived_resources, 1);
    assert.equal((reduced.body.storage as Json).usage, photo.length * 2 + bodies[1]!);
  });
});
