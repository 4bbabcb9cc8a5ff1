// The Upload API's any-origin CORS rule covers chunked uploads too: `…/upload_chunked` preflights
// allow the chunk and part headers, and a chunked upload from another site's page gets answers the
// browser may read. The Admin API stays closed to origins that are not configured.
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { postForm, signed, startTestServer, TEST_CLOUD, type TestServer } from '../testing/test-server.js';

const ORIGIN = 'https://widgets.example';
const CHUNK_HEADERS = ['content-range', 'x-unique-upload-id', 'x-upload-part-number', 'x-upload-total-parts'];

describe('CORS: chunked uploads from any origin', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer({ KUMO_CORS_ORIGINS: 'https://admin.example' });
  });
  after(() => server.close());

  const preflight = (path: string, headers: readonly string[]) =>
    fetch(`${server.url}/v1_1/${TEST_CLOUD}/${path}`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': headers.join(','),
      },
    });

  it('answers a preflight for upload_chunked with the chunk and part headers allowed', async () => {
    for (const path of ['image/upload_chunked', 'raw/upload_chunked', 'upload_chunked', 'auto/upload']) {
      const response = await preflight(path, ['content-type', ...CHUNK_HEADERS]);
      assert.strictEqual(response.status, 204, path);
      assert.strictEqual(response.headers.get('access-control-allow-origin'), ORIGIN, path);
      assert.include(response.headers.get('access-control-allow-methods') ?? '', 'POST', path);
      const allowed = (response.headers.get('access-control-allow-headers') ?? '')
        .toLowerCase()
        .split(/\s*,\s*/);
      assert.includeMembers(allowed, CHUNK_HEADERS, path);
    }
  });

  it('keeps the Admin API closed to an origin that is not configured', async () => {
    const response = await preflight('resources/image', ['authorization']);
    assert.isNull(response.headers.get('access-control-allow-origin'));
    const configured = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/resources/image`, {
      method: 'OPTIONS',
      headers: { origin: 'https://admin.example', 'access-control-request-method': 'GET' },
    });
    assert.strictEqual(configured.headers.get('access-control-allow-origin'), 'https://admin.example');
  });

  it('accepts a cross-origin chunked upload and lets the page read every answer', async () => {
    const bytes = randomBytes(2500);
    const fields = signed({ public_id: 'cors-chunked.bin' });
    const ranges: [number, number][] = [
      [0, 999],
      [1000, 1999],
      [2000, 2499],
    ];
    let last: Record<string, unknown> = {};
    for (const [start, end] of ranges) {
      const total = end === 2499 ? '2500' : '-1';
      const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/raw/upload_chunked`, {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          'x-unique-upload-id': 'cors-chunked-test',
          'content-range': `bytes ${start}-${end}/${total}`,
        },
        body: form(fields, bytes.subarray(start, end + 1)),
      });
      assert.strictEqual(response.status, 200);
      assert.strictEqual(response.headers.get('access-control-allow-origin'), ORIGIN);
      last = (await response.json()) as Record<string, unknown>;
    }
    assert.strictEqual(last.public_id, 'cors-chunked.bin');
    assert.strictEqual(last.bytes, 2500);
    assert.strictEqual(last.etag, createHash('md5').update(bytes).digest('hex'));
  });

  it('still answers a plain upload from any origin', async () => {
    const response = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`,
      signed({ public_id: 'cors-plain.bin' }),
      { bytes: randomBytes(10), filename: 'p.bin' },
      { origin: ORIGIN },
    );
    assert.strictEqual(response.status, 200, JSON.stringify(response.body));
  });
});

function form(fields: Record<string, string>, chunk: Uint8Array): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  body.append('file', new Blob([new Uint8Array(chunk)]), 'cors-chunked.bin');
  return body;
}
