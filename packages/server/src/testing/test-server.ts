import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../app.js';
import { type Config, resolveConfig } from '../config.js';

export const TEST_CLOUD = 'demo';
export const TEST_KEY = '123456789012345';
export const TEST_SECRET = 'test-secret-abcdefgh';

export interface TestServer {
  readonly app: FastifyInstance;
  readonly config: Config;
  readonly url: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

/** Where the test server listens (a random port by default) and the clock it reads. */
export interface StartOptions {
  readonly port?: number;
  readonly now?: () => number;
}

/** A real server on a random loopback port with its own SQLite file and data folder. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const ownDir = env.KUMO_DATA_DIR === undefined;
  const dataDir = env.KUMO_DATA_DIR ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-test-')));
  const config = resolveConfig({
    KUMO_URL: `kumo://${TEST_KEY}:${TEST_SECRET}@${TEST_CLOUD}`,
    KUMO_LOG_LEVEL: 'silent',
    KUMO_SAMPLES: 'false',
    ...env,
    KUMO_DATA_DIR: dataDir,
  });
  const app = await createApp(config, { now: options.now });
  const address = await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  return {
    app,
    config,
    url: address,
    dataDir,
    async close() {
      await app.close();
      if (ownDir) await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Signs upload parameters the way Cloudinary documents it, written independently of the server's
 * code (node:crypto): sorted `key=value` pairs joined by `&`, `&` in values escaped, secret appended.
 */
export function signIndependently(
  params: Record<string, string | number>,
  secret = TEST_SECRET,
  algorithm = 'sha1',
): string {
  const text = Object.keys(params)
    .filter((key) => !['file', 'cloud_name', 'resource_type', 'api_key'].includes(key) && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`.replace(/&/g, '%26'))
    .join('&');
  return createHash(algorithm)
    .update(text + secret)
    .digest('hex');
}

/** Parameters plus api_key, timestamp and signature, ready to post. */
export function signed(params: Record<string, string | number>, now = Date.now()): Record<string, string> {
  const withTime = { ...params, timestamp: String(Math.floor(now / 1000)) };
  const signature = signIndependently(withTime);
  return {
    ...Object.fromEntries(Object.entries(withTime).map(([k, v]) => [k, String(v)])),
    api_key: TEST_KEY,
    signature,
  };
}

/** Posts a multipart form with an optional file part. */
export async function postForm(
  url: string,
  fields: Record<string, string | string[]>,
  file?: { bytes: Uint8Array; filename: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value])
      form.append(Array.isArray(value) ? `${key}[]` : key, item);
  }
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.filename);
  const response = await fetch(url, { method: 'POST', body: form, headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export function md5Hex(bytes: Uint8Array): string {
  return createHash('md5').update(bytes).digest('hex');
}
