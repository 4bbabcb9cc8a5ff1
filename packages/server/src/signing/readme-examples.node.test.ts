// The README's Express and Next.js examples are the files in ../../examples; this test runs them
// against a real Kumo server and checks that the README still shows them verbatim.
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
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

const EXAMPLES = new URL('../../examples/', import.meta.url);

async function uploadWith(
  server: TestServer,
  signed: { params: Record<string, string>; signature: string; api_key: string },
) {
  return postForm(
    `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
    { ...signed.params, api_key: signed.api_key, signature: signed.signature },
    { bytes: await makePng(4, 4), filename: 'avatar.png' },
  );
}

describe('README signing examples', () => {
  let server: TestServer;
  before(async () => {
    process.env.KUMO_CLOUD = TEST_CLOUD;
    process.env.KUMO_API_KEY = TEST_KEY;
    process.env.KUMO_API_SECRET = TEST_SECRET;
    server = await startTestServer();
  });
  after(async () => server.close());

  it('shows the example files verbatim', async () => {
    const readme = await fs.readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of ['express-sign.mjs', 'next-route.mjs']) {
      const code = await fs.readFile(new URL(name, EXAMPLES), 'utf8');
      assert.include(readme, code.trim(), `README shows examples/${name}`);
    }
  });

  it('Express: signs parameters that the Upload API accepts', async () => {
    const { app } = (await import(new URL('express-sign.mjs', EXAMPLES).href)) as {
      app: { listen(port: number, host: string, callback: () => void): import('node:http').Server };
    };
    const listening = await new Promise<import('node:http').Server>((resolve) => {
      const httpServer = app.listen(0, '127.0.0.1', () => resolve(httpServer));
    });
    try {
      const port = (listening.address() as AddressInfo).port;
      const response = await fetch(`http://127.0.0.1:${port}/api/sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          params_to_sign: { public_id: 'express', timestamp: String(Math.floor(Date.now() / 1000)) },
        }),
      });
      assert.strictEqual(response.status, 200);
      const upload = await uploadWith(server, (await response.json()) as never);
      assert.strictEqual(upload.status, 200, JSON.stringify(upload.body));
      assert.strictEqual(upload.body.public_id, 'user-uploads/express');
      const refused = await fetch(`http://127.0.0.1:${port}/api/sign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ overwrite: true }),
      });
      assert.strictEqual(refused.status, 403);
    } finally {
      await new Promise((resolve) => listening.close(resolve));
    }
  });

  it('Next.js: the route handler signs for a signed-in user and refuses others', async () => {
    const { POST } = (await import(new URL('next-route.mjs', EXAMPLES).href)) as {
      POST: (request: Request) => Promise<Response>;
    };
    const request = (headers: Record<string, string>) =>
      new Request('https://app.example/api/sign', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ public_id: 'next' }),
      });
    assert.strictEqual((await POST(request({}))).status, 401);
    const response = await POST(request({ cookie: 'session=1' }));
    assert.strictEqual(response.status, 200);
    const upload = await uploadWith(server, (await response.json()) as never);
    assert.strictEqual(upload.status, 200, JSON.stringify(upload.body));
    assert.strictEqual(upload.body.public_id, 'user-uploads/next');
  });
});
