import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { exited, type Started, startCli } from '../testing/cli-process.js';
import { signed, TEST_CLOUD } from '../testing/test-server.js';

/** Peak resident memory of a process in bytes, from Linux's /proc. */
async function peakRss(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Streams a multipart upload from disk, so the client holds no more than a buffer of it. */
function streamUpload(
  url: string,
  fields: Record<string, string>,
  file: string,
  size: number,
): Promise<Record<string, unknown>> {
  const boundary = `kumo${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(
        ([key, value]) =>
          `--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': head.length + size + tail.length,
      },
    });
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => {
        text += chunk;
      });
      response.on('end', () => resolve(JSON.parse(text) as Record<string, unknown>));
    });
    request.on('error', reject);
    request.write(head);
    const body = createReadStream(file);
    body.on('end', () => request.end(tail));
    body.pipe(request, { end: false });
  });
}

describe('streaming uploads', () => {
  let dataDir: string;
  let server: Started;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-memory-'));
    server = await startCli(dataDir);
  });
  after(async () => {
    server.child.kill('SIGTERM');
    await exited(server.child);
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('keeps server memory flat while a 256 MB multipart upload streams to disk', async () => {
    const file = path.join(dataDir, 'source.bin');
    const size = 256 * 1024 * 1024;
    const hash = createHash('md5');
    const handle = await fs.open(file, 'w');
    for (let written = 0; written < size; written += 8 * 1024 * 1024) {
      const block = randomBytes(8 * 1024 * 1024);
      hash.update(block);
      await handle.write(block);
    }
    await handle.close();
    const before = await peakRss(server.child.pid!);
    const result = await streamUpload(
      `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`,
      signed({ public_id: 'big.bin' }),
      file,
      size,
    );
    const peak = await peakRss(server.child.pid!);
    assert.strictEqual(result.bytes, size, JSON.stringify(result));
    assert.strictEqual(result.etag, hash.digest('hex'));
    assert.isBelow(
      peak - before,
      64 * 1024 * 1024,
      `peak RSS grew by ${Math.round((peak - before) / 2 ** 20)} MB`,
    );
  });
});
