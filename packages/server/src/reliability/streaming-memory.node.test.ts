import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { exited, type Started, startCli } from '../testing/cli-process.js';
import { peakRss, streamUpload } from '../testing/stream-upload.js';
import { signed, TEST_CLOUD } from '../testing/test-server.js';

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
