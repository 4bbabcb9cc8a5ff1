import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Cloud } from './config.js';

const FILE_NAME = 'dev-credentials.json';

/**
 * The API key pair used when no `KUMO_URL` is configured: generated on first start, kept in the
 * data folder (readable by the owner only) and reused afterwards. `created` tells the caller to
 * print it, which happens once.
 */
export async function loadOrCreateDevCloud(
  dataDir: string,
): Promise<{ cloud: Cloud; created: boolean; file: string }> {
  const file = path.join(dataDir, FILE_NAME);
  try {
    const stored = JSON.parse(await fs.readFile(file, 'utf8')) as {
      cloud?: unknown;
      api_key?: unknown;
      api_secret?: unknown;
    };
    if (
      typeof stored.cloud === 'string' &&
      typeof stored.api_key === 'string' &&
      typeof stored.api_secret === 'string'
    ) {
      return {
        cloud: { name: stored.cloud, keys: [{ key: stored.api_key, secret: stored.api_secret }] },
        created: false,
        file,
      };
    }
    throw new Error(`${file} is malformed; delete it to generate a new key pair`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // 15 digits like Cloudinary's keys; the secret has 160 bits of entropy.
  const key = String(randomInt(100_000, 999_999)) + String(randomInt(100_000_000, 999_999_999));
  const secret = randomBytes(20).toString('base64url');
  await fs.mkdir(dataDir, { recursive: true });
  await fs.writeFile(
    file,
    `${JSON.stringify({ cloud: 'demo', api_key: key, api_secret: secret }, null, 2)}\n`,
    {
      mode: 0o600,
      flag: 'wx',
    },
  );
  return { cloud: { name: 'demo', keys: [{ key, secret }] }, created: true, file };
}
