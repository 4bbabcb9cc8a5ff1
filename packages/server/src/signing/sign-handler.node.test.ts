import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { makePng } from '../testing/fixtures.js';
import {
  postForm,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';
import { createSignHandler } from './sign-handler.js';

const policy = {
  cloudName: TEST_CLOUD,
  apiKey: TEST_KEY,
  apiSecret: TEST_SECRET,
  folder: 'user-uploads',
  tags: ['web'],
};

function signRequest(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request('https://shop.example/api/sign', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('createSignHandler', () => {
  const handler = createSignHandler({ policy, allowedOrigins: ['https://cdn.example'] });

  it('signs widget parameters under the policy, as Cloudinary documents the signature', async () => {
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await handler(
      signRequest({ params_to_sign: { timestamp, public_id: 'me', folder: 'avatars', source: 'uw' } }),
    );
    assert.strictEqual(response.status, 200);
    const body = (await response.json()) as {
      signature: string;
      params: Record<string, string>;
      api_key: string;
      cloud_name: string;
    };
    assert.deepEqual(body.params, {
      timestamp,
      public_id: 'me',
      folder: 'user-uploads/avatars',
      source: 'uw',
      tags: 'web',
    });
    const text = `folder=user-uploads/avatars&public_id=me&source=uw&tags=web&timestamp=${timestamp}`;
    assert.strictEqual(
      body.signature,
      createHash('sha1')
        .update(text + TEST_SECRET)
        .digest('hex'),
    );
    assert.strictEqual(body.api_key, TEST_KEY);
    assert.strictEqual(body.cloud_name, TEST_CLOUD);
  });

  it('refuses parameters outside the allow-list, stale timestamps and foreign origins', async () => {
    assert.strictEqual((await handler(signRequest({ overwrite: true }))).status, 403);
    assert.strictEqual((await handler(signRequest({ timestamp: '1000' }))).status, 400);
    assert.strictEqual((await handler(signRequest({}, { origin: 'https://evil.example' }))).status, 403);
    const allowed = await handler(signRequest({}, { origin: 'https://cdn.example' }));
    assert.strictEqual(allowed.status, 200);
    assert.strictEqual(allowed.headers.get('access-control-allow-origin'), 'https://cdn.example');
    assert.strictEqual((await handler(signRequest({}, { origin: 'https://shop.example' }))).status, 200);
    assert.strictEqual(
      (await handler(new Request('https://shop.example/api/sign', { method: 'POST', body: '{' }))).status,
      400,
    );
    assert.strictEqual((await handler(signRequest([1, 2]))).status, 400);
  });

  it('asks the authorize hook', async () => {
    const guarded = createSignHandler({
      policy,
      authorize: (request) => request.headers.get('x-session') === 'ok',
    });
    assert.strictEqual((await guarded(signRequest({}))).status, 401);
    assert.strictEqual((await guarded(signRequest({}, { 'x-session': 'ok' }))).status, 200);
  });

  it('works as a Next.js route handler (`export const POST = handler`)', async () => {
    const route = { POST: createSignHandler({ policy }) };
    const response = await route.POST(signRequest({ public_id: 'from-next' }));
    assert.strictEqual(response.status, 200);
  });
});

describe('POST /api/sign', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ KUMO_SIGN_FOLDER: 'widget', KUMO_SIGN_MAX_FILE_BYTES: '1000' });
  });
  after(async () => server.close());

  it('returns parameters the Upload API accepts, with the forced folder and size limit', async () => {
    const sign = async (params: Record<string, string>) => {
      const response = await fetch(`${server.url}/api/sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ params_to_sign: params }),
      });
      assert.strictEqual(response.status, 200);
      return (await response.json()) as {
        signature: string;
        api_key: string;
        params: Record<string, string>;
      };
    };
    const small = await sign({ public_id: 'small' });
    const ok = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      { ...small.params, api_key: small.api_key, signature: small.signature },
      {
        bytes: await makePng(2, 2),
        filename: 'a.png',
      },
    );
    assert.strictEqual(ok.status, 200, JSON.stringify(ok.body));
    assert.strictEqual(ok.body.public_id, 'widget/small');
    const large = await sign({ public_id: 'large' });
    const tooBig = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`,
      { ...large.params, api_key: large.api_key, signature: large.signature },
      {
        bytes: Buffer.alloc(5000, 1),
        filename: 'a.bin',
      },
    );
    assert.strictEqual(tooBig.status, 400);
    assert.match(String((tooBig.body.error as { message: string }).message), /File size too large/);
  });

  it('refuses cross-origin callers that are not configured', async () => {
    const response = await fetch(`${server.url}/api/sign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://elsewhere.example' },
      body: '{}',
    });
    assert.strictEqual(response.status, 403);
  });
});
