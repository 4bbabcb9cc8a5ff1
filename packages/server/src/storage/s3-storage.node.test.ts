import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assert } from 'chai';
import { blobStorageContract, readAll, rejection } from '../testing/blob-storage-contract.js';
import { BlobNotFoundError } from './blob-storage.js';
import { BlobRangeError, S3Storage, type S3StorageOptions } from './s3-storage.js';
import { parseS3StorageUrl, S3StorageConfigError } from './s3-url.js';

const BUCKET = 'kumo-test';
// s3rver's built-in account. s3rver rejects other access keys but does not verify SigV4 signatures.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

/**
 * s3rver runs in a child process because its ListObjectsV2 continuation tokens are DES-encrypted, and
 * OpenSSL 3 offers DES only through its legacy provider, which Node enables with a start-up flag.
 */
const S3RVER_PROGRAM = `
const S3rver = require(process.env.KUMO_S3RVER_MODULE);
const [directory, bucket] = process.argv.slice(1);
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
server.run().then(
  ({ port }) => process.stdout.write(port + '\\n'),
  (error) => { console.error(error); process.exit(1); },
);
process.stdin.on('end', () => process.exit(0)).resume();
`;

let s3rver: ChildProcess;
let dataDir: string;
let endpoint: string;
const storages: S3Storage[] = [];
let storageCount = 0;
/** Clients and servers a test started, closed when the file's tests are done. */
const closers: (() => unknown)[] = [];

