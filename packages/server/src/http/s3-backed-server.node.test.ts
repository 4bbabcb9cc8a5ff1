import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { S3Storage } from '../storage/s3-storage.js';
import { parseS3StorageUrl } from '../storage/s3-url.js';
import { startS3rver } from '../testing/s3rver-process.js';
import { postForm, signed, startTestServer, TEST_CLOUD, type TestServer } from '../testing/test-server.js';

describe('server with KUMO_STORAGE=s3://… (s3rver)', () => {
  let s3: Awaited<ReturnType<typeof startS3rver>>;
  let server: TestServer;
  before(async () => {
    s3 = await startS3rver();
    server = await startTestServer({ KUMO_STORAGE: s3.storageUrl });
  });
  after(async () => {
    await server?.close();
    await s3?.stop();
  });

  it('stores uploads (plain and chunked) in the bucket and deletes them on destroy', async () => {
    const bytes = randomBytes(300_000);
    const url = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`;
    const plain = await postForm(url, signed({ public_id: 's3/plain.bin' }), { bytes, filename: 'p.bin' });
    assert.strictEqual(plain.status, 200, JSON.stringify(plain.body));
    const half = bytes.length / 2;
    const headers = (start: number, end: number, total: string) => ({
      'X-Unique-Upload-Id': 's3chunked',
      'Content-Range': `bytes ${start}-${end - 1}/${total}`,
    });
    await postForm(
      url,
      signed({ public_id: 's3/chunked.bin' }),
      { bytes: bytes.subarray(0, half), filename: 'c.bin' },
      headers(0, half, '-1'),
    );
    const chunked = await postForm(
      url,
      signed({ public_id: 's3/chunked.bin' }),
      { bytes: bytes.subarray(half), filename: 'c.bin' },
      headers(half, bytes.length, String(bytes.length)),
    );
    assert.strictEqual(chunked.status, 200, JSON.stringify(chunked.body));
    assert.strictEqual(chunked.body.etag, createHash('md5').update(bytes).digest('hex'));
    const destroyed = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/raw/destroy`, {
      method: 'POST',
      body: new URLSearchParams(signed({ public_id: 's3/plain.bin' })),
    });
    assert.deepEqual(await destroyed.json(), { result: 'ok' });
    const bucket = new S3Storage(parseS3StorageUrl(s3.storageUrl));
    try {
      const keys: string[] = [];
      for await (const key of bucket.list()) keys.push(key);
      assert.strictEqual(keys.length, 1, `one blob left in the bucket: ${keys.join(', ')}`);
      assert.strictEqual(await bucket.size(keys[0]!), bytes.length);
    } finally {
      bucket.destroy();
    }
  });
});
