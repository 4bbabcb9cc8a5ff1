import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { exited, startCli } from '../testing/cli-process.js';
import { makePng } from '../testing/fixtures.js';
import {
  postForm,
  signed,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

const BASIC = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

describe('CORS and rate limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      KUMO_CORS_ORIGINS: 'https://admin.example',
      KUMO_ADMIN_RATE_LIMIT: '3',
    });
  });
  after(async () => server.close());

  const preflight = (pathname: string, origin: string) =>
    fetch(`${server.url}${pathname}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-range,x-unique-upload-id',
      },
    });

  it('lets any origin call the Upload API, with the chunk headers allowed', async () => {
    const response = await preflight(`/v1_1/${TEST_CLOUD}/auto/upload`, 'https://any-site.example');
    assert.strictEqual(response.headers.get('access-control-allow-origin'), 'https://any-site.example');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /X-Unique-Upload-Id/i);
  });

  it('lets only configured origins call the Admin API and the signing endpoint', async () => {
    for (const pathname of [`/v1_1/${TEST_CLOUD}/resources/image`, '/api/sign']) {
      const foreign = await preflight(pathname, 'https://any-site.example');
      assert.notStrictEqual(
        foreign.headers.get('access-control-allow-origin'),
        'https://any-site.example',
        pathname,
      );
      const configured = await preflight(pathname, 'https://admin.example');
      assert.strictEqual(
        configured.headers.get('access-control-allow-origin'),
        'https://admin.example',
        pathname,
      );
    }
  });

  it('sends rate-limit headers and answers 420 past the hourly limit', async () => {
    const call = () => fetch(`${server.url}/v1_1/${TEST_CLOUD}/ping`, { headers: { authorization: BASIC } });
    const first = await call();
    assert.strictEqual(first.headers.get('x-featureratelimit-limit'), '3');
    assert.strictEqual(first.headers.get('x-featureratelimit-remaining'), '2');
    assert.isFalse(Number.isNaN(Date.parse(first.headers.get('x-featureratelimit-reset') ?? '')));
    await call();
    await call();
    const over = await call();
    assert.strictEqual(over.status, 420);
    assert.strictEqual(
      ((await over.json()) as { error: { message: string } }).error.message,
      'Rate limit exceeded',
    );
  });
});

describe('logging', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-logs-'));
  });
  after(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('never writes the API secret to the log, even at trace level', async () => {
    const server = await startCli(dataDir, { KUMO_LOG_LEVEL: 'trace' });
    let log = server.output;
    server.child.stdout!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    server.child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
    });
    try {
      await postForm(`${server.url}/v1_1/${TEST_CLOUD}/image/upload`, signed({ public_id: 'logged' }), {
        bytes: await makePng(4, 4),
        filename: 'a.png',
      });
      await fetch(`${server.url}/v1_1/${TEST_CLOUD}/resources/image`, { headers: { authorization: BASIC } });
      await fetch(`${server.url}/v1_1/${TEST_CLOUD}/resources/image`, {
        headers: { authorization: 'Basic bm9wZTpub3Bl' },
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    assert.include(log, 'incoming request', 'the log was captured');
    assert.notInclude(log, TEST_SECRET);
    assert.notInclude(log, Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64'));
  });
});
