/**
 * `__cld_token__` auth tokens opening `authenticated` assets, in the query string or a cookie, made
 * with the official SDK (`cloudinary.utils.generate_auth_token`, and `cloudinary.url()` with
 * `auth_token`) and refused when expired, for another path, made with another key or bound to
 * another address.
 */
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import sharp from 'sharp';
import { get, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import { startTestServer, TEST_SECRET, type TestServer } from '../testing/test-server.js';

const require = createRequire(import.meta.url);
const cloudinary = require('cloudinary').v2 as {
  url(publicId: string, options: Record<string, unknown>): string;
  utils: { generate_auth_token(options: Record<string, unknown>): string };
};
const KEY = '6b2e5c1f0a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f';
const OTHER_KEY = 'ab'.repeat(32);
const SDK_HOST = 'http://res.cloudinary.com';

/** A token from the official SDK, valid for five minutes unless told otherwise. */
function token(options: Record<string, unknown>): string {
  return cloudinary.utils.generate_auth_token({ key: KEY, duration: 300, ...options });
}

async function errorOf(response: { status: number; body: Buffer }) {
  return (JSON.parse(response.body.toString()) as { error: { message: string } }).error.message;
}

describe('delivery: auth tokens for authenticated assets', () => {
  let server: TestServer;
  let base: string;

  before(async () => {
    server = await startTestServer({ KUMO_AUTH_TOKEN_KEY: KEY });
    base = `${server.url}/demo/image/authenticated`;
    await uploadAsset(server, await makePhoto(), {
      public_id: 'members/photo',
      type: 'authenticated',
      filename: 'photo.jpg',
    });
    await uploadAsset(server, await makePhoto(), { public_id: 'open', filename: 'open.jpg' });
  });

  after(() => server.close());

  it('refuses an unsigned URL without a token, saying what is needed', async () => {
    const response = await get(`${base}/members/photo.jpg`);
    assert.strictEqual(response.status, 401);
    assert.match(await errorOf(response), /signed URL or an auth token/);
  });

  it('opens the original and renderings with an ACL token in the query string', async () => {
    const query = token({ acl: '/image/authenticated/*' });
    const original = await get(`${base}/v1/members/photo.jpg?${query}`, { origin: 'https://site.example' });
    assert.strictEqual(original.status, 200);
    assert.strictEqual(original.headers.get('x-kumo-render'), 'original');
    assert.strictEqual(original.headers.get('access-control-allow-origin'), '*');
    // What a token opened must not be kept by shared caches: the URL alone does not say who may see it.
    assert.match(original.headers.get('cache-control') ?? '', /^private, max-age=\d+/);
    const rendered = await get(`${base}/c_scale,w_100/members/photo.png?${query}&_a=BAMAK+Go0`);
    assert.strictEqual(rendered.status, 200);
    assert.deepInclude(await sharp(rendered.body).metadata(), { width: 100, format: 'png' });
  });

  it('finds the token among other query parameters, even after a second `?`', async () => {
    const query = token({ acl: '/image/authenticated/*' });
    for (const url of [
      `${base}/members/photo.jpg?_a=BAMAK&${query}&x=1`,
      `${base}/members/photo.jpg?_a=BAMAK?${query}`,
    ]) {
      assert.strictEqual((await get(url)).status, 200, url);
    }
  });

  it('accepts an ACL naming the path with or without the cloud name, and any of several ACLs', async () => {
    for (const acl of ['/demo/image/authenticated/members/*', ['/video/*', '/image/*/members/*.jpg']]) {
      const response = await get(`${base}/members/photo.jpg?${token({ acl })}`);
      assert.strictEqual(response.status, 200, JSON.stringify(acl));
    }
  });

  it('opens exactly the URL a token made by cloudinary.url() with auth_token names', async () => {
    const url = (width: number) =>
      cloudinary
        .url('members/photo.jpg', {
          cloud_name: 'demo',
          secure: false,
          type: 'authenticated',
          sign_url: true,
          api_secret: TEST_SECRET,
          auth_token: { key: KEY, duration: 300 },
          transformation: [{ width, crop: 'scale' }],
        })
        .replace(SDK_HOST, server.url);
    const good = url(120);
    assert.include(good, '?__cld_token__=');
    const response = await get(good);
    assert.strictEqual(response.status, 200);
    assert.strictEqual((await sharp(response.body).metadata()).width, 120);
    const other = await get(good.replace('w_120', 'w_121'));
    assert.strictEqual(other.status, 401);
    assert.strictEqual(await errorOf(other), 'The auth token signature is invalid for this URL');
  });

  it('refuses an expired token, one not valid yet, and one for another path', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await get(
      `${base}/members/photo.jpg?${token({ acl: '/*', start_time: now - 600, duration: 60 })}`,
    );
    assert.strictEqual(expired.status, 401);
    assert.strictEqual(await errorOf(expired), 'The auth token has expired');
    assert.strictEqual(expired.headers.get('x-cld-error'), 'The auth token has expired');
    const early = await get(`${base}/members/photo.jpg?${token({ acl: '/*', start_time: now + 600 })}`);
    assert.strictEqual(early.status, 401);
    assert.strictEqual(await errorOf(early), 'The auth token is not valid yet');
    const elsewhere = await get(`${base}/members/photo.jpg?${token({ acl: '/video/authenticated/*' })}`);
    assert.strictEqual(elsewhere.status, 401);
    assert.strictEqual(await errorOf(elsewhere), 'The auth token does not grant access to this URL');
  });

  it('refuses a token made with another key, or altered', async () => {
    const foreign = await get(`${base}/members/photo.jpg?${token({ acl: '/*', key: OTHER_KEY })}`);
    assert.strictEqual(foreign.status, 401);
    assert.strictEqual(await errorOf(foreign), 'The auth token signature is invalid');
    const good = token({ acl: '/image/authenticated/members/*' });
    const widened = await get(`${base}/members/photo.jpg?${good.replace('members%2f*', '*')}`);
    assert.strictEqual(widened.status, 401);
    const garbage = await get(`${base}/members/photo.jpg?__cld_token__=exp=1~hmac=zz`);
    assert.strictEqual(garbage.status, 401);
    assert.match(await errorOf(garbage), /hmac/);
  });

  it('opens with the token in a cookie, and keeps nothing a request without one could get', async () => {
    const cookie = { cookie: `theme=dark; ${token({ acl: '/image/authenticated/*' })}` };
    const url = `${base}/c_fill,h_40,w_40/members/photo.webp`;
    const first = await get(url, cookie);
    assert.strictEqual(first.status, 200);
    assert.strictEqual(first.headers.get('x-kumo-render'), 'render');
    assert.match(first.headers.get('cache-control') ?? '', /^private/);
    // Stored now, so the next one comes from the derived cache, where the hot cache would pick it up.
    let again = await get(url, cookie);
    for (let i = 0; i < 20 && again.headers.get('x-kumo-render') !== 'cache'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      again = await get(url, cookie);
    }
    assert.strictEqual(again.headers.get('x-kumo-render'), 'cache');
    assert.strictEqual((await get(url, cookie)).status, 200);
    const without = await get(url);
    assert.strictEqual(without.status, 401);
    const expired = await get(url, { cookie: token({ acl: '/*', expiration: 1_000_000 }) });
    assert.strictEqual(expired.status, 401);
    assert.strictEqual(await errorOf(expired), 'The auth token has expired');
  });

  it('binds a token with ip= to that client address', async () => {
    const mine = await get(`${base}/members/photo.jpg?${token({ acl: '/*', ip: '127.0.0.1' })}`);
    assert.strictEqual(mine.status, 200);
    const theirs = await get(`${base}/members/photo.jpg?${token({ acl: '/*', ip: '192.0.2.1' })}`);
    assert.strictEqual(theirs.status, 401);
    assert.strictEqual(await errorOf(theirs), 'The auth token is bound to another client address');
  });

  it('lets a signed URL through whatever token comes with it, and ignores tokens on public assets', async () => {
    const signed = cloudinary
      .url('members/photo.jpg', {
        cloud_name: 'demo',
        secure: false,
        type: 'authenticated',
        sign_url: true,
        api_secret: TEST_SECRET,
      })
      .replace(SDK_HOST, server.url);
    const bad = token({ acl: '/*', key: OTHER_KEY });
    const withBadToken = await get(`${signed}${signed.includes('?') ? '&' : '?'}${bad}`);
    assert.strictEqual(withBadToken.status, 200);
    assert.match(withBadToken.headers.get('cache-control') ?? '', /^public/);
    const open = await get(`${server.url}/demo/image/upload/open.jpg?${bad}`);
    assert.strictEqual(open.status, 200);
    assert.match(open.headers.get('cache-control') ?? '', /^public/);
  });
});

describe('delivery: auth tokens without a configured key', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
    await uploadAsset(server, await makePhoto(), { public_id: 'secret', type: 'authenticated' });
  });

  after(() => server.close());

  it('accepts signed URLs only', async () => {
    const response = await get(`${server.url}/demo/image/authenticated/secret.jpg?${token({ acl: '/*' })}`, {
      cookie: token({ acl: '/*' }),
    });
    assert.strictEqual(response.status, 401);
    assert.strictEqual(await errorOf(response), 'Authenticated assets need a signed URL');
  });
});
