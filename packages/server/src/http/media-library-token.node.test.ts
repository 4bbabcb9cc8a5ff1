import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { Credentials } from '../services/credentials.js';
import { MediaLibraryTokens } from '../services/media-library-tokens.js';
import {
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

/** Cloudinary's media-library login signature, computed independently (SHA-256 of the sorted params + secret). */
function login(username: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = createHash('sha256')
    .update(`cloud_name=${TEST_CLOUD}&timestamp=${timestamp}&username=${username}${TEST_SECRET}`)
    .digest('hex');
  return { cloud_name: TEST_CLOUD, api_key: TEST_KEY, username, timestamp, signature };
}

describe('media-library tokens', () => {
  let server: TestServer;
  const tokenFor = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/api/media-library/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as { token?: string; scope?: string } };
  };
  const admin = (path: string, token: string, init: RequestInit = {}) =>
    fetch(`${server.url}/v1_1/${TEST_CLOUD}/${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...init.headers },
    });

  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.close());

  it('issues a read-only token for a signed login, accepted by the routes the picker reads', async () => {
    const issued = await tokenFor(login('editor@example.com'));
    assert.strictEqual(issued.status, 200, JSON.stringify(issued.body));
    assert.strictEqual(issued.body.scope, 'read');
    const token = issued.body.token!;
    assert.strictEqual((await admin('resources/image', token)).status, 200);
    const search = await admin('resources/search', token, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"expression":""}',
    });
    assert.strictEqual(search.status, 200);
    assert.strictEqual(
      (await admin('resources/image/upload?prefix=x', token, { method: 'DELETE' })).status,
      403,
    );
    assert.strictEqual((await admin('resources/image', `${token.slice(0, -2)}xx`)).status, 401);
  });

  it('refuses a wrong or stale login signature', async () => {
    assert.strictEqual((await tokenFor({ ...login('a@b.c'), signature: 'f'.repeat(64) })).status, 401);
    assert.strictEqual((await tokenFor(login('a@b.c', Math.floor(Date.now() / 1000) - 7200))).status, 401);
  });

  it('issues an unsigned token only to a browser on this origin', async () => {
    assert.strictEqual((await tokenFor({})).status, 401);
    assert.strictEqual((await tokenFor({}, { origin: 'https://elsewhere.example' })).status, 401);
    assert.strictEqual((await tokenFor({}, { origin: server.url })).status, 200);
  });

  it('expires tokens and binds them to their cloud', async () => {
    let now = Date.now();
    const credentials = new Credentials([
      { name: TEST_CLOUD, keys: [{ key: TEST_KEY, secret: TEST_SECRET }] },
      { name: 'other', keys: [{ key: '999', secret: 'other-secret' }] },
    ]);
    const tokens = new MediaLibraryTokens(credentials, { ttlSeconds: 60, allowWrite: false, now: () => now });
    const { token } = await tokens.issue(TEST_CLOUD, {}, true);
    assert.isDefined(tokens.verify(TEST_CLOUD, token));
    assert.isUndefined(tokens.verify('other', token));
    now += 61_000;
    assert.isUndefined(tokens.verify(TEST_CLOUD, token));
  });
});
