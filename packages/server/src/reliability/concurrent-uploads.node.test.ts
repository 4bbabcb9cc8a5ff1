import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import {
  postForm,
  signed,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

describe('concurrent uploads', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(async () => server.close());

  it('completes 50 concurrent uploads of mixed sizes, some chunked, with nothing lost or mixed up', async () => {
    const url = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`;
    const files = Array.from({ length: 50 }, (_, i) => ({
      publicId: `concurrent/${i}.bin`,
      bytes: randomBytes(1_000 + ((i * 104_729) % 2_000_000)),
      chunked: i % 5 === 0,
    }));
    const results = await Promise.all(
      files.map(async (file) => {
        if (!file.chunked) {
          const { status, body } = await postForm(url, signed({ public_id: file.publicId }), {
            bytes: file.bytes,
            filename: 'f.bin',
          });
          assert.strictEqual(status, 200, JSON.stringify(body));
          return body;
        }
        // Three chunks, the middle two in parallel as SDKs may send them, the last one after.
        const third = Math.ceil(file.bytes.length / 3);
        const uploadId = `c${randomBytes(8).toString('hex')}`;
        const send = (start: number, end: number, last: boolean) =>
          postForm(
            url,
            signed({ public_id: file.publicId }),
            { bytes: file.bytes.subarray(start, end), filename: 'f.bin' },
            {
              'X-Unique-Upload-Id': uploadId,
              'Content-Range': `bytes ${start}-${end - 1}/${last ? file.bytes.length : -1}`,
            },
          );
        await Promise.all([send(0, third, false), send(third, 2 * third, false)]);
        const { status, body } = await send(2 * third, file.bytes.length, true);
        assert.strictEqual(status, 200, JSON.stringify(body));
        return body;
      }),
    );
    results.forEach((body, i) => {
      assert.strictEqual(body.public_id, files[i]!.publicId);
      assert.strictEqual(body.bytes, files[i]!.bytes.length);
      assert.strictEqual(body.etag, md5(files[i]!.bytes));
    });
    const auth = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
    const listed = new Map<string, string>();
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({
        prefix: 'concurrent/',
        max_results: '20',
        ...(cursor ? { next_cursor: cursor } : {}),
      });
      const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/resources/raw/upload?${query}`, {
        headers: { authorization: auth },
      });
      const page = (await response.json()) as {
        resources: { public_id: string; bytes: number }[];
        next_cursor?: string;
      };
      for (const resource of page.resources) listed.set(resource.public_id, String(resource.bytes));
      cursor = page.next_cursor;
    } while (cursor);
    assert.strictEqual(listed.size, 50);
    for (const file of files) assert.strictEqual(listed.get(file.publicId), String(file.bytes.length));
  });
});
