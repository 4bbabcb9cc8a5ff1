import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// s3rver runs in its own process with OpenSSL's legacy provider: its ListObjectsV2 continuation
// tokens use DES, which OpenSSL 3 offers only there.
const PROGRAM = `
const S3rver = require(process.env.KUMO_S3RVER_MODULE);
const [directory, bucket] = process.argv.slice(1);
new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] }).run().then(
  ({ port }) => process.stdout.write(port + '\\n'),
  (error) => { console.error(error); process.exit(1); },
);
process.stdin.on('end', () => process.exit(0)).resume();
`;

/** A local S3-compatible server with one bucket; `storageUrl` is a ready `KUMO_STORAGE` value. */
export async function startS3rver(
  bucket = 'kumo-test',
): Promise<{ storageUrl: string; stop(): Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-s3-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', '-e', PROGRAM, dir, bucket], {
    env: { ...process.env, KUMO_S3RVER_MODULE: createRequire(import.meta.url).resolve('s3rver') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^(\d+)\n/.exec(output);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited with ${code}`)));
  });
  return {
    storageUrl: `s3://S3RVER:S3RVER@${bucket}?endpoint=http://127.0.0.1:${port}&region=us-east-1`,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.stdin!.end();
      await exited;
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}
