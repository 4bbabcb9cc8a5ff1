// This recording HTTP server stands in for the Kumo server until the real one exists: it records every
// request and checks the exact Cloudinary wire format the client sends (multipart fields, signatures,
// chunk headers, Basic auth, Admin query strings). Once packages/server is done these calls should also
// run against it.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { verifyUploadSignature } from '../signing/upload.js';
import { createClient } from './client.js';
import { KumoApiError, KumoClientError } from './errors.js';
import { searchQuery } from './search-query.js';

interface Part {
  name: string;
  filename?: string;
  data: Buffer;
}

interface Recorded {
  method: string;
  path: string;
  query: [string, string][];
  rawQuery: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  parts: Part[];
  fields: Record<string, string | string[]>;
}

type Reply = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> };

function parseMultipart(body: Buffer, boundary: string): Part[] {
  const parts: Part[] = [];
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    const section = body.subarray(start + 2, next - 2);
    const split = section.indexOf('\r\n\r\n');
    const head = section.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    parts.push({ name, filename, data: section.subarray(split + 4) });
    position = next;
  }
  return parts;
}

function fieldsOf(entries: [string, string][]): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = {};
  for (const [key, value] of entries) {
    if (key.endsWith('[]')) fields[key] = [...((fields[key] as string[] | undefined) ?? []), value];
    else fields[key] = value;
  }
  return fields;
}

function formEntries(text: string): [string, string][] {
  if (text === '') return [];
  return text.split('&').map((pair) => {
    const [key = '', value = ''] = pair.split('=');
    return [decodeURIComponent(key), decodeURIComponent(value)];
  });
}

const requests: Recorded[] = [];
let replies: Reply[] = [];
let server: Server;
let base = '';

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const [path = '', rawQuery = ''] = (req.url ?? '').split('?');
      const type = req.headers['content-type'] ?? '';
      const boundary = /boundary=(.+)$/.exec(type)?.[1];
      const parts = boundary ? parseMultipart(body, boundary) : [];
      let entries: [string, string][] = parts
        .filter((part) => part.filename === undefined)
        .map((part) => [part.name, part.data.toString('utf8')]);
      if (type.startsWith('application/x-www-form-urlencoded')) entries = formEntries(body.toString('utf8'));
      requests.push({
        method: req.method ?? '',
        path,
        query: formEntries(rawQuery),
        rawQuery,
        headers: req.headers,
        body,
        parts,
        fields: fieldsOf(entries),
      });
      const reply = replies.shift() ?? { json: { ok: true } };
      res.writeHead(reply.status ?? 200, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(reply.text ?? JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  requests.length = 0;
  replies = [];
});

const KEY = '123456789012345';
const SECRET = 'abcd-secret';

function serverClient() {
  return createClient({ apiBase: base, cloudName: 'demo', apiKey: KEY, apiSecret: SECRET });
}

function last(): Recorded {
  const request = requests.at(-1);
  assert.exists(request, 'no request recorded');
  return request as Recorded;
}

