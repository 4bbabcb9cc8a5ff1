import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { assert } from 'chai';
import { exited, startCli } from './testing/cli-process.js';

const execFileAsync = promisify(execFile);
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

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
});
