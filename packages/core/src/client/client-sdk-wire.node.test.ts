// Sends the same calls through the official `cloudinary` SDK and through our client to one recording
// HTTP server (standing in for the Kumo server, which is not finished yet) and compares what arrives:
// paths, methods, form fields, query strings, auth and chunk headers. The SDK only talks plain http
// when CLOUDINARY_URL carries `upload_prefix` before it is first loaded, so it is imported dynamically
// after the server is listening; this file must therefore run in its own process (node --test does that).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { verifyUploadSignature } from '../signing/upload.js';
import { createClient, type KumoClient } from './client.js';

interface Recorded {
  method: string;
  path: string;
  rawQuery: string;
  headers: IncomingMessage['headers'];
  body: string;
  fields: [string, string][];
  fileName?: string;
  fileBytes?: Buffer;
}

function multipartFields(
  body: Buffer,
  boundary: string,
): { fields: [string, string][]; name?: string; data?: Buffer } {
  const fields: [string, string][] = [];
  let name: string | undefined;
  let data: Buffer | undefined;
  const delimiter = Buffer.from(`--${boundary}`);
  let position = body.indexOf(delimiter);
  while (position !== -1) {
    const start = position + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    const section = body.subarray(start + 2, next - 2);
    const split = section.indexOf('\r\n\r\n');
    const head = section.subarray(0, split).toString('utf8');
    const field = /name="([^"]*)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename === undefined) fields.push([field, section.subarray(split + 4).toString('utf8')]);
    else {
      name = filename;
      data = section.subarray(split + 4);
    }
    position = next;
  }
  return { fields, name, data };
}

const requests: Recorded[] = [];
let replies: unknown[] = [];
let server: Server;
let port = 0;
let sdk: typeof import('cloudinary').v2;
let ours: KumoClient;
let scratch = '';

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const [path = '', rawQuery = ''] = (req.url ?? '').split('?');
      const boundary = /boundary=(.+)$/.exec(req.headers['content-type'] ?? '')?.[1];
      const parsed = boundary ? multipartFields(body, boundary) : { fields: [] };
      requests.push({
        method: req.method ?? '',
        path,
        rawQuery,
        headers: req.headers,
        body: body.toString('utf8'),
        fields: parsed.fields,
        fileName: parsed.name,
        fileBytes: parsed.data,
      });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(replies.shift() ?? { public_id: 'x', version: 1 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  process.env['CLOUDINARY_URL'] = `cloudinary://key1:secret1@demo?upload_prefix=http://127.0.0.1:${port}`;
  sdk = (await import('cloudinary')).v2;
  ours = createClient({
    apiBase: `http://127.0.0.1:${port}`,
    cloudName: 'demo',
    apiKey: 'key1',
    apiSecret: 'secret1',
  });
  scratch = mkdtempSync(join(tmpdir(), 'kumo-wire-'));
});

after(() => {
  rmSync(scratch, { recursive: true, force: true });
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
  replies = [];
});

/** Runs the SDK call then ours, returning the two recorded requests. */
async function both(
  viaSdk: () => Promise<unknown>,
  viaOurs: () => Promise<unknown>,
): Promise<[Recorded, Recorded]> {
  requests.length = 0;
  await viaSdk();
  await viaOurs();
  assert.lengthOf(requests, 2);
  return [requests[0] as Recorded, requests[1] as Recorded];
}

const VOLATILE = new Set(['timestamp', 'signature']);

function stableFields(request: Recorded): [string, string][] {
  return request.fields
    .filter(([key]) => !VOLATILE.has(key))
    .sort(([a, av], [b, bv]) => (a + av < b + bv ? -1 : 1));
}

function asParams(request: Recorded): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of request.fields) {
    if (key.endsWith('[]')) params[key] = [...((params[key] as string[] | undefined) ?? []), value];
    else params[key] = value;
  }
  return params;
}

async function assertSameUploadCall(sdkRequest: Recorded, ourRequest: Recorded): Promise<void> {
  assert.equal(ourRequest.method, sdkRequest.method);
  assert.equal(ourRequest.path, sdkRequest.path);
  assert.deepEqual(stableFields(ourRequest), stableFields(sdkRequest));
  for (const request of [sdkRequest, ourRequest]) {
    assert.deepEqual(await verifyUploadSignature(asParams(request), 'secret1'), {
      ok: true,
      algorithm: 'sha1',
    });
  }
}

function sortedQuery(raw: string): string[] {
  return raw === '' ? [] : raw.split('&').sort();
}

function assertSameAdminCall(sdkRequest: Recorded, ourRequest: Recorded): void {
  assert.equal(ourRequest.method, sdkRequest.method);
  assert.equal(ourRequest.path, sdkRequest.path);
  assert.deepEqual(sortedQuery(ourRequest.rawQuery), sortedQuery(sdkRequest.rawQuery));
  assert.deepEqual(sortedQuery(ourRequest.body), sortedQuery(sdkRequest.body));
  assert.equal(ourRequest.headers.authorization, sdkRequest.headers.authorization);
}

