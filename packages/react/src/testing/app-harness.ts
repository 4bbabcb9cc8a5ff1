// What the framework app tests share: a real Kumo server with an unsigned preset, a Vite build of a
// test app, a static file server for it on loopback, Chromium, and `tsc` over the app. (The Vue
// package's test uses it too.)
import { spawnSync } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build, type PluginOption } from 'vite';
import {
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
  type TestServer,
} from '../../../server/src/testing/test-server.js';

export { makePng } from '../../../server/src/testing/fixtures.js';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface KumoForApps {
  readonly server: TestServer;
  readonly cloudName: string;
  /** Calls the Admin API with the secret (which never reaches a page). */
  admin(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/** A real Kumo server on loopback, CORS open to the app's origin. */
export async function startKumo(): Promise<KumoForApps> {
  const server = await startTestServer({ KUMO_CORS_ORIGINS: '*' });
  const authorization = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
  return {
    server,
    cloudName: TEST_CLOUD,
    async admin(method, path, body) {
      const response = await fetch(new URL(`/v1_1/${TEST_CLOUD}${path}`, server.url), {
        method,
        headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, body: parsed };
    },
  };
}

/**
 * Lazily imported engines these apps never load (the widget's cropper); when one is not installed,
 * the build leaves its import alone instead of failing, and says so.
 */
const LAZY_ENGINES = ['cropperjs'];

function missingLazyEngines(): string[] {
  const require = createRequire(join(repoRoot, 'packages', 'upload-widget', 'package.json'));
  return LAZY_ENGINES.filter((name) => {
    try {
      require.resolve(name);
      return false;
    } catch {
      return true;
    }
  });
}

/** Builds the app in `root` (its index.html) with Vite into a fresh temporary folder. */
export async function buildApp(root: string, plugins: PluginOption[] = []): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'kumo-framework-app-'));
  const external = missingLazyEngines();
  if (external.length > 0) console.warn(`buildApp: not installed, left external: ${external.join(', ')}`);
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    base: './',
    plugins,
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      reportCompressedSize: false,
      rolldownOptions: { external },
    },
  });
  return outDir;
}

/** The JavaScript a build produced, all files together. */
export async function builtScripts(outDir: string): Promise<string> {
  const assets = join(outDir, 'assets');
  const files = (await readdir(assets)).filter((file) => file.endsWith('.js'));
  return (await Promise.all(files.map((file) => readFile(join(assets, file), 'utf8')))).join('\n');
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the files under `dir` on 127.0.0.1 (index.html for `/`). */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const base = resolve(dir);
  const server = http.createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(base, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    const inside = file === base || file.startsWith(base + sep);
    const found = inside && (await stat(file).catch(() => undefined))?.isFile();
    if (!found) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : done()));
      }),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Collects what should never happen on a test page: uncaught errors, console warnings and errors
 * (React's and Vue's development warnings among them) and failed requests (but the favicon).
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    const type = message.type();
    // Failed loads are reported below, with their URL.
    if ((type === 'warning' || type === 'error') && !message.text().startsWith('Failed to load resource')) {
      problems.push(`console.${type}: ${message.text()}`);
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return problems;
}

/** Runs `tsc -p <project>` and returns its exit code and report. */
export function typeCheck(project: string): { status: number | null; output: string } {
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

export async function removeDir(dir: string | undefined): Promise<void> {
  if (dir) await rm(dir, { recursive: true, force: true });
}

/**
 * A test app uploading to a real Kumo server: the server with the unsigned preset `preset`, the app
 * in `appDir` built with `plugins` and served on loopback, and Chromium. Call `close()` in `after`,
 * also when `start()` failed halfway.
 */
export class UploadTestApp {
  kumo: KumoForApps | undefined;
  outDir: string | undefined;
  site: StaticServer | undefined;
  browser: Browser | undefined;

  constructor(
    private readonly appDir: string,
    readonly preset: string,
    private readonly plugins: PluginOption[] = [],
  ) {}

  async start(): Promise<void> {
    this.kumo = await startKumo();
    const preset = await this.kumo.admin('POST', '/upload_presets', { name: this.preset, unsigned: true });
    if (preset.status !== 200) throw new Error(`creating the preset: ${JSON.stringify(preset.body)}`);
    this.outDir = await buildApp(this.appDir, this.plugins);
    this.site = await serveStatic(this.outDir);
    this.browser = await launchChromium();
  }

  /** A new page on the app, told the server, cloud and preset, whose problems are collected. */
  async open(): Promise<{ page: Page; problems: string[] }> {
    if (!this.kumo || !this.site || !this.browser) throw new Error('setup failed');
    const page = await this.browser.newPage();
    const problems = watchForProblems(page);
    const query = new URLSearchParams({
      apiBase: this.kumo.server.url,
      cloudName: this.kumo.cloudName,
      uploadPreset: this.preset,
    });
    await page.goto(`${this.site.url}?${query}`);
    return { page, problems };
  }

  /**
   * Picks `file` in the page's widget, waits for the public id the app shows (#public-ids) and
   * returns it with the resource the server stored under it.
   */
  async upload(
    page: Page,
    file: { name: string; mimeType: string; buffer: Buffer },
  ): Promise<{ publicId: string; resource: { status: number; body: unknown } }> {
    if (!this.kumo) throw new Error('setup failed');
    // The widget's own <input type=file>, inside its shadow root (Playwright's CSS pierces open ones).
    await page.locator('kumo-upload-widget input[type=file]').first().setInputFiles(file);
    const ids = page.locator('#public-ids');
    await ids.filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    const publicId = (await ids.textContent())?.trim() ?? '';
    return { publicId, resource: await this.kumo.admin('GET', `/resources/image/upload/${publicId}`) };
  }

  async close(): Promise<void> {
    await this.browser?.close();
    await this.site?.close();
    await this.kumo?.server.close();
    await removeDir(this.outDir);
  }
}
