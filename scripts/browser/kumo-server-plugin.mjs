// Element tests talk to a real Kumo server: this @web/test-runner plugin starts one on loopback
// (its own SQLite file and data folder, sample assets included) before the first test file loads,
// tells every test page where it is, and offers a few server commands for what a page cannot do
// itself (restart the server, call the Admin API with the secret, which never enters a page).
// Next to it runs a small static site on loopback, standing in for a remote website: the servers are
// told (`KUMO_FETCH_ALLOW`) that they may fetch from it, which they refuse for any other private address.
import { rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { crc32, deflateSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const testServerModule = new URL('../../packages/server/src/testing/test-server.ts', import.meta.url).href;
const samplesModule = new URL('../../packages/server/src/samples/sample-assets.ts', import.meta.url).href;

/** The global a test page reads: `globalThis.__KUMO_TEST_SERVER__`. */
export const TEST_SERVER_GLOBAL = '__KUMO_TEST_SERVER__';

/** Size of the stand-in site's `/images/tiles.png`. */
export const REMOTE_PNG_SIZE = { width: 48, height: 32 };

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An opaque RGB PNG in four coloured quarters, written by hand so the site needs no image library. */
function tilesPng({ width, height }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit truecolour, no interlace
  const rows = Buffer.alloc((width * 3 + 1) * height);
  const colours = [
    [47, 91, 211],
    [255, 204, 0],
    [220, 60, 60],
    [40, 160, 90],
  ];
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const colour = colours[(y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1)];
      rows.set(colour, row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * The stand-in remote website on 127.0.0.1: `/images/tiles.png` (REMOTE_PNG_SIZE), `/notes.txt`,
 * `/never-answers` (keeps every request waiting, for timeouts) and 404 for anything else. CORS is open so a test page can read the bytes it expects the server
 * to have fetched.
 */
async function startRemoteSite() {
  const files = new Map([
    ['/images/tiles.png', { type: 'image/png', body: tilesPng(REMOTE_PNG_SIZE) }],
    [
      '/notes.txt',
      { type: 'text/plain; charset=utf-8', body: Buffer.from('Notes from the stand-in site.\n') },
    ],
  ]);
  const site = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://site').pathname;
    // Left waiting until the client gives up or the site closes.
    if (path === '/never-answers') return;
    const file = files.get(path);
    response.setHeader('access-control-allow-origin', '*');
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  });
  await new Promise((resolve, reject) => {
    site.once('error', reject);
    site.listen(0, '127.0.0.1', resolve);
  });
  const { port } = site.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        site.closeAllConnections();
        site.close(() => resolve());
      }),
  };
}

export function kumoServerPlugin() {
  /**
   * Named servers: `main` (sample assets, shared by every test file) and any a test starts for itself
   * with `start` — a test that restarts a server uses its own, so files running alongside never see
   * the outage. Each keeps its port and data folder across restarts.
   * @type {Map<string, { port: number, dataDir?: string, running?: Promise<any> }>}
   */
  const servers = new Map();
  /** @type {Promise<{ origin: string, host: string, close(): Promise<void> }> | undefined} */
  let remoteSite;

  async function launch(name) {
    remoteSite ??= startRemoteSite();
    const site = await remoteSite;
    const { startTestServer, TEST_CLOUD, TEST_KEY, TEST_SECRET } = await tsImport(
      testServerModule,
      import.meta.url,
    );
    const entry = servers.get(name) ?? { port: 0 };
    servers.set(name, entry);
    const env = { KUMO_CORS_ORIGINS: '*', KUMO_SAMPLES: 'false', KUMO_FETCH_ALLOW: site.host };
    if (entry.dataDir) env.KUMO_DATA_DIR = entry.dataDir;
    const started = await startTestServer(env, entry.port ? { port: entry.port } : undefined);
    entry.port = Number(new URL(started.url).port);
    entry.dataDir ??= started.dataDir;
    return { started, cloud: TEST_CLOUD, key: TEST_KEY, secret: TEST_SECRET, remoteOrigin: site.origin };
  }

  /** The running server of that name, starting it (once, however many ask at the same time). */
  function running(name) {
    const entry = servers.get(name) ?? { port: 0 };
    servers.set(name, entry);
    entry.running ??= launch(name).catch((error) => {
      entry.running = undefined;
      throw error;
    });
    return entry.running;
  }

  async function stop(name) {
    const entry = servers.get(name);
    if (!entry?.running) return;
    const server = await entry.running.catch(() => undefined);
    entry.running = undefined;
    await server?.started.app.close();
  }

  /** What a page is told about a server: where it is, and the stand-in site it may fetch from. */
  function pageInfo(server) {
    return {
      apiBase: server.started.url,
      cloudName: server.cloud,
      apiKey: server.key,
      remoteOrigin: server.remoteOrigin,
    };
  }

  async function info(name) {
    return pageInfo(await running(name));
  }

  async function admin(name, { method, path, body }) {
    const server = await running(name);
    const response = await fetch(new URL(`/v1_1/${server.cloud}${path}`, server.started.url), {
      method: method ?? 'GET',
      headers: {
        authorization: `Basic ${Buffer.from(`${server.key}:${server.secret}`).toString('base64')}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  }

  return {
    name: 'kumo-server',
    async serverStart() {
      const server = await running('main');
      const { createSampleAssets } = await tsImport(samplesModule, import.meta.url);
      await createSampleAssets({
        baseUrl: server.started.url,
        cloud: server.cloud,
        key: { key: server.key, secret: server.secret },
        dataDir: server.started.dataDir,
      });
    },
    async serverStop() {
      for (const [name, entry] of servers) {
        await stop(name);
        if (entry.dataDir) await rm(entry.dataDir, { recursive: true, force: true });
      }
      servers.clear();
      const site = await remoteSite?.catch(() => undefined);
      remoteSite = undefined;
      await site?.close();
    },
    /**
     * `executeServerCommand('kumo-server', { action, server })` from `@web/test-runner-commands`;
     * `server` names the server (default `main`, the one in `__KUMO_TEST_SERVER__`):
     * - `info` (or `start`) → `{ apiBase, cloudName, apiKey, remoteOrigin }`, starting that server if
     *   needed (`remoteOrigin`: the stand-in website, e.g. `${remoteOrigin}/images/tiles.png`);
     * - `restart` (`{ downMs }`) closes it, waits, and starts it again on the same port and data;
     * - `stop` closes it;
     * - `admin` (`{ method, path, body }`) calls it with Basic auth and answers `{ status, body }`.
     */
    async executeCommand({ command, payload }) {
      if (command !== 'kumo-server') return undefined;
      const action = payload?.action ?? 'info';
      const name = payload?.server ?? 'main';
      if (action === 'info' || action === 'start') return info(name);
      if (action === 'stop') {
        await stop(name);
        return null;
      }
      if (action === 'restart') {
        await stop(name);
        await new Promise((resolve) => setTimeout(resolve, Number(payload?.downMs ?? 0)));
        return info(name);
      }
      if (action === 'admin') return admin(name, payload);
      throw new Error(`kumo-server: unknown action ${action}`);
    },
    /** Puts the server's address into every test page before any module runs. */
    async transform(context) {
      if (!context.response.is('html')) return undefined;
      const config = JSON.stringify(pageInfo(await running('main')));
      const script = `<script>globalThis.${TEST_SERVER_GLOBAL} = ${config};</script>`;
      const body = String(context.body);
      return { body: body.includes('<head>') ? body.replace('<head>', `<head>${script}`) : script + body };
    },
  };
}
