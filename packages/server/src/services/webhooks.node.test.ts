import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { assert } from 'chai';
import { makePng } from '../testing/fixtures.js';
import { postForm, signed, startTestServer, TEST_CLOUD, TEST_SECRET } from '../testing/test-server.js';

interface Received {
  readonly body: string;
  readonly headers: http.IncomingHttpHeaders;
}

/** A notification receiver on loopback; `failFirst` answers 500 to that many requests first. */
async function receiver(failFirst = 0, port = 0) {
  const received: Received[] = [];
  let failures = failFirst;
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      if (failures > 0) {
        failures--;
        response.writeHead(500).end();
        return;
      }
      received.push({ body, headers: request.headers });
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    received,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor<T>(check: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('webhooks', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('posts a signed upload notification to notification_url', async () => {
    const hook = await receiver();
    cleanups.push(hook.close);
    const server = await startTestServer({ KUMO_FETCH_ALLOW: `127.0.0.1:${hook.port}` });
    cleanups.push(server.close);
    const url = `http://127.0.0.1:${hook.port}/hook`;
    const upload = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ public_id: 'hooked', notification_url: url }),
      {
        bytes: await makePng(3, 3),
        filename: 'a.png',
      },
    );
    assert.strictEqual(upload.status, 200, JSON.stringify(upload.body));
    const delivery = await waitFor(() => hook.received[0]);
    const timestamp = String(delivery.headers['x-cld-timestamp']);
    const expected = createHash('sha1')
      .update(delivery.body + timestamp + TEST_SECRET)
      .digest('hex');
    assert.strictEqual(delivery.headers['x-cld-signature'], expected);
    const payload = JSON.parse(delivery.body) as Record<string, unknown>;
    assert.strictEqual(payload.notification_type, 'upload');
    assert.strictEqual(payload.public_id, 'hooked');
    assert.strictEqual(payload.version, upload.body.version);
    assert.strictEqual(payload.secure_url, upload.body.secure_url);
  });

  it('refuses a notification_url that is not http(s)', async () => {
    const server = await startTestServer();
    cleanups.push(server.close);
    const response = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
      signed({ notification_url: 'file:///etc/passwd' }),
      {
        bytes: await makePng(3, 3),
        filename: 'a.png',
      },
    );
    assert.strictEqual(response.status, 400);
  });

  it('retries a failed delivery', async () => {
    const hook = await receiver(2);
    cleanups.push(hook.close);
    const server = await startTestServer({
      KUMO_FETCH_ALLOW: `127.0.0.1:${hook.port}`,
      KUMO_NOTIFICATION_URL: `http://127.0.0.1:${hook.port}/global`,
      KUMO_WEBHOOK_RETRY_SECONDS: '0',
    });
    cleanups.push(server.close);
    await postForm(`${server.url}/v1_1/${TEST_CLOUD}/image/destroy`, signed({ public_id: 'nothing' }));
    await postForm(`${server.url}/v1_1/${TEST_CLOUD}/image/upload`, signed({ public_id: 'retried' }), {
      bytes: await makePng(3, 3),
      filename: 'a.png',
    });
    const delivery = await waitFor(() => hook.received[0]);
    assert.strictEqual((JSON.parse(delivery.body) as { public_id: string }).public_id, 'retried');
  });

  it('keeps undelivered notifications across a restart', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-hooks-'));
    cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
    const placeholder = await receiver();
    const port = placeholder.port;
    await placeholder.close();
    const env = {
      KUMO_DATA_DIR: dataDir,
      KUMO_FETCH_ALLOW: `127.0.0.1:${port}`,
      KUMO_NOTIFICATION_URL: `http://127.0.0.1:${port}/global`,
      KUMO_WEBHOOK_RETRY_SECONDS: '1',
    };
    const first = await startTestServer(env);
    await postForm(`${first.url}/v1_1/${TEST_CLOUD}/image/upload`, signed({ public_id: 'survivor' }), {
      bytes: await makePng(3, 3),
      filename: 'a.png',
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await first.close();
    const hook = await receiver(0, port);
    cleanups.push(hook.close);
    const second = await startTestServer(env);
    cleanups.push(second.close);
    const delivery = await waitFor(() => hook.received[0]);
    assert.strictEqual((JSON.parse(delivery.body) as { public_id: string }).public_id, 'survivor');
  });
});
