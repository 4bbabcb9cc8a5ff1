// kumo.js and its chunks served from the embed build folder: JavaScript content type, ETag
// revalidation, short caching for the fixed entry names and immutable caching for hashed chunks,
// any origin, nothing outside the folder, and a clear 404 while the build is missing.
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { locateEmbedDir } from './embed-routes.js';

const CHUNK = 'chunks/upload-widget-AB12CD34.mjs';

/** A GET with the path sent exactly as written (fetch would normalize `..` away). */
function rawGet(base: string, rawPath: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname, port, path: rawPath, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('GET /embed/*', () => {
  let server: TestServer;
  let parent: string;
  let embedDir: string;

  before(async () => {
    parent = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-embed-'));
    embedDir = path.join(parent, 'browser');
    await fs.mkdir(path.join(embedDir, 'chunks'), { recursive: true });
    await fs.writeFile(path.join(embedDir, 'kumo.js'), 'window.kumo={};\n');
    await fs.writeFile(path.join(embedDir, 'kumo.js.map'), '{"version":3}');
    await fs.writeFile(path.join(embedDir, 'kumo.mjs'), 'export const kumo={};\n');
    await fs.writeFile(path.join(embedDir, CHUNK), 'export const chunk=1;\n');
    await fs.writeFile(path.join(embedDir, 'notes.txt'), 'not a script');
    await fs.writeFile(path.join(parent, 'secret.js'), 'outside-the-folder');
    server = await startTestServer({ KUMO_EMBED_DIR: embedDir });
  });
  after(async () => {
    await server.close();
    await fs.rm(parent, { recursive: true, force: true });
  });

  it('serves kumo.js as JavaScript with a short, revalidated cache lifetime', async () => {
    const response = await fetch(`${server.url}/embed/kumo.js`);
    assert.strictEqual(response.status, 200);
    assert.strictEqual(await response.text(), 'window.kumo={};\n');
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.strictEqual(
      response.headers.get('cache-control'),
      'public, max-age=300, stale-while-revalidate=86400',
    );
    assert.match(response.headers.get('etag') ?? '', /^"[\w-]+"$/);
    assert.strictEqual(response.headers.get('x-content-type-options'), 'nosniff');
  });

  it('serves kumo.mjs and source maps under their own types', async () => {
    const module = await fetch(`${server.url}/embed/kumo.mjs`);
    assert.strictEqual(module.status, 200);
    assert.match(module.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.strictEqual(await module.text(), 'export const kumo={};\n');
    const map = await fetch(`${server.url}/embed/kumo.js.map`);
    assert.strictEqual(map.status, 200);
    assert.match(map.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('caches hashed chunks for a year as immutable', async () => {
    const response = await fetch(`${server.url}/embed/${CHUNK}`);
    assert.strictEqual(response.status, 200);
    assert.strictEqual(await response.text(), 'export const chunk=1;\n');
    assert.strictEqual(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('lets pages on any origin load the scripts (module chunks are fetched with CORS)', async () => {
    for (const name of ['kumo.js', 'kumo.mjs', CHUNK]) {
      const response = await fetch(`${server.url}/embed/${name}`, {
        headers: { origin: 'https://shop.example' },
      });
      assert.strictEqual(response.headers.get('access-control-allow-origin'), '*', name);
    }
  });

  it('answers 304 to a matching If-None-Match and 200 with a new ETag once the file changes', async () => {
    const first = await fetch(`${server.url}/embed/kumo.js`);
    const etag = first.headers.get('etag')!;
    const again = await fetch(`${server.url}/embed/kumo.js`, { headers: { 'if-none-match': etag } });
    assert.strictEqual(again.status, 304);
    assert.strictEqual(await again.text(), '');
    assert.strictEqual(again.headers.get('etag'), etag);
    const weak = await fetch(`${server.url}/embed/kumo.js`, {
      headers: { 'if-none-match': `"other", W/${etag}` },
    });
    assert.strictEqual(weak.status, 304);

    await fs.writeFile(path.join(embedDir, 'kumo.js'), 'window.kumo={version:2};\n');
    const changed = await fetch(`${server.url}/embed/kumo.js`, { headers: { 'if-none-match': etag } });
    assert.strictEqual(changed.status, 200);
    assert.notStrictEqual(changed.headers.get('etag'), etag);
    assert.strictEqual(await changed.text(), 'window.kumo={version:2};\n');
  });

  it('answers HEAD with the headers only', async () => {
    const response = await fetch(`${server.url}/embed/kumo.js`, { method: 'HEAD' });
    assert.strictEqual(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/javascript/);
    assert.ok(response.headers.get('etag'));
  });

  it('refuses paths that leave the folder, hidden names and files that are not scripts', async () => {
    const attempts = [
      '/embed/../secret.js',
      '/embed/chunks/../../secret.js',
      '/embed/%2e%2e/secret.js',
      '/embed/chunks/%2e%2e%2f%2e%2e%2fsecret.js',
      '/embed/..%5csecret.js',
      '/embed/.hidden.js',
      '/embed//etc/passwd.js',
      '/embed/notes.txt',
      '/embed/kumo.js%00.map',
    ];
    for (const attempt of attempts) {
      const response = await rawGet(server.url, attempt);
      assert.include([400, 404], response.status, attempt);
      assert.notInclude(response.body, 'outside-the-folder', attempt);
      assert.notInclude(response.body, 'not a script', attempt);
    }
  });

  it('answers 404 with an error body for a chunk that does not exist', async () => {
    const response = await fetch(`${server.url}/embed/chunks/missing-ZZ99ZZ99.mjs`);
    assert.strictEqual(response.status, 404);
    const body = (await response.json()) as { error: { message: string } };
    assert.include(body.error.message, 'missing-ZZ99ZZ99.mjs');
  });
});

describe('GET /embed/* without a build', () => {
  let server: TestServer;
  let emptyDir: string;

  before(async () => {
    emptyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-embed-empty-'));
    server = await startTestServer({ KUMO_EMBED_DIR: emptyDir });
  });
  after(async () => {
    await server.close();
    await fs.rm(emptyDir, { recursive: true, force: true });
  });

  it('says how to build kumo.js, as a JSON error, without revealing server paths', async () => {
    const response = await fetch(`${server.url}/embed/kumo.js`);
    assert.strictEqual(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
    const body = (await response.json()) as { error: { message: string } };
    assert.include(body.error.message, 'not built');
    assert.include(body.error.message, 'KUMO_EMBED_DIR');
    assert.notInclude(body.error.message, emptyDir);
  });

  it('leaves the other routes alone', async () => {
    const response = await fetch(`${server.url}/health`);
    assert.strictEqual(response.status, 200);
  });
});

describe('locateEmbedDir', () => {
  it('prefers KUMO_EMBED_DIR', () => {
    assert.strictEqual(locateEmbedDir({ embedDir: '/srv/kumo/embed' }), '/srv/kumo/embed');
  });

  it('finds dist/browser of the installed @kumo/embed package otherwise', () => {
    const dir = locateEmbedDir({});
    assert.ok(dir);
    assert.strictEqual(path.basename(dir), 'browser');
    assert.strictEqual(path.basename(path.dirname(dir)), 'dist');
    assert.match(path.dirname(path.dirname(dir)), /embed$/);
  });
});
