/**
 * Who may see what: signed URLs (made by the official SDK), strict transformations, private and
 * authenticated assets, `fetch` with an allow-list, tag lists, `d_` default images, and derived
 * assets in the Admin API and deleted with their asset.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import sharp from 'sharp';
import { get, makeLogo, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import {
  postForm,
  signed,
  startTestServer,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

const require = createRequire(import.meta.url);
const cloudinary = require('cloudinary').v2 as {
  url(publicId: string, options: Record<string, unknown>): string;
};
const SDK_HOST = 'http://res.cloudinary.com';
const AUTH = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

function sdkUrl(server: TestServer, publicId: string, options: Record<string, unknown>): string {
  return cloudinary
    .url(publicId, { cloud_name: 'demo', secure: false, api_secret: TEST_SECRET, ...options })
    .replace(SDK_HOST, server.url);
}

async function admin(server: TestServer, method: string, route: string, body?: Record<string, string>) {
  const response = await fetch(`${server.url}/v1_1/demo/${route}`, {
    method,
    headers: {
      authorization: AUTH,
      ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(body ? { body: new URLSearchParams(body).toString() } : {}),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Files under the local storage's derived folder for one asset. */
async function derivedBlobs(server: TestServer, assetId: string): Promise<string[]> {
  return fs.readdir(path.join(server.dataDir, 'blobs', 'derived', assetId)).catch(() => []);
}

describe('delivery: signed URLs and access types', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    const photo = await makePhoto();
    await uploadAsset(server, photo, { public_id: 'open', filename: 'a.jpg' });
    await uploadAsset(server, photo, { public_id: 'secret', type: 'private', filename: 'b.jpg' });
    await uploadAsset(server, photo, { public_id: 'members', type: 'authenticated', filename: 'c.jpg' });
  });
  after(() => server.close());

  it('accepts SDK-signed URLs (SHA-1, SHA-256 and long) and refuses a tampered one', async () => {
    for (const extra of [{}, { signature_algorithm: 'sha256' }, { long_url_signature: true }]) {
      const url = sdkUrl(server, 'open', { sign_url: true, width: 64, format: 'jpg', ...extra });
      assert.equal((await get(url)).status, 200, url);
    }
    const url = sdkUrl(server, 'open', { sign_url: true, width: 64, format: 'jpg' });
    const tampered = url.replace('w_64', 'w_65');
    const response = await get(tampered);
    assert.equal(response.status, 401);
    assert.include(response.headers.get('x-cld-error') ?? '', 'signature');
  });

  it('private: the original needs a signature, derived versions do not', async () => {
    assert.equal((await get(sdkUrl(server, 'secret', { type: 'private', format: 'jpg' }))).status, 401);
    assert.equal(
      (await get(sdkUrl(server, 'secret', { type: 'private', format: 'jpg', sign_url: true }))).status,
      200,
    );
    assert.equal(
      (await get(sdkUrl(server, 'secret', { type: 'private', width: 50, format: 'jpg' }))).status,
      200,
    );
  });

  it('authenticated: every URL needs a signature', async () => {
    for (const options of [{}, { width: 50 }]) {
      const unsigned = sdkUrl(server, 'members', { type: 'authenticated', format: 'jpg', ...options });
      assert.equal((await get(unsigned)).status, 401);
      const url = sdkUrl(server, 'members', {
        type: 'authenticated',
        format: 'jpg',
        sign_url: true,
        ...options,
      });
      assert.equal((await get(url)).status, 200);
    }
  });
});

