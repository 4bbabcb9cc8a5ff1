import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { openBackends } from '../backends.js';
import { resolveConfig } from '../config.js';
import { checkConsistency } from '../services/consistency-check.js';
import { exited, startCli } from '../testing/cli-process.js';
import { postForm, signed, TEST_CLOUD } from '../testing/test-server.js';

function md5(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}

describe('crash safety', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-crash-'));
  });
  after(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('a server killed with SIGKILL mid-upload restarts with only complete assets and no orphan blobs', async () => {
    const first = await startCli(dataDir);
    const files = Array.from({ length: 30 }, (_, i) => ({
      publicId: `crash/file-${i}.bin`,
      bytes: randomBytes(100_000 + ((i * 7919) % 10) * 300_000),
    }));
    const completed = new Map<string, string>();
    const uploads = files.map(async (file) => {
      try {
        const { status, body } = await postForm(
          `${first.url}/v1_1/${TEST_CLOUD}/raw/upload`,
          signed({ public_id: file.publicId }),
          {
            bytes: file.bytes,
            filename: 'file.bin',
          },
        );
        if (status === 200) completed.set(file.publicId, String(body.etag));
      } catch {
        // Connections cut by the kill.
      }
    });
    while (completed.size < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    first.child.kill('SIGKILL');
    await Promise.all(uploads);
    await exited(first.child);
    assert.isBelow(completed.size, files.length, 'the kill happened while uploads were still running');

    const second = await startCli(dataDir, { KUMO_ORPHAN_GRACE_SECONDS: '0' });
    second.child.kill('SIGTERM');
    await exited(second.child);

    const config = resolveConfig({ KUMO_DATA_DIR: dataDir });
    const backends = await openBackends(config);
    try {
      const report = await checkConsistency(backends.assets, backends.storage);
      assert.deepEqual(report.orphanBlobs, [], 'no orphan blob is left after the clean-up');
      assert.deepEqual(report.brokenAssets, [], 'every listed asset has its complete blob');
      const listed = new Map<string, string>();
      for await (const asset of backends.assets.all()) {
        const stream = await backends.storage.read(asset.storageKey);
        const chunks: Buffer[] = [];
        for await (const chunk of stream) chunks.push(chunk as Buffer);
        const original = files.find((file) => file.publicId === asset.publicId);
        assert.isDefined(original, `unexpected asset ${asset.publicId}`);
        assert.strictEqual(md5(Buffer.concat(chunks)), md5(original!.bytes), `${asset.publicId} is intact`);
        listed.set(asset.publicId, asset.etag);
      }
      for (const [publicId, etag] of completed) {
        assert.strictEqual(listed.get(publicId), etag, `completed upload ${publicId} survived`);
      }
      const leftovers = (await fs.readdir(path.join(dataDir, 'tmp'))).length;
      assert.strictEqual(leftovers, 0, 'temporary files were cleaned');
    } finally {
      await backends.close();
    }
  });
});