describe('Upload API calls match the SDK on the wire', () => {
  it('upload from a remote URL with tags, context, eager and booleans', async () => {
    const options = {
      public_id: 'folder/x',
      tags: ['a', 'b'],
      context: { alt: 'a=b|c', caption: 'hi' },
      eager: 'c_fill,w_100',
      overwrite: true,
      unique_filename: false,
      notification_url: 'https://hooks.test/?a=1&b=2',
    };
    const [a, b] = await both(
      () => sdk.uploader.upload('https://example.test/a.jpg', { ...options, resource_type: 'image' }),
      () => ours.upload('https://example.test/a.jpg', { ...options, resource_type: 'image' }),
    );
    await assertSameUploadCall(a, b);
  });

  it('destroy, rename and explicit', async () => {
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.destroy('a/b', { invalidate: true, resource_type: 'video' }),
        () => ours.destroy('a/b', { invalidate: true, resource_type: 'video' }),
      )),
    );
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.rename('a', 'b', { overwrite: true, to_type: 'private' }),
        () => ours.rename('a', 'b', { overwrite: true, to_type: 'private' }),
      )),
    );
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.explicit('a', { type: 'upload', eager: 'w_100', eager_async: true, tags: ['t'] }),
        () => ours.explicit('a', { type: 'upload', eager: 'w_100', eager_async: true, tags: ['t'] }),
      )),
    );
  });

  it('tag commands', async () => {
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.add_tag('sale', ['a', 'b']),
        () => ours.addTag('sale', ['a', 'b']),
      )),
    );
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.remove_tag('sale', ['a']),
        () => ours.removeTag('sale', ['a']),
      )),
    );
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.replace_tag('new', ['a']),
        () => ours.replaceTag('new', ['a']),
      )),
    );
    await assertSameUploadCall(
      ...(await both(
        () => sdk.uploader.remove_all_tags(['a']),
        () => ours.removeAllTags(['a']),
      )),
    );
  });

  it('upload_large: same endpoint, chunk headers, file name and bytes', async () => {
    const bytes = Buffer.from(Array.from({ length: 25 }, (_, i) => i));
    const path = join(scratch, 'big.bin');
    writeFileSync(path, bytes);
    replies = [{ done: false, bytes: 10 }, { done: false, bytes: 20 }, { public_id: 'big' }];
    await new Promise<void>((resolve, reject) => {
      sdk.uploader.upload_large(path, { chunk_size: 10 }, (error: unknown) =>
        error ? reject(error) : resolve(),
      );
    });
    replies = [{ done: false, bytes: 10 }, { done: false, bytes: 20 }, { public_id: 'big' }];
    await ours.uploadLarge(new File([bytes], 'big'), {}, { chunkSize: 10 });
    assert.lengthOf(requests, 6);
    const sdkChunks = requests.slice(0, 3);
    const ourChunks = requests.slice(3);
    assert.deepEqual(
      ourChunks.map((r) => r.headers['content-range']),
      sdkChunks.map((r) => r.headers['content-range']),
    );
    for (const chunks of [sdkChunks, ourChunks]) {
      assert.equal(new Set(chunks.map((r) => r.headers['x-unique-upload-id'])).size, 1);
      assert.deepEqual([...Buffer.concat(chunks.map((r) => r.fileBytes ?? Buffer.alloc(0)))], [...bytes]);
    }
    for (let i = 0; i < 3; i++) {
      const [a, b] = [sdkChunks[i] as Recorded, ourChunks[i] as Recorded];
      assert.equal(b.fileName, a.fileName);
      await assertSameUploadCall(a, b);
    }
  });
});

describe('Admin API calls match the SDK on the wire', () => {
  it('resources, by tag, by ids, one resource', async () => {
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.resources({ type: 'upload', prefix: 'a b/c', max_results: 10, tags: true }),
        () => ours.resources({ type: 'upload', prefix: 'a b/c', max_results: 10, tags: true }),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.resources_by_tag('shoe', { max_results: 5, context: true }),
        () => ours.resourcesByTag('shoe', { max_results: 5, context: true }),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.resources_by_ids(['a', 'b/c'], { tags: true }),
        () => ours.resourcesByIds(['a', 'b/c'], { tags: true }),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.resource('folder/x y', { resource_type: 'video', max_results: 3 }),
        () => ours.resource('folder/x y', { resource_type: 'video', max_results: 3 }),
      )),
    );
  });

  it('delete resources, tags and folders', async () => {
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.delete_resources(['a', 'b'], { keep_original: true }),
        () => ours.deleteResources(['a', 'b'], { keep_original: true }),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.delete_resources_by_prefix('old/'),
        () => ours.deleteResourcesByPrefix('old/'),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.delete_resources_by_tag('gone'),
        () => ours.deleteResourcesByTag('gone'),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.tags({ prefix: 'p', max_results: 20 }),
        () => ours.tags({ prefix: 'p', max_results: 20 }),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.root_folders(),
        () => ours.rootFolders(),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.sub_folders('a/b', { max_results: 3 }),
        () => ours.subFolders('a/b', { max_results: 3 }),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.create_folder('new/f'),
        () => ours.createFolder('new/f'),
      )),
    );
    assertSameAdminCall(
      ...(await both(
        () => sdk.api.delete_folder('new/f'),
        () => ours.deleteFolder('new/f'),
      )),
    );
  });

  it('search', async () => {
    const [a, b] = await both(
      () =>
        sdk.search
          .expression('tags=shoe AND format:jpg')
          .sort_by('public_id', 'asc')
          .max_results(7)
          .with_field('tags')
          .execute(),
      () =>
        ours.search({
          expression: 'tags=shoe AND format:jpg',
          sort_by: [{ public_id: 'asc' }],
          max_results: 7,
          with_field: ['tags'],
        }),
    );
    assert.equal(b.method, a.method);
    // The SDK passes `resources/search` as one segment and so sends `resources%2Fsearch`; we send the
    // documented path. Both decode to the same route, which the server must accept in either form.
    assert.equal(a.path, '/v1_1/demo/resources%2Fsearch');
    assert.equal(decodeURIComponent(b.path), decodeURIComponent(a.path));
    assert.equal(b.headers['content-type'], a.headers['content-type']);
    assert.deepEqual(JSON.parse(b.body), JSON.parse(a.body));
    assert.equal(b.headers.authorization, a.headers.authorization);
  });
});
