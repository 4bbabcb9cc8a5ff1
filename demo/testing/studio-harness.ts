// What the studio's end-to-end tests share: a real Kumo server (that can be stopped and started
// again on the same port and data), the studio built and served by `vite preview` with its proxy
// pointed at that server, and Chromium driven by playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { build, type PreviewServer, preview } from 'vite';
import {
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../../packages/server/src/testing/test-server.js';

export const VITE_CONFIG = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A Kumo server on loopback with its own data folder, which survives `restart()`. */
export class KumoTestServer {
  readonly cloud = TEST_CLOUD;
  private constructor(
    private server: TestServer | undefined,
    readonly url: string,
    readonly dataDir: string,
    private readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<KumoTestServer> {
    const dataDir = mkdtempSync(join(tmpdir(), 'kumo-studio-data-'));
    const server = await startTestServer({ ...env, KUMO_DATA_DIR: dataDir });
    return new KumoTestServer(server, server.url, dataDir, env);
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  /** Stops answering (in-flight requests finish or fail); the data stays. */
  async stop(): Promise<void> {
    await this.server?.app.close();
    this.server = undefined;
  }

  /** Starts again on the same port with the same data. */
  async resume(): Promise<void> {
    this.server ??= await startTestServer({ ...this.env, KUMO_DATA_DIR: this.dataDir }, { port: this.port });
  }

  /** Calls the Admin API with the secret (which never enters a page). */
  async admin<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(new URL(`/v1_1/${TEST_CLOUD}${path}`, this.url), {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  /** Every stored asset of every resource type (public id, bytes, etag…). */
  async assets(): Promise<Record<string, unknown>[]> {
    const all: Record<string, unknown>[] = [];
    for (const type of ['image', 'video', 'raw']) {
      const { body } = await this.admin<{ resources?: Record<string, unknown>[] }>(
        'GET',
        `/resources/${type}?max_results=500`,
      );
      all.push(...(body.resources ?? []));
    }
    return all;
  }

  async close(): Promise<void> {
    await this.stop();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** The studio, built once per test process, served by `vite preview` proxying to a Kumo server. */
export class StudioServer {
  private constructor(
    private readonly server: PreviewServer,
    readonly origin: string,
    private readonly outDir: string,
  ) {}

  /** Builds and serves the studio; its API and delivery paths go to `kumoUrl` when given. */
  static async start(kumoUrl?: string): Promise<StudioServer> {
    const outDir = mkdtempSync(join(tmpdir(), 'kumo-studio-'));
    await build({ configFile: VITE_CONFIG, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    // vite.config.ts reads the proxy target when it is loaded, which `preview()` does now.
    const previous = process.env.KUMO_SERVER_URL;
    if (kumoUrl !== undefined) process.env.KUMO_SERVER_URL = kumoUrl;
    try {
      const server = await preview({
        configFile: VITE_CONFIG,
        // Its only messages are proxy errors, which tests cause on purpose by stopping the server.
        logLevel: 'silent',
        build: { outDir },
        preview: { port: 0, host: '127.0.0.1' },
      });
      const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
      if (!origin) throw new Error('vite preview reported no URL');
      return new StudioServer(server, origin, outDir);
    } finally {
      if (previous === undefined) delete process.env.KUMO_SERVER_URL;
      else process.env.KUMO_SERVER_URL = previous;
    }
  }

  async close(): Promise<void> {
    await this.server.close();
    rmSync(this.outDir, { recursive: true, force: true });
  }
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}
