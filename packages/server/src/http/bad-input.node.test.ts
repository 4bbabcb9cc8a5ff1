import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import {
  signed,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

const BASIC = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;

describe('bad input gets a 4xx with a message, never a 500', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.close());

  const cases: [string, string, RequestInit][] = [
    [
      'truncated multipart',
      'image/upload',
      {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        body: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
      },
    ],
    [
      'multipart without boundary',
      'image/upload',
      { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'abc' },
    ],
    [
      'a JSON array body',
      'image/upload',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1]' },
    ],
    [
      'malformed JSON',
      'image/upload',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":' },
    ],
    ['an unknown resource type', 'sound/upload', { method: 'POST' }],
    [
      'a file that is neither bytes, data URI nor URL',
      'image/upload',
      {
        method: 'POST',
        body: new URLSearchParams({ ...signed({}), file: '/etc/passwd' }),
      },
    ],
    [
      'a malformed data URI payload',
      'image/upload',
      {
        method: 'POST',
        body: new URLSearchParams({ ...signed({}), file: 'data:image/png;base64,@@@@' }),
      },
    ],
    [
      'an ftp URL',
      'image/upload',
      { method: 'POST', body: new URLSearchParams({ ...signed({}), file: 'ftp://example.com/x.png' }) },
    ],
    [
      'a metadata-service URL',
      'image/upload',
      {
        method: 'POST',
        body: new URLSearchParams({ ...signed({}), file: 'http://169.254.169.254/latest/meta-data/' }),
      },
    ],
    [
      'a non-numeric timestamp',
      'image/upload',
      {
        method: 'POST',
        body: new URLSearchParams({
          api_key: TEST_KEY,
          timestamp: 'soon',
          signature: 'abc',
          file: 'data:,x',
        }),
      },
    ],
    [
      'a malformed Content-Range',
      'raw/upload',
      {
        method: 'POST',
        headers: { 'content-range': 'bytes 9-1/3', 'x-unique-upload-id': 'abc' },
        body: new URLSearchParams({ ...signed({}), file: 'data:,x' }),
      },
    ],
    [
      'an invalid tag command',
      'image/tags',
      {
        method: 'POST',
        body: new URLSearchParams({ ...signed({ command: 'explode', tag: 'a', 'public_ids[]': 'x' }) }),
      },
    ],
    [
      'rename without a target',
      'image/rename',
      { method: 'POST', body: new URLSearchParams(signed({ from_public_id: 'a' })) },
    ],
    [
      'an out-of-range max_results',
      'resources/image?max_results=100000',
      { headers: { authorization: BASIC } },
    ],
    ['a forged next_cursor', 'resources/image?next_cursor=bm9wZQ', { headers: { authorization: BASIC } }],
    [
      'a folder path with a parent segment',
      'folders/a%2F..%2Fb',
      { method: 'POST', headers: { authorization: BASIC } },
    ],
  ];

  for (const [label, path, init] of cases) {
    it(`rejects ${label}`, async () => {
      const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/${path}`, init);
      const body = (await response.json()) as { error?: { message?: unknown } };
      assert.isAtLeast(response.status, 400, JSON.stringify(body));
      assert.isBelow(response.status, 500, JSON.stringify(body));
      assert.isString(body.error?.message);
    });
  }

  it('survives arbitrary signed parameters (property test)', async () => {
    const key = fc.constantFrom(
      'public_id',
      'folder',
      'tags',
      'context',
      'type',
      'overwrite',
      'eager',
      'use_filename',
      'format',
      'allowed_formats',
    );
    await fc.assert(
      fc.asyncProperty(fc.dictionary(key, fc.string({ maxLength: 40 }), { maxKeys: 5 }), async (params) => {
        const body = new URLSearchParams({ ...signed(params), file: 'data:text/plain;base64,aGVsbG8=' });
        const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/auto/upload`, {
          method: 'POST',
          body,
        });
        const json = (await response.json()) as { error?: { message?: unknown } };
        if (response.status >= 500)
          throw new Error(`500 for ${JSON.stringify(params)}: ${JSON.stringify(json)}`);
        if (response.status !== 200) assert.isString(json.error?.message);
      }),
      { numRuns: 150 },
    );
  });
});