describe('delivery: strict transformations', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ KUMO_STRICT_TRANSFORMATIONS: 'demo' });
    await uploadAsset(server, await makePhoto(), {
      public_id: 'photo',
      filename: 'p.jpg',
      eager: 'w_77,c_scale',
    });
    const created = await admin(server, 'POST', 'transformations', {
      name: 'thumb',
      transformation: 'c_fill,w_40,h_40',
    });
    assert.equal(created.status, 200);
    await admin(server, 'POST', 'transformations', {
      name: 'allowed',
      transformation: 'w_55',
      allowed_for_strict: 'true',
    });
  });
  after(() => server.close());

  it('refuses new unsigned transformations', async () => {
    const response = await get(sdkUrl(server, 'photo', { width: 100, format: 'jpg' }));
    assert.equal(response.status, 401);
    assert.include(response.headers.get('x-kumo-error') ?? '', 'strict');
  });

  it('renders signed URLs, named transformations, allowed ones, eager ones and originals', async () => {
    assert.equal(
      (await get(sdkUrl(server, 'photo', { width: 100, format: 'jpg', sign_url: true }))).status,
      200,
    );
    const named = await get(sdkUrl(server, 'photo', { transformation: 'thumb', format: 'png' }));
    assert.equal(named.status, 200);
    assert.equal((await sharp(named.body).metadata()).width, 40);
    assert.equal((await get(sdkUrl(server, 'photo', { width: 55, format: 'jpg' }))).status, 200);
    const eager = await get(sdkUrl(server, 'photo', { width: 77, crop: 'scale', format: 'jpg' }));
    assert.equal(eager.status, 200);
    assert.equal(eager.headers.get('x-kumo-render'), 'cache', 'the eager rendering was stored at upload');
    assert.equal((await get(sdkUrl(server, 'photo', { format: 'jpg' }))).status, 200);
  });
});

