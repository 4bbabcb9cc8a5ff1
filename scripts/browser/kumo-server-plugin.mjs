// Element tests talk to a real Kumo server: this @web/test-runner plugin starts one on loopback
// (its own SQLite file and data folder, sample assets included) before the first test file loads,
// tells every test page where it is, and offers a few server commands for what a page cannot do
// itself (restart the server, call the Admin API with the secret, which never enters a page).
import { rm } from 'node:fs/promises';
import { tsImport } from 'tsx/esm/api';

const testServerModule = new URL('../../packages/server/src/testing/test-server.ts', import.meta.url).href;
const samplesModule = new URL('../../packages/server/src/samples/sample-assets.ts', import.meta.url).href;

/** The global a test page reads: `globalThis.__KUMO_TEST_SERVER__`. */
export const TEST_SERVER_GLOBAL = '__KUMO_TEST_SERVER__';

export function kumoServerPlugin() {
  /**
   * Named servers: `main` (sample assets, shared by every test file) and any a test starts for itself
   * with `start` — a test that restarts a server uses its own, so files running alongside never see
   * the outage. Each keeps its port and data folder across restarts.
   * @type {Map<string, { port: number, dataDir?: string, running?: Promise<any> }>}
   */
  const servers = new Map();

  async function launch(name) {
    const { startTestServer, TEST_CLOUD, TEST_KEY, TEST_SECRET } = await tsImport(
      testServerModule,
      import.meta.url,
    );
    const entry = servers.get(name) ?? { port: 0 };
    servers.set(name, entry);
    const env = { KUMO_CORS_ORIGINS: '*', KUMO_SAMPLES: 'false' };
    if (entry.dataDir) env.KUMO_DATA_DIR = entry.dataDir;
    const started = await startTestServer(env, entry.port ? { port: entry.port } : undefined);
    entry.port = Number(new URL(started.url).port);
    entry.dataDir ??= started.dataDir;
    return { started, cloud: TEST_CLOUD, key: TEST_KEY, secret: TEST_SECRET };
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

  async function info(name) {
    const server = await running(name);
    return { apiBase: server.started.url, cloudName: server.cloud, apiKey: server.key };
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
    },
    /**
     * `executeServerCommand('kumo-server', { action, server })` from `@web/test-runner-commands`;
     * `server` names the server (default `main`, the one in `__KUMO_TEST_SERVER__`):
     * - `info` (or `start`) → `{ apiBase, cloudName, apiKey }`, starting that server if needed;
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
      const server = await running('main');
      const config = JSON.stringify({
        apiBase: server.started.url,
        cloudName: server.cloud,
        apiKey: server.key,
      });
      const script = `<script>globalThis.${TEST_SERVER_GLOBAL} = ${config};</script>`;
      const body = String(context.body);
      return { body: body.includes('<head>') ? body.replace('<head>', `<head>${script}`) : script + body };
    },
  };
}
