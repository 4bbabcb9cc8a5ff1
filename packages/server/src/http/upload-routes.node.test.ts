import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { makeJpeg, makePng } from '../testing/fixtures.js';
import {
  md5Hex,
  postForm,
  signed,
  signIndependently,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../testing/test-server.js';

describe('Upload API', () => {
  let server: TestServer;
  let uploadUrl: string;
  before(async () => {
    server = await startTestServer();
    uploadUrl = `${server.url}/v1_1/${TEST_CLOUD}/image/upload`;
  });
  after(async () => server.close());

  it('answers GET /health with 200 JSON', async () => {
    const response = await fetch(`${server.url}/health`);
    assert.strictEqual(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    assert.strictEqual(((await response.json()) as { status: string }).status, 'ok');
  });

  it('stores a signed multipart image upload and answers with Cloudinary fields', async () => {
    const png = await makePng(64, 48);
    const { status, body } = await postForm(uploadUrl, signed({ public_id: 'samples/red', tags: 'a,b' }), {
      bytes: png,
      filename: 'red.png',
    });
    assert.strictEqual(status, 200, JSON.stringify(body));
    assert.strictEqual(body.public_id, 'samples/red');
    assert.strictEqual(body.width, 64);
    assert.strictEqual(body.height, 48);
    assert.strictEqual(body.format, 'png');
    assert.strictEqual(body.resource_type, 'image');
    assert.strictEqual(body.type, 'upload');
    assert.strictEqual(body.bytes, png.length);
    assert.strictEqual(body.etag, md5Hex(png));
    assert.deepEqual(body.tags, ['a', 'b']);
    assert.strictEqual(body.original_filename, 'red');
    assert.strictEqual(body.asset_folder, 'samples');
    assert.strictEqual(body.placeholder, false);
    assert.strictEqual(body.api_key, TEST_KEY);
    assert.isNumber(body.version);
    assert.match(String(body.asset_id), /^[0-9a-f]{32}$/);
    assert.match(String(body.created_at), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const expectedSignature = createHash('sha1')
      .update(`public_id=${body.public_id}&version=${body.version}${TEST_SECRET}`)
      .digest('hex');
    assert.strictEqual(body.signature, expectedSignature);
    assert.strictEqual(body.url, `${server.url}/${TEST_CLOUD}/image/upload/v${body.version}/samples/red.png`);
  });

  it('accepts SHA-256 signatures', async () => {
    const params = { public_id: 'sha256-image', timestamp: String(Math.floor(Date.now() / 1000)) };
    const signature = signIndependently(params, TEST_SECRET, 'sha256');
    const { status, body } = await postForm(
      uploadUrl,
      { ...params, api_key: TEST_KEY, signature },
      {
        bytes: await makePng(8, 8),
        filename: 'x.png',
      },
    );
    assert.strictEqual(status, 200, JSON.stringify(body));
  });

  it('rejects a wrong signature with 401 and the string to sign', async () => {
    const fields = signed({ public_id: 'forged' });
    fields.signature = '0'.repeat(40);
    const { status, body } = await postForm(uploadUrl, fields, {
      bytes: await makePng(8, 8),
      filename: 'x.png',
    });
    assert.strictEqual(status, 401);
    assert.match(
      errorMessage(body),
      /^Invalid Signature 0{40}\. String to sign - 'public_id=forged&timestamp=\d+'\.$/,
    );
  });

  it('rejects a timestamp older than one hour with 400', async () => {
    const fields = signed({ public_id: 'stale' }, Date.now() - 2 * 3600 * 1000);
    const { status, body } = await postForm(uploadUrl, fields, {
      bytes: await makePng(8, 8),
      filename: 'x.png',
    });
    assert.strictEqual(status, 400);
    assert.match(errorMessage(body), /^Stale request - reported time is .* which is more than 1 hour ago$/);
  });

  it('rejects an unsigned upload without a preset', async () => {
    const { status, body } = await postForm(uploadUrl, {}, { bytes: await makePng(8, 8), filename: 'x.png' });
    assert.strictEqual(status, 400);
    assert.strictEqual(errorMessage(body), 'Upload preset must be specified when using unsigned upload');
  });

  it('rejects an unknown API key and an unknown cloud with 401', async () => {
    const fields = { ...signed({}), api_key: '999' };
    const unknownKey = await postForm(uploadUrl, fields, { bytes: await makePng(8, 8), filename: 'x.png' });
    assert.strictEqual(unknownKey.status, 401);
    assert.strictEqual(errorMessage(unknownKey.body), 'Unknown API key 999');
    const otherCloud = await postForm(`${server.url}/v1_1/other/image/upload`, signed({}), {
      bytes: await makePng(8, 8),
      filename: 'x.png',
    });
    assert.strictEqual(otherCloud.status, 401);
  });

  it('detects the resource type from the content, not the file name', async () => {
    const autoUrl = `${server.url}/v1_1/${TEST_CLOUD}/auto/upload`;
    const png = await postForm(autoUrl, signed({}), { bytes: await makePng(10, 10), filename: 'notes.txt' });
    assert.strictEqual(png.body.resource_type, 'image');
    assert.strictEqual(png.body.format, 'png');
    const text = await postForm(autoUrl, signed({}), {
      bytes: Buffer.from('hello, world\n'),
      filename: 'photo.jpg',
    });
    assert.strictEqual(text.status, 200, JSON.stringify(text.body));
    assert.strictEqual(text.body.resource_type, 'raw');
    const asImage = await postForm(uploadUrl, signed({}), {
      bytes: Buffer.from('not an image'),
      filename: 'x.png',
    });
    assert.strictEqual(asImage.status, 400);
    assert.strictEqual(errorMessage(asImage.body), 'Invalid image file');
  });

  it('keeps the extension of raw files in the public id', async () => {
    const rawUrl = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`;
    const { status, body } = await postForm(rawUrl, signed({ use_filename: 1, unique_filename: 0 }), {
      bytes: Buffer.from('a,b\n1,2\n'),
      filename: 'table.csv',
    });
    assert.strictEqual(status, 200, JSON.stringify(body));
    assert.strictEqual(body.public_id, 'table.csv');
    assert.strictEqual(body.resource_type, 'raw');
    assert.strictEqual(body.url, `${server.url}/${TEST_CLOUD}/raw/upload/v${body.version}/table.csv`);
  });

  for (const [label, publicId] of [
    ['a parent segment', '../escape'],
    ['an inner parent segment', 'a/../../b'],
    ['a control character', 'bad\u0001name'],
    ['a newline', 'bad\nname'],
    ['a backslash', 'a\\b'],
    ['an empty segment', 'a//b'],
  ]) {
    it(`rejects a public_id with ${label}`, async () => {
      // url-encoded, because multipart normalises line breaks in field values
      const png = await makePng(8, 8);
      const form = new URLSearchParams({
        ...signed({ public_id: publicId! }),
        file: `data:image/png;base64,${png.toString('base64')}`,
      });
      const response = await fetch(uploadUrl, { method: 'POST', body: form });
      assert.strictEqual(response.status, 400);
      assert.match(errorMessage((await response.json()) as Record<string, unknown>), /Invalid public_id/);
    });
  }

  it('rejects a folder that climbs out', async () => {
    const { status, body } = await postForm(uploadUrl, signed({ folder: '../..' }), {
      bytes: await makePng(8, 8),
      filename: 'x.png',
    });
    assert.strictEqual(status, 400);
    assert.match(errorMessage(body), /Invalid folder/);
  });

  it('accepts a data URI in a url-encoded body', async () => {
    const jpeg = await makeJpeg(20, 10);
    const fields = signed({ public_id: 'from-data-uri' });
    const body = new URLSearchParams({
      ...fields,
      file: `data:image/jpeg;base64,${jpeg.toString('base64')}`,
    });
    const response = await fetch(uploadUrl, { method: 'POST', body });
    const json = (await response.json()) as Record<string, unknown>;
    assert.strictEqual(response.status, 200, JSON.stringify(json));
    assert.strictEqual(json.format, 'jpg');
    assert.strictEqual(json.width, 20);
    assert.strictEqual(json.etag, md5Hex(jpeg));
  });

  it('accepts a data URI in a JSON body', async () => {
    const png = await makePng(5, 7);
    const fields = signed({ public_id: 'from-json' });
    const response = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...fields, file: `data:image/png;base64,${png.toString('base64')}` }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    assert.strictEqual(response.status, 200, JSON.stringify(json));
    assert.strictEqual(json.height, 7);
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const response = await fetch(uploadUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    });
    assert.strictEqual(response.status, 400);
    assert.isString(((await response.json()) as { error: { message: string } }).error.message);
  });

  it('does not overwrite when overwrite is false and reports the existing asset', async () => {
    const first = await postForm(uploadUrl, signed({ public_id: 'keep-me' }), {
      bytes: await makePng(8, 8),
      filename: 'a.png',
    });
    const second = await postForm(uploadUrl, signed({ public_id: 'keep-me', overwrite: 0 }), {
      bytes: await makePng(9, 9),
      filename: 'b.png',
    });
    assert.strictEqual(second.status, 200);
    assert.strictEqual(second.body.existing, true);
    assert.strictEqual(second.body.width, 8);
    assert.strictEqual(second.body.version, first.body.version);
    const third = await postForm(uploadUrl, signed({ public_id: 'keep-me' }), {
      bytes: await makePng(9, 9),
      filename: 'b.png',
    });
    assert.strictEqual(third.body.width, 9);
    assert.strictEqual(third.body.asset_id, first.body.asset_id);
    assert.isAbove(Number(third.body.version), Number(first.body.version));
  });

  it('assembles a chunked upload sent as the Node SDK sends it, tolerating a re-sent chunk', async () => {
    const whole = Buffer.concat([await makePng(300, 200), randomBytes(1000)]);
    const third = Math.floor(whole.length / 3);
    const cut = [0, third, 2 * third, whole.length];
    const uploadId = `test${randomBytes(6).toString('hex')}`;
    const send = async (index: number) => {
      const start = cut[index]!;
      const end = cut[index + 1]! - 1;
      const last = index === cut.length - 2;
      return postForm(
        `${server.url}/v1_1/${TEST_CLOUD}/auto/upload`,
        signed({ public_id: 'chunked' }),
        {
          bytes: whole.subarray(start, end + 1),
          filename: 'big.png',
        },
        {
          'X-Unique-Upload-Id': uploadId,
          'Content-Range': `bytes ${start}-${end}/${last ? whole.length : -1}`,
        },
      );
    };
    const first = await send(0);
    assert.strictEqual(first.status, 200, JSON.stringify(first.body));
    assert.strictEqual(first.body.done, false);
    assert.strictEqual(first.body.bytes, third);
    await send(1);
    const resent = await send(1);
    assert.strictEqual(resent.body.bytes, 2 * third);
    const final = await send(2);
    assert.strictEqual(final.status, 200, JSON.stringify(final.body));
    assert.strictEqual(final.body.public_id, 'chunked');
    assert.strictEqual(final.body.bytes, whole.length);
    assert.strictEqual(final.body.etag, md5Hex(whole));
    assert.strictEqual(final.body.width, 300);
  });

  it('rejects a chunk whose size does not match its Content-Range', async () => {
    const { status, body } = await postForm(
      `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`,
      signed({}),
      {
        bytes: Buffer.alloc(10),
        filename: 'x.bin',
      },
      { 'X-Unique-Upload-Id': 'mismatch1', 'Content-Range': 'bytes 0-99/-1' },
    );
    assert.strictEqual(status, 400);
    assert.match(errorMessage(body), /does not match Content-Range/);
  });

  describe('remote URLs', () => {
    let origin: http.Server;
    let originUrl: string;
    let png: Buffer;
    before(async () => {
      png = await makePng(12, 34);
      origin = http.createServer((request, response) => {
        if (request.url === '/redirect-private') {
          response.writeHead(302, { location: 'http://localhost:1/secret' }).end();
        } else if (request.url === '/pic.png') {
          response.writeHead(200, { 'content-type': 'image/png' }).end(png);
        } else {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
      originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
    });
    after(async () => new Promise<void>((resolve) => origin.close(() => resolve())));

    it('refuses a loopback URL that is not allow-listed', async () => {
      const { status, body } = await postForm(uploadUrl, { ...signed({}), file: `${originUrl}/pic.png` });
      assert.strictEqual(status, 400);
      assert.match(errorMessage(body), /private address/);
    });

    it('fetches an allow-listed URL and re-checks redirects', async () => {
      const port = new URL(originUrl).port;
      const allowed = await startTestServer({ KUMO_FETCH_ALLOW: `127.0.0.1:${port}` });
      try {
        const url = `${allowed.url}/v1_1/${TEST_CLOUD}/image/upload`;
        const ok = await postForm(url, { ...signed({}), file: `${originUrl}/pic.png` });
        assert.strictEqual(ok.status, 200, JSON.stringify(ok.body));
        assert.strictEqual(ok.body.height, 34);
        assert.strictEqual(ok.body.original_filename, 'pic');
        const redirected = await postForm(url, { ...signed({}), file: `${originUrl}/redirect-private` });
        assert.strictEqual(redirected.status, 400);
        assert.match(errorMessage(redirected.body), /private address/);
        const missing = await postForm(url, { ...signed({}), file: `${originUrl}/nothing.png` });
        assert.strictEqual(missing.status, 404);
      } finally {
        await allowed.close();
      }
    });
  });
});

function errorMessage(body: Record<string, unknown>): string {
  const error = body.error as { message?: unknown } | undefined;
  return typeof error?.message === 'string' ? error.message : `no error message in ${JSON.stringify(body)}`;
}
