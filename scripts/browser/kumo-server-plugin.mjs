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
  /** @type {Awaited<ReturnType<typeof start>> | undefined} */
  let server;
  let port = 0;
  let dataDir;

  async function start() {
    const { startTestServer, TEST_CLOUD, TEST_KEY, TEST_SECRET } = await tsImport(
      testServerModule,
      import.meta.url,
    );
    const env = { KUMO_CORS_ORIGINS: '*', KUMO_SAMPLES: 'false' };
    if (dataDir) env.KUMO_DATA_DIR = dataDir;
    const started = await startTestServer(env, port ? { port } : undefined);
    port = Number(new URL(started.url).port);
    dataDir ??= started.dataDir;
    return { started, cloud: TEST_CLOUD, key: TEST_KEY, secret: TEST_SECRET };
  }

  async function info() {
    server ??= await start();
    return { apiBase: server.started.url, cloudName: server.cloud, apiKey: server.key };
  }

  return {
    name: 'kumo-server',
    async serverStart() {
      server = await start();
      const { createSampleAssets } = await tsImport(samplesModule, import.meta.url);
      await createSampleAssets({
        baseUrl: server.started.url,
        cloud: server.cloud,
        key: { key: server.key, secret: server.secret },
        dataDir: server.started.dataDir,
      });
    },
    async serverStop() {
      await server?.started.app.close();
      server = undefined;
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
    /**
     * `executeServerCommand('kumo-server', { action })` from `@web/test-runner-commands`:
     * - `info` → `{ apiBase, cloudName, apiKey }`;
     * - `restart` (`{ downMs }`) closes the server, waits, and starts it again on the same port and data;
     * - `admin` (`{ method, path, body }`) calls the server with Basic auth and answers `{ status, body }`.
     */
    async executeCommand({ command, payload }) {
      if (command !== 'kumo-server') return undefined;
      const action = payload?.action ?? 'info';
      if (action === 'info') return info();
      if (action === 'restart') {
        await server?.started.app.close();
        server = undefined;
        await new Promise((resolve) => setTimeout(resolve, Number(payload?.downMs ?? 0)));
        return info();
      }
      if (action === 'admin') {
        const { apiBase, cloudName } = await info();
        const response = await fetch(new URL(`/v1_1/${cloudName}${payload.path}`, apiBase), {
          method: payload.method ?? 'GET',
          headers: {
            authorization: `Basic ${Buffer.from(`${server.key}:${server.secret}`).toString('base64')}`,
            ...(payload.body ? { 'content-type': 'application/json' } : {}),
          },
          body: payload.body ? JSON.stringify(payload.body) : undefined,
        });
        const text = await response.text();
        let body;
        try {
          body = JSON.parse(text);
        } catch {
          body = text;
        }
        return { status: response.status, body };
      }
      throw new Error(`kumo-server: unknown action ${action}`);
    },
    /** Puts the server's address into every test page before any module runs. */
    transform(context) {
      if (!context.response.is('html') || !server) return undefined;
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