before(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-s3rver-'));
  s3rver = spawn(process.execPath, ['--openssl-legacy-provider', '-e', S3RVER_PROGRAM, dataDir, BUCKET], {
    env: { ...process.env, KUMO_S3RVER_MODULE: createRequire(import.meta.url).resolve('s3rver') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  endpoint = `http://127.0.0.1:${await announcedPort(s3rver)}`;
});

after(async () => {
  for (const storage of storages) storage.destroy();
  await Promise.all(closers.map((close) => close()));
  if (s3rver.exitCode === null) {
    const exited = new Promise((resolve) => s3rver.once('exit', resolve));
    s3rver.kill('SIGTERM');
    await exited;
  }
  await fs.rm(dataDir, { recursive: true, force: true });
});

/** A storage on the shared bucket, in a prefix of its own so tests cannot see each other's blobs. */
function makeStorage(options: Partial<S3StorageOptions> = {}): S3Storage {
  const storage = new S3Storage({
    bucket: BUCKET,
    endpoint,
    ...CREDENTIALS,
    prefix: `test-${++storageCount}`,
    ...options,
  });
  storages.push(storage);
  return storage;
}

// A page size of 2 makes every listing of more than two keys cross pages.
blobStorageContract('S3Storage on s3rver', () => makeStorage({ pageSize: 2 }), {
  untestableSameKeyConcurrency:
    's3rver writes an object in place, so concurrent PUTs of one key interleave there; S3 replaces objects atomically',
});

describe('S3Storage', () => {
  let sources: string;
  let sourceCount = 0;

  before(async () => {
    sources = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-s3-sources-'));
  });
  after(async () => {
    await fs.rm(sources, { recursive: true, force: true });
  });

  async function sourceFile(bytes: Buffer | string): Promise<string> {
    const file = path.join(sources, `source-${++sourceCount}`);
    await fs.writeFile(file, bytes);
    return file;
  }

  function rawClient(): S3Client {
    const client = new S3Client({
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: CREDENTIALS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    closers.push(() => client.destroy());
    return client;
  }

  it('pages through ListObjectsV2 until the last page, in key order', async () => {
    const storage = makeStorage({ pageSize: 1 });
    const keys = Array.from({ length: 25 }, (_, i) => `page/${String(i).padStart(2, '0')}`);
    for (const key of [...keys].reverse()) await storage.putFile(key, await sourceFile(key));
    const listed: string[] = [];
    for await (const key of storage.list('page/')) listed.push(key);
    assert.deepEqual(listed, keys);
  });

  it('keeps its blobs under its prefix and hides the prefix from keys', async () => {
    const tenantA = makeStorage({ prefix: 'tenant-a/' });
    const tenantAb = makeStorage({ prefix: 'tenant-ab' });
    await tenantA.putFile('one', await sourceFile('from a'));
    await tenantAb.putFile('one', await sourceFile('from ab'));
    const listedA: string[] = [];
    for await (const key of tenantA.list()) listedA.push(key);
    assert.deepEqual(listedA, ['one']);
    assert.equal((await readAll(await tenantA.read('one'))).toString(), 'from a');
    const head = await rawClient().send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'tenant-ab/one' }));
    assert.equal(head.ContentLength, Buffer.byteLength('from ab'));
  });

  it('lists only objects whose names are blob keys', async () => {
    const client = rawClient();
    for (const Key of ['foreign/folder/', 'foreign/with space', 'foreign/ok']) {
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: 'x' }));
    }
    const listed: string[] = [];
    for await (const key of makeStorage({ prefix: 'foreign' }).list()) listed.push(key);
    assert.deepEqual(listed, ['ok']);
  });

  it('tells a missing bucket from a missing blob', async () => {
    const storage = makeStorage({ bucket: 'no-such-bucket' });
    const error = await rejection(storage.read('some/key'));
    assert.instanceOf(error, Error);
    assert.notInstanceOf(error, BlobNotFoundError);
    const check = await rejection(storage.checkBucket());
    assert.instanceOf(check, S3StorageConfigError);
    assert.match((check as Error).message, /"no-such-bucket" does not exist/);
    await makeStorage().checkBucket();
  });

  it('fails with the server error on unknown credentials, not as a missing blob', async () => {
    const storage = makeStorage({ accessKeyId: 'UNKNOWN', secretAccessKey: 'wrong' });
    const error = await rejection(storage.read('some/key'));
    assert.notInstanceOf(error, BlobNotFoundError);
    assert.equal((error as Error).name, 'InvalidAccessKeyId');
    const source = await sourceFile('kept');
    await rejection(storage.putFile('some/key', source));
    assert.equal(await fs.readFile(source, 'utf8'), 'kept', 'a failed put leaves the source in place');
  });

  it('works from a KUMO_STORAGE URL', async () => {
    const storage = new S3Storage(
      parseS3StorageUrl(
        `s3://S3RVER:S3RVER@${BUCKET}?endpoint=${encodeURIComponent(endpoint)}` +
          '&region=us-east-1&prefix=from-url/&forcePathStyle=true',
      ),
    );
    storages.push(storage);
    await storage.putFile('a/b', await sourceFile('via url'));
    assert.equal((await readAll(await storage.read('a/b'))).toString(), 'via url');
    const head = await rawClient().send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'from-url/a/b' }));
    assert.equal(head.ContentLength, 7);
  });

  describe('put retries', () => {
    it('retries after a broken connection and a busy server, then stores the whole file', async () => {
      let puts = 0;
      const proxy = await startProxy((request, response, forward) => {
        if (request.method !== 'PUT') return forward();
        puts++;
        if (puts === 1) {
          request.once('data', () => request.socket.destroy());
          return;
        }
        if (puts === 2) return answerError(request, response, 503, 'SlowDown');
        return forward();
      });
      const storage = makeStorage({ endpoint: proxy.endpoint });
      const bytes = randomBytes(2 * 1024 * 1024);
      const source = await sourceFile(bytes);
      await storage.putFile('retried', source);
      assert.equal(puts, 3);
      assert.isTrue((await readAll(await storage.read('retried'))).equals(bytes));
      assert.isFalse(await fileExists(source));
    });

    it('does not retry a refused put, and keeps the source file', async () => {
      let puts = 0;
      const proxy = await startProxy((request, response, forward) => {
        if (request.method !== 'PUT') return forward();
        puts++;
        answerError(request, response, 403, 'AccessDenied');
      });
      const storage = makeStorage({ endpoint: proxy.endpoint });
      const source = await sourceFile('refused');
      const error = await rejection(storage.putFile('refused', source));
      assert.equal((error as Error).name, 'AccessDenied');
      assert.equal(puts, 1);
      assert.isTrue(await fileExists(source));
      assert.isUndefined(await storage.size('refused'));
    });

    it('gives up after three attempts', async () => {
      let puts = 0;
      const proxy = await startProxy((request, response, forward) => {
        if (request.method !== 'PUT') return forward();
        puts++;
        answerError(request, response, 503, 'SlowDown');
      });
      const storage = makeStorage({ endpoint: proxy.endpoint });
      const source = await sourceFile('busy');
      assert.equal(((await rejection(storage.putFile('busy', source))) as Error).name, 'SlowDown');
      assert.equal(puts, 3);
      assert.isTrue(await fileExists(source));
    });
  });

  describe('readRange against a server that ignores Range', () => {
    // HTTP allows a server to answer a range request with 200 and the whole body.
    const bytes = randomBytes(64 * 1024);
    const rangesAsked: string[] = [];

    async function ignoringStorage(): Promise<S3Storage> {
      const server = await startProxy((request, response) => {
        rangesAsked.push(String(request.headers.range));
        response.writeHead(200, {
          'content-length': bytes.length,
          'content-type': 'application/octet-stream',
        });
        response.end(bytes);
      });
      return makeStorage({ endpoint: server.endpoint });
    }

    it('trims the whole body to the range asked for', async () => {
      const storage = await ignoringStorage();
      for (const [start, end] of [
        [0, 0],
        [1000, 40_000],
        [60_000, undefined],
        [bytes.length - 1, bytes.length + 10],
      ] as const) {
        const read = await readAll(await storage.readRange('clip', start, end));
        assert.isTrue(
          read.equals(bytes.subarray(start, end === undefined ? undefined : end + 1)),
          `${start}-${end}`,
        );
      }
      assert.deepEqual(rangesAsked.splice(0), [
        'bytes=0-0',
        'bytes=1000-40000',
        'bytes=60000-',
        'bytes=65535-65546',
      ]);
    });

    it('rejects a start past the end with BlobRangeError', async () => {
      const storage = await ignoringStorage();
      const error = await rejection(storage.readRange('clip', bytes.length));
      assert.instanceOf(error, BlobRangeError);
      assert.instanceOf(error, RangeError);
    });

    it('refuses a range shorter than the one asked for rather than return too few bytes', async () => {
      const server = await startProxy((_request, response) => {
        response.writeHead(206, { 'content-length': 10, 'content-range': `bytes 0-9/${bytes.length}` });
        response.end(bytes.subarray(0, 10));
      });
      const storage = makeStorage({ endpoint: server.endpoint });
      const error = await rejection(storage.readRange('clip', 0, 100));
      assert.match((error as Error).message, /served bytes 0-9 of clip for bytes 0-100/);
      const whole = await readAll(await storage.readRange('clip', 0, 9));
      assert.isTrue(whole.equals(bytes.subarray(0, 10)));
    });
  });

  describe('options', () => {
    it('rejects unusable options with S3StorageConfigError', () => {
      const cases: Partial<S3StorageOptions>[] = [
        { bucket: '' },
        { accessKeyId: 'only-the-key', secretAccessKey: undefined },
        { accessKeyId: undefined, secretAccessKey: 'only-the-secret' },
        { pageSize: 0 },
        { pageSize: 1001 },
        { pageSize: 2.5 },
        { prefix: '../escape' },
        { prefix: 'a//b' },
        { prefix: '/leading' },
        { prefix: 'with space' },
      ];
      for (const options of cases) {
        assert.throws(
          () => new S3Storage({ bucket: BUCKET, endpoint, ...CREDENTIALS, ...options } as S3StorageOptions),
          S3StorageConfigError,
          undefined,
          JSON.stringify(options),
        );
      }
    });
  });
});

type ProxyHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  forward: () => void,
) => void;

/** An HTTP server in front of s3rver that lets a test interfere with chosen requests. */
async function startProxy(handler: ProxyHandler): Promise<{ endpoint: string }> {
  const upstream = new URL(endpoint);
  const server = http.createServer((request, response) => {
    handler(request, response, () => {
      const proxied = http.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: request.method,
          path: request.url,
          // Unchanged, Host included, since S3 signs it.
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      proxied.on('error', () => response.destroy());
      request.pipe(proxied);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Answers with an S3 error document once the request body has been received. */
function answerError(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  status: number,
  code: string,
): void {
  request.resume();
  request.once('end', () => {
    response.writeHead(status, { 'content-type': 'application/xml' });
    response.end(
      `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
    );
  });
}

async function announcedPort(child: ChildProcess): Promise<number> {
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`s3rver did not start within 15 s: ${stderr}`)), 15_000);
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      const line = /^(\d+)\n/.exec(stdout);
      if (line) {
        clearTimeout(timer);
        resolve(Number(line[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`s3rver exited with ${code}: ${stderr}`));
    });
  });
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}