function independentSignature(fields: Record<string, string | string[]>): string {
  const text = Object.entries(fields)
    .filter(([key]) => !['file', 'api_key', 'signature', 'resource_type', 'cloud_name'].includes(key))
    .map(
      ([key, value]) => [key.replace(/\[\]$/, ''), Array.isArray(value) ? value.join(',') : value] as const,
    )
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`.replace(/&/g, '%26'))
    .join('&');
  return createHash('sha1')
    .update(text + SECRET)
    .digest('hex');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected the call to fail');
}

describe('Upload API', () => {
  it('uploads a File as multipart with api_key, timestamp and a valid signature', async () => {
    const response = { public_id: 'sample', version: 1, resource_type: 'image', tags: ['a', 'b'] };
    replies.push({ json: response });
    const file = new File([new Uint8Array([1, 2, 3, 250])], 'photo.jpg', { type: 'image/jpeg' });
    const result = await serverClient().upload(file, {
      public_id: 'folder/sample',
      tags: ['a', 'b'],
      eager: ['c_fill,w_100', 'c_scale,w_50/png'],
      context: { alt: 'a=b|c', caption: 'hi' },
      overwrite: true,
      unique_filename: false,
      notification_url: 'https://hooks.test/x?a=1&b=2',
      resource_type: 'image',
    });
    assert.deepEqual(result, response);

    const request = last();
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v1_1/demo/image/upload');
    assert.match(String(request.headers['content-type']), /^multipart\/form-data; boundary=/);
    const { fields } = request;
    assert.equal(fields['api_key'], KEY);
    assert.match(String(fields['timestamp']), /^\d{10}$/);
    assert.equal(fields['public_id'], 'folder/sample');
    assert.equal(fields['tags'], 'a,b');
    assert.equal(fields['eager'], 'c_fill,w_100|c_scale,w_50/png');
    assert.equal(fields['context'], 'alt=a\\=b\\|c|caption=hi');
    assert.equal(fields['overwrite'], '1');
    assert.equal(fields['unique_filename'], '0');
    assert.isUndefined(fields['resource_type']);
    assert.equal(fields['signature'], independentSignature(fields));
    assert.deepEqual(await verifyUploadSignature(fields, SECRET), { ok: true, algorithm: 'sha1' });

    const filePart = request.parts.find((part) => part.name === 'file');
    assert.equal(filePart?.filename, 'photo.jpg');
    assert.deepEqual([...(filePart?.data ?? [])], [1, 2, 3, 250]);
    assert.equal(request.parts.at(-1)?.name, 'file', 'the file goes last, after the signed fields');
  });

  it('sends a remote URL as a text `file` field and defaults resource_type to auto', async () => {
    await serverClient().upload('https://example.test/a.jpg', { folder: 'x' });
    const request = last();
    assert.equal(request.path, '/v1_1/demo/auto/upload');
    assert.equal(request.fields['file'], 'https://example.test/a.jpg');
    assert.equal(request.fields['signature'], independentSignature(request.fields));
  });

  it('signs with SHA-256 when configured', async () => {
    const client = createClient({
      apiBase: base,
      cloudName: 'demo',
      apiKey: KEY,
      apiSecret: SECRET,
      signatureAlgorithm: 'sha256',
    });
    await client.upload('data:text/plain;base64,aGk=', {});
    assert.equal(String(last().fields['signature']).length, 64);
    assert.deepEqual(await verifyUploadSignature(last().fields, SECRET), { ok: true, algorithm: 'sha256' });
  });

  it('asks the signer callback in the browser and sends what it returns, never a secret', async () => {
    const seen: unknown[] = [];
    const client = createClient({
      apiBase: base,
      cloudName: 'demo',
      signer: async (params) => {
        seen.push(params);
        return { signature: 'f'.repeat(40), timestamp: 1700000000, api_key: 'browser-key' };
      },
    });
    await client.upload(new Blob(['x']), { public_id: 'p', tags: ['t1', 't2'] });
    assert.deepEqual(seen, [{ public_id: 'p', tags: 't1,t2' }]);
    const { fields } = last();
    assert.equal(fields['signature'], 'f'.repeat(40));
    assert.equal(fields['timestamp'], '1700000000');
    assert.equal(fields['api_key'], 'browser-key');
    assert.equal(last().parts.find((part) => part.name === 'file')?.filename, 'file');
  });

  it('uploads unsigned through the configured preset', async () => {
    const client = createClient({ apiBase: base, cloudName: 'demo', uploadPreset: 'unsigned_1' });
    await client.upload(new Blob(['x']), { tags: 'a' });
    const { fields } = last();
    assert.equal(fields['upload_preset'], 'unsigned_1');
    assert.isUndefined(fields['signature']);
    assert.isUndefined(fields['api_key']);
    assert.isUndefined(fields['timestamp']);
  });

  it('refuses to upload or destroy when nothing can authorise the call', async () => {
    const client = createClient({ apiBase: base, cloudName: 'demo' });
    assert.instanceOf(await rejection(client.upload(new Blob(['x']))), KumoClientError);
    const presetOnly = createClient({ apiBase: base, cloudName: 'demo', uploadPreset: 'p' });
    assert.instanceOf(await rejection(presetOnly.destroy('x')), KumoClientError);
    assert.instanceOf(await rejection(client.upload('not a url')), KumoClientError);
    assert.lengthOf(requests, 0);
  });

  it('destroys, renames and runs explicit with signed form fields', async () => {
    const client = serverClient();
    replies.push({ json: { result: 'ok' } });
    assert.deepEqual(await client.destroy('a/b', { invalidate: true, resource_type: 'video' }), {
      result: 'ok',
    });
    assert.equal(last().path, '/v1_1/demo/video/destroy');
    assert.include(last().fields, { public_id: 'a/b', invalidate: 'true' });
    assert.equal(last().fields['signature'], independentSignature(last().fields));

    await client.rename('a', 'b', { overwrite: true });
    assert.equal(last().path, '/v1_1/demo/image/rename');
    assert.include(last().fields, { from_public_id: 'a', to_public_id: 'b', overwrite: 'true' });
    assert.equal(last().fields['signature'], independentSignature(last().fields));

    await client.explicit('a', { eager: ['w_10'], eager_async: true });
    assert.equal(last().path, '/v1_1/demo/image/explicit');
    assert.include(last().fields, { public_id: 'a', type: 'upload', eager: 'w_10', eager_async: '1' });
  });

  it('sends tag commands with repeated public_ids[] fields', async () => {
    const client = serverClient();
    await client.addTag('sale', ['a', 'b']);
    assert.equal(last().path, '/v1_1/demo/image/tags');
    assert.deepEqual(last().fields['public_ids[]'], ['a', 'b']);
    assert.include(last().fields, { command: 'add', tag: 'sale' });
    assert.equal(last().fields['signature'], independentSignature(last().fields));
    await client.addTag('sale', ['a'], { exclusive: true });
    assert.equal(last().fields['command'], 'set_exclusive');
    await client.removeTag('sale', ['a']);
    assert.equal(last().fields['command'], 'remove');
    await client.replaceTag('new', ['a']);
    assert.include(last().fields, { command: 'replace', tag: 'new' });
    await client.removeAllTags(['a'], { resource_type: 'video' });
    assert.equal(last().path, '/v1_1/demo/video/tags');
    assert.equal(last().fields['command'], 'remove_all');
    assert.isUndefined(last().fields['tag']);
  });
});

describe('chunked uploads', () => {
  const bytes = new Uint8Array(25).map((_, i) => i);

  it('sends X-Unique-Upload-Id and Content-Range with -1 until the last chunk, each chunk signed', async () => {
    replies.push({ json: { done: false, bytes: 10 } }, { json: { done: false, bytes: 20 } });
    replies.push({ json: { public_id: 'big', version: 2 } });
    const progress: number[] = [];
    const result = await serverClient().uploadChunked(
      new File([bytes], 'big.bin'),
      { public_id: 'big' },
      {
        chunkSize: 10,
        onProgress: (p) => progress.push(p.uploadedBytes),
      },
    );
    assert.deepEqual(result as unknown, { public_id: 'big', version: 2 });
    assert.deepEqual(progress, [10, 20, 25]);
    assert.deepEqual(
      requests.map((r) => r.headers['content-range']),
      ['bytes 0-9/-1', 'bytes 10-19/-1', 'bytes 20-24/25'],
    );
    const ids = new Set(requests.map((r) => r.headers['x-unique-upload-id']));
    assert.equal(ids.size, 1);
    assert.match(String([...ids][0]), /^[a-z0-9]{8,}$/);
    const received = Buffer.concat(
      requests.map((r) => r.parts.find((p) => p.name === 'file')?.data ?? Buffer.alloc(0)),
    );
    assert.deepEqual([...received], [...bytes]);
    for (const request of requests) {
      assert.equal(request.path, '/v1_1/demo/auto/upload');
      assert.equal(request.parts.find((p) => p.name === 'file')?.filename, 'big.bin');
      assert.equal(request.fields['signature'], independentSignature(request.fields));
    }
  });

  it('retries a chunk that failed with a server error', async () => {
    replies.push({ json: { done: false, bytes: 10 } });
    replies.push({ status: 500, json: { error: { message: 'boom' } } });
    replies.push({ json: { done: false, bytes: 20 } }, { json: { public_id: 'big' } });
    await serverClient().uploadLarge(new Blob([bytes]), {}, { chunkSize: 10, retryDelayMs: 1 });
    assert.deepEqual(
      requests.map((r) => r.headers['content-range']),
      ['bytes 0-9/-1', 'bytes 10-19/-1', 'bytes 10-19/-1', 'bytes 20-24/25'],
    );
    assert.equal(requests[0]?.path, '/v1_1/demo/raw/upload', 'uploadLarge defaults to raw like the SDK');
  });

  it('reports where to resume after giving up, and resumes from that offset with the same id', async () => {
    replies.push({ json: { done: false, bytes: 10 } });
    for (let i = 0; i < 3; i++) replies.push({ status: 503, text: 'unavailable' });
    const error = await rejection(
      serverClient().uploadChunked(new Blob([bytes]), {}, { chunkSize: 10, retries: 2, retryDelayMs: 1 }),
    );
    assert.instanceOf(error, KumoApiError);
    const apiError = error as KumoApiError;
    assert.equal(apiError.status, 503);
    assert.equal(apiError.message, 'Server returned unexpected status code - 503');
    assert.equal(apiError.resume?.offset, 10);
    assert.lengthOf(requests, 4);

    requests.length = 0;
    replies.push({ json: { done: false, bytes: 20 } }, { json: { public_id: 'resumed' } });
    const resumed = await serverClient().uploadChunked(
      new Blob([bytes]),
      {},
      { chunkSize: 10, startOffset: apiError.resume?.offset, uniqueUploadId: apiError.resume?.uploadId },
    );
    assert.equal(resumed.public_id, 'resumed');
    assert.deepEqual(
      requests.map((r) => [r.headers['content-range'], r.headers['x-unique-upload-id']]),
      [
        ['bytes 10-19/-1', apiError.resume?.uploadId],
        ['bytes 20-24/25', apiError.resume?.uploadId],
      ],
    );
  });

  it('does not retry a 4xx answer', async () => {
    replies.push({ status: 400, json: { error: { message: 'Invalid Content-Range' } } });
    const error = await rejection(serverClient().uploadChunked(new Blob([bytes]), {}, { chunkSize: 10 }));
    assert.equal((error as KumoApiError).message, 'Invalid Content-Range');
    assert.lengthOf(requests, 1);
  });
});

describe('Admin API', () => {
  const basic = `Basic ${Buffer.from(`${KEY}:${SECRET}`).toString('base64')}`;

  it('lists resources with Basic auth and the query string the SDK sends', async () => {
    replies.push({
      json: { resources: [{ public_id: 'a' }], next_cursor: 'c2' },
      headers: { 'X-FeatureRateLimit-Limit': '500', 'X-FeatureRateLimit-Remaining': '499' },
    });
    const page = await serverClient().resources({
      type: 'upload',
      prefix: 'a b',
      max_results: 10,
      tags: true,
    });
    assert.equal(page.next_cursor, 'c2');
    assert.equal(page.rate_limit_allowed, 500);
    assert.equal(page.rate_limit_remaining, 499);
    const request = last();
    assert.equal(request.method, 'GET');
    assert.equal(request.path, '/v1_1/demo/resources/image/upload');
    assert.equal(request.rawQuery, 'prefix=a%20b&max_results=10&tags=true');
    assert.equal(request.headers.authorization, basic);
  });

  it('builds the paths of the other read calls', async () => {
    const client = serverClient();
    await client.resourcesByTag('shoe', { max_results: 5 });
    assert.equal(`${last().path}?${last().rawQuery}`, '/v1_1/demo/resources/image/tags/shoe?max_results=5');
    await client.resourcesByIds(['a', 'b/c']);
    assert.equal(last().path, '/v1_1/demo/resources/image/upload');
    assert.equal(last().rawQuery, 'public_ids%5B%5D=a&public_ids%5B%5D=b%2Fc');
    await client.resource('folder/x y', { resource_type: 'video' });
    assert.equal(last().path, '/v1_1/demo/resources/video/upload/folder%2Fx%20y');
    await client.tags({ prefix: 'p' });
    assert.equal(`${last().path}?${last().rawQuery}`, '/v1_1/demo/tags/image?prefix=p');
    await client.rootFolders();
    assert.equal(`${last().path}${last().rawQuery}`, '/v1_1/demo/folders');
    await client.subFolders('a/b', { max_results: 3 });
    assert.equal(`${last().path}?${last().rawQuery}`, '/v1_1/demo/folders/a%2Fb?max_results=3');
  });

  it('sends deletes and folder writes with form bodies', async () => {
    const client = serverClient();
    await client.deleteResources(['a', 'b'], { keep_original: true });
    assert.equal(last().method, 'DELETE');
    assert.equal(last().path, '/v1_1/demo/resources/image/upload');
    assert.equal(last().body.toString(), 'keep_original=true&public_ids%5B%5D=a&public_ids%5B%5D=b');
    assert.equal(last().headers['content-type'], 'application/x-www-form-urlencoded');
    await client.deleteResourcesByPrefix('old/');
    assert.equal(last().body.toString(), 'prefix=old%2F');
    await client.deleteResourcesByTag('gone');
    assert.equal(last().path, '/v1_1/demo/resources/image/tags/gone');
    await client.createFolder('new/folder');
    assert.deepEqual([last().method, last().path], ['POST', '/v1_1/demo/folders/new%2Ffolder']);
    await client.deleteFolder('new');
    assert.deepEqual([last().method, last().path], ['DELETE', '/v1_1/demo/folders/new']);
  });

  it('searches with a JSON body, from a plain object or the builder', async () => {
    const client = serverClient();
    await client.search({ expression: 'tags=shoe', max_results: 2 });
    assert.equal(last().path, '/v1_1/demo/resources/search');
    assert.equal(last().headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(last().body.toString()), { expression: 'tags=shoe', max_results: 2 });
    await client.search(
      searchQuery().expression('format:jpg').sortBy('public_id', 'asc').withField('tags').aggregate('format'),
    );
    assert.deepEqual(JSON.parse(last().body.toString()), {
      expression: 'format:jpg',
      sort_by: [{ public_id: 'asc' }],
      with_field: ['tags'],
      aggregate: ['format'],
    });
  });

  it('uses a bearer token when no key pair is configured, and needs one of them', async () => {
    const client = createClient({ apiBase: base, cloudName: 'demo', adminToken: async () => 'ml-token' });
    await client.resources();
    assert.equal(last().headers.authorization, 'Bearer ml-token');
    const bare = createClient({ apiBase: base, cloudName: 'demo', uploadPreset: 'p' });
    assert.instanceOf(await rejection(bare.resources()), KumoClientError);
  });
});

describe('errors', () => {
  it('carries the status and Cloudinary message', async () => {
    replies.push({ status: 401, json: { error: { message: 'Invalid Signature abc. String to sign - x.' } } });
    const error = await rejection(serverClient().destroy('a'));
    assert.instanceOf(error, KumoApiError);
    assert.equal((error as KumoApiError).status, 401);
    assert.equal((error as KumoApiError).message, 'Invalid Signature abc. String to sign - x.');
  });

  it('reports a refused connection as status 0', async () => {
    const client = createClient({
      apiBase: 'http://127.0.0.1:1',
      cloudName: 'demo',
      apiKey: 'k',
      apiSecret: 's',
    });
    const error = await rejection(client.resources());
    assert.instanceOf(error, KumoApiError);
    assert.equal((error as KumoApiError).status, 0);
  });

  it('rejects bad arguments with KumoClientError before sending', async () => {
    assert.throws(() => createClient({ apiBase: '', cloudName: 'demo' }), KumoClientError);
    const client = serverClient();
    assert.instanceOf(await rejection(client.resource('')), KumoClientError);
    assert.instanceOf(await rejection(client.upload(42 as never)), KumoClientError);
    assert.lengthOf(requests, 0);
  });
});