describe('delivery: fetch, lists, default images, derived assets', () => {
  let server: TestServer;
  let remote: http.Server;
  let blocked: http.Server;
  let remotePort: number;
  let blockedPort: number;
  let logo: Buffer;

  before(async () => {
    // Two local HTTP servers stand in for remote sites: one allow-listed, one not.
    logo = await makeLogo();
    const serve = (request: http.IncomingMessage, response: http.ServerResponse) => {
      if (request.url === '/logo.png') response.writeHead(200, { 'content-type': 'image/png' }).end(logo);
      else response.writeHead(404).end();
    };
    remote = http.createServer(serve);
    blocked = http.createServer(serve);
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => blocked.listen(0, '127.0.0.1', resolve));
    remotePort = (remote.address() as AddressInfo).port;
    blockedPort = (blocked.address() as AddressInfo).port;
    server = await startTestServer({
      KUMO_FETCH_HOSTS: `127.0.0.1:${remotePort}`,
      KUMO_FETCH_ALLOW: `127.0.0.1:${remotePort},127.0.0.1:${blockedPort}`,
    });
  });
  after(async () => {
    await server.close();
    remote.close();
    blocked.close();
  });

  it('fetches and transforms images from allow-listed hosts only', async () => {
    const url = sdkUrl(server, `http://127.0.0.1:${remotePort}/logo.png`, { type: 'fetch', width: 30 });
    const response = await get(url);
    assert.equal(response.status, 200, response.headers.get('x-kumo-error') ?? '');
    assert.equal((await sharp(response.body).metadata()).width, 30);
    const missing = await get(
      sdkUrl(server, `http://127.0.0.1:${remotePort}/nothing.png`, { type: 'fetch' }),
    );
    assert.equal(missing.status, 404);
    const refused = await get(sdkUrl(server, `http://127.0.0.1:${blockedPort}/logo.png`, { type: 'fetch' }));
    assert.equal(refused.status, 403);
    assert.include(refused.headers.get('x-kumo-error') ?? '', 'not allowed');
  });

  it('lists public assets by tag as JSON', async () => {
    const photo = await makePhoto(40, 30);
    await uploadAsset(server, photo, {
      public_id: 'g1',
      tags: 'gallery',
      context: 'alt=first',
      filename: 'g.jpg',
    });
    await uploadAsset(server, photo, { public_id: 'g2', tags: 'gallery,other', filename: 'g.jpg' });
    await uploadAsset(server, photo, {
      public_id: 'g3',
      tags: 'gallery',
      type: 'private',
      filename: 'g.jpg',
    });
    const response = await get(`${server.url}/demo/image/list/gallery.json`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const list = JSON.parse(response.body.toString()) as {
      resources: Record<string, unknown>[];
      updated_at: string;
    };
    assert.deepEqual(list.resources.map((item) => item.public_id).sort(), ['g1', 'g2']);
    const first = list.resources.find((item) => item.public_id === 'g1')!;
    assert.includeMembers(Object.keys(first), [
      'public_id',
      'version',
      'format',
      'width',
      'height',
      'type',
      'created_at',
    ]);
    assert.deepEqual(first.context, { custom: { alt: 'first' } });
    assert.equal(first.width, 40);
    assert.match(list.updated_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal((await get(`${server.url}/demo/video/list/gallery.json`)).status, 200);
  });

  it('renders the d_ default image for a missing asset, 404 without it', async () => {
    await uploadAsset(server, logo, { public_id: 'placeholder', filename: 'p.png' });
    const fallback = await get(
      sdkUrl(server, 'missing', { default_image: 'placeholder.png', width: 20, format: 'png' }),
    );
    assert.equal(fallback.status, 200);
    assert.equal((await sharp(fallback.body).metadata()).width, 20);
    const missing = await get(sdkUrl(server, 'missing', { width: 20, format: 'png' }));
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('x-kumo-error') ?? '', /not found/i);
  });

  it('lists derived assets in the Admin API and deletes them with their asset', async () => {
    const uploaded = await uploadAsset(server, await makePhoto(), {
      public_id: 'derived-demo',
      filename: 'd.jpg',
    });
    const assetId = String(uploaded.asset_id);
    for (const options of [{ width: 50 }, { width: 60, format: 'webp' }]) {
      assert.equal((await get(sdkUrl(server, 'derived-demo', { format: 'jpg', ...options }))).status, 200);
    }
    await waitFor(async () => (await derivedBlobs(server, assetId)).length === 2);
    const resource = await admin(server, 'GET', 'resources/image/upload/derived-demo');
    const derived = resource.body.derived as Record<string, unknown>[];
    assert.lengthOf(derived, 2);
    for (const entry of derived) {
      assert.includeMembers(Object.keys(entry), [
        'id',
        'transformation',
        'format',
        'bytes',
        'url',
        'secure_url',
      ]);
      const again = await get(String(entry.url));
      assert.equal(again.status, 200, String(entry.url));
      assert.equal(again.body.length, entry.bytes);
    }
    assert.lengthOf(await derivedBlobs(server, assetId), 2);

    const destroyed = await postForm(
      `${server.url}/v1_1/demo/image/destroy`,
      signed({ public_id: 'derived-demo' }),
    );
    assert.equal(destroyed.body.result, 'ok');
    await waitFor(async () => (await derivedBlobs(server, assetId)).length === 0);
    assert.equal((await get(String(derived[0]!.url))).status, 404);
  });

  it('drops derived assets when an upload overwrites the asset', async () => {
    const first = await uploadAsset(server, await makePhoto(), { public_id: 'replaced', filename: 'r.jpg' });
    await get(sdkUrl(server, 'replaced', { width: 40, format: 'jpg' }));
    await waitFor(async () => (await derivedBlobs(server, String(first.asset_id))).length === 1);
    await uploadAsset(server, await makePhoto(200, 100), {
      public_id: 'replaced',
      filename: 'r.jpg',
      overwrite: 'true',
    });
    await waitFor(async () => (await derivedBlobs(server, String(first.asset_id))).length === 0);
    const fresh = await get(sdkUrl(server, 'replaced', { width: 40, format: 'jpg' }));
    assert.equal((await sharp(fresh.body).metadata()).height, 20, 'rendered again from the new original');
  });

  it('renders eager transformations at upload (and in the background with eager_async)', async () => {
    const uploaded = await uploadAsset(server, await makePhoto(), {
      public_id: 'eager-sync',
      filename: 'e.jpg',
      eager: 'c_fill,w_30,h_30|w_45/png',
    });
    const eager = uploaded.eager as Record<string, unknown>[];
    assert.deepEqual(
      eager.map((entry) => [entry.width, entry.height, entry.format]),
      [
        [30, 30, 'jpg'],
        [45, 34, 'png'],
      ],
    );
    for (const entry of eager) assert.isAbove(Number(entry.bytes), 0);
    await uploadAsset(server, await makePhoto(), {
      public_id: 'eager-async',
      filename: 'e.jpg',
      eager: 'w_33',
      eager_async: 'true',
    });
    await waitFor(async () => {
      const resource = await admin(server, 'GET', 'resources/image/upload/eager-async');
      return (resource.body.derived as unknown[]).length === 1;
    });
    const explicit = await postForm(
      `${server.url}/v1_1/demo/image/explicit`,
      signed({ public_id: 'eager-sync', type: 'upload', eager: 'e_sepia,w_20' }),
    );
    assert.equal(explicit.status, 200);
    assert.equal((explicit.body.eager as Record<string, unknown>[])[0]!.width, 20);
    const resource = await admin(server, 'GET', 'resources/image/upload/eager-sync');
    assert.lengthOf(resource.body.derived as unknown[], 3);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
