import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assert } from 'chai';
import { openBackends } from './backends.js';
import { checkConsistency } from './services/consistency-check.js';
import { exited, startCli } from './testing/cli-process.js';
import { get, makePhoto, uploadAsset } from './testing/delivery-fixtures.js';
import { startTestServer, TEST_KEY, TEST_SECRET, type TestServer } from './testing/test-server.js';

const execFileAsync = promisify(execFile);
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Waits until the Admin API lists a derived asset of `publicId` (it is stored after the response). */
async function storedDerivedId(server: TestServer, publicId: string): Promise<string> {
  const auth = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
  for (let i = 0; i < 200; i++) {
    const response = await fetch(`${server.url}/v1_1/demo/resources/image/upload/${publicId}`, {
      headers: { authorization: auth },
    });
    const derived = ((await response.json()) as { derived: { id: string }[] }).derived;
    if (derived[0]) return derived[0].id;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${publicId} has no stored derived asset`);
}

async function kumo(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['--import', 'tsx', CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('kumo CLI', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-cli-'));
  });
  after(async () => fs.rm(dataDir, { recursive: true, force: true }));

  it('prints usage and refuses unknown commands and settings with a clear message', async () => {
    assert.match((await kumo(['--help'], {})).stdout, /Usage: kumo/);
    const unknown = await kumo(['launch'], {});
    assert.strictEqual(unknown.code, 1);
    assert.match(unknown.stderr, /^kumo: Unknown command "launch"/);
    const badEnv = await kumo(['serve'], { KUMO_DATA_DIR: dataDir, KUMO_STORGE: 'local' });
    assert.strictEqual(badEnv.code, 1);
    assert.strictEqual(badEnv.stderr, 'kumo: Unknown configuration variable KUMO_STORGE\n');
  });

  it('generates a development key pair once, prints it once and reuses it', async () => {
    const dir = path.join(dataDir, 'dev');
    const env = { KUMO_SAMPLES: 'false', KUMO_LOG_LEVEL: 'silent' };
    const first = await startCli(dir, env, { withoutCredentials: true });
    first.child.kill('SIGTERM');
    await exited(first.child);
    assert.match(first.output, /KUMO_URL=kumo:\/\/\d{15}:[\w-]{20,}@demo/);
    const stored = JSON.parse(await fs.readFile(path.join(dir, 'dev-credentials.json'), 'utf8')) as {
      api_key: string;
      api_secret: string;
    };
    assert.include(first.output, stored.api_secret);
    assert.strictEqual((await fs.stat(path.join(dir, 'dev-credentials.json'))).mode & 0o777, 0o600);
    const second = await startCli(dir, env, { withoutCredentials: true });
    second.child.kill('SIGTERM');
    await exited(second.child);
    assert.notInclude(second.output, stored.api_secret, 'the secret is printed only when generated');
    assert.include(second.output, stored.api_key);
  });

  it('seeds synthetic assets and checks catalog against storage with fsck', async () => {
    const dir = path.join(dataDir, 'seeded');
    const env = { KUMO_DATA_DIR: dir, KUMO_URL: 'kumo://111:seed-secret@demo' };
    const seeded = await kumo(['seed', '--count', '40'], env);
    assert.strictEqual(seeded.code, 0, seeded.stderr);
    assert.match(seeded.stdout, /Added 40 synthetic assets/);
    assert.strictEqual((await kumo(['fsck'], env)).code, 0);
    const orphan = path.join(dir, 'blobs', 'demo', 'image', 'orphan', '1-abc');
    await fs.mkdir(path.dirname(orphan), { recursive: true });
    await fs.writeFile(orphan, 'left behind');
    const found = await kumo(['fsck'], env);
    assert.strictEqual(found.code, 1);
    assert.include(found.stdout, 'orphan blob demo/image/orphan/1-abc');
    assert.strictEqual((await kumo(['fsck', '--repair'], env)).code, 0);
    assert.strictEqual((await kumo(['fsck'], env)).code, 0);
  });

  it('checks derived assets with fsck: missing blobs, orphan blobs and rows of vanished assets', async () => {
    const dir = path.join(dataDir, 'derived');
    const env = { KUMO_DATA_DIR: dir, KUMO_URL: `kumo://${TEST_KEY}:${TEST_SECRET}@demo` };
    let server = await startTestServer({ KUMO_DATA_DIR: dir });
    let keptId: string;
    let lostAssetId: string;
    try {
      const kept = await uploadAsset(server, await makePhoto(), { public_id: 'kept', filename: 'k.jpg' });
      const lost = await uploadAsset(server, await makePhoto(), { public_id: 'lost', filename: 'l.jpg' });
      assert.strictEqual((await get(`${server.url}/demo/image/upload/w_100/kept.png`)).status, 200);
      assert.strictEqual((await get(`${server.url}/demo/image/upload/w_90/lost.png`)).status, 200);
      keptId = await storedDerivedId(server, 'kept');
      await storedDerivedId(server, 'lost');
      lostAssetId = String(lost.asset_id);
      assert.isString(kept.asset_id);
    } finally {
      await server.close();
    }
    assert.strictEqual((await kumo(['fsck'], env)).code, 0, 'a consistent catalog passes');

    const derivedDir = path.join(dir, 'blobs', 'derived');
    const files = await fs.readdir(derivedDir, { recursive: true, withFileTypes: true });
    const keptBlob = files.find((file) => file.isFile() && file.name.endsWith(`-${keptId}`))!;
    await fs.rm(path.join(keptBlob.parentPath, keptBlob.name));
    const orphan = path.join(derivedDir, 'a'.repeat(32), `1-${'b'.repeat(32)}`);
    await fs.mkdir(path.dirname(orphan), { recursive: true });
    await fs.writeFile(orphan, 'left behind');
    // The catalog loses an asset row (its original blob becomes an orphan, its derived row a stray).
    const backends = await openBackends(server.config);
    try {
      await backends.db.deleteFrom('asset_tags').where('asset_id', '=', lostAssetId).execute();
      await backends.db.deleteFrom('assets').where('asset_id', '=', lostAssetId).execute();
    } finally {
      await backends.close();
    }

    const found = await kumo(['fsck'], env);
    assert.strictEqual(found.code, 1);
    assert.match(
      found.stdout,
      new RegExp(`broken derived asset ${keptId} \\(demo, asset \\w+, w_100 \\.png\\): blob missing\n`),
    );
    assert.match(
      found.stdout,
      new RegExp(
        `broken derived asset \\w+ \\(demo, asset ${lostAssetId}, w_90 \\.png\\): asset no longer exists\n`,
      ),
    );
    assert.include(found.stdout, `orphan blob derived/${'a'.repeat(32)}/1-${'b'.repeat(32)}\n`);
    assert.include(found.stdout, '2 orphan blob(s), 0 broken asset(s), 2 broken derived asset(s)\n');

    const repaired = await kumo(['fsck', '--repair'], env);
    assert.strictEqual(repaired.code, 0, repaired.stdout);
    assert.include(repaired.stdout, ', 2 orphan(s) deleted, 2 derived asset(s) deleted\n');
    const clean = await kumo(['fsck'], env);
    assert.strictEqual(clean.code, 0, clean.stdout);
    assert.include(clean.stdout, '0 orphan blob(s), 0 broken asset(s), 0 broken derived asset(s)\n');
    assert.deepEqual(
      (await fs.readdir(derivedDir, { recursive: true, withFileTypes: true })).filter((file) =>
        file.isFile(),
      ),
      [],
      "the blob of the vanished asset's rendering and the orphan are gone",
    );

    server = await startTestServer({ KUMO_DATA_DIR: dir });
    try {
      const again = await get(`${server.url}/demo/image/upload/w_100/kept.png`);
      assert.strictEqual(again.status, 200);
      assert.strictEqual(again.headers.get('x-kumo-render'), 'render', 'the deleted row renders again');
      assert.strictEqual((await get(`${server.url}/demo/image/upload/w_90/lost.png`)).status, 404);
    } finally {
      await server.close();
    }
  });

  it('deletes orphan derived blobs only past the grace period, like orphan originals', async () => {
    const dir = path.join(dataDir, 'grace');
    const server = await startTestServer({ KUMO_DATA_DIR: dir });
    await server.close();
    const now = Date.now();
    const recent = `derived/${'c'.repeat(32)}/${Math.floor(now / 1000) - 60}-${'d'.repeat(32)}`;
    const old = `derived/${'c'.repeat(32)}/${Math.floor(now / 1000) - 7200}-${'e'.repeat(32)}`;
    for (const key of [recent, old]) {
      await fs.mkdir(path.dirname(path.join(dir, 'blobs', key)), { recursive: true });
      await fs.writeFile(path.join(dir, 'blobs', key), 'rendering');
    }
    const backends = await openBackends(server.config);
    try {
      const report = await checkConsistency(backends.assets, backends.storage, {
        removeOrphansOlderThanMs: 3_600_000,
        derived: backends.derived,
        removeBrokenDerived: true,
        now,
      });
      assert.sameMembers(report.orphanBlobs, [recent, old]);
      assert.strictEqual(report.removedOrphans, 1);
      assert.isDefined(await backends.storage.size(recent), 'a recent orphan may still get its row');
      assert.isUndefined(await backends.storage.size(old));
    } finally {
      await backends.close();
    }
  });
});
