// The studio (demo/): a multi-page Vite app. In development it forwards API and delivery requests to
// a Kumo server, so pages can use relative URLs exactly as they will when the server hosts them.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';

const studioRoot = fileURLToPath(new URL('./demo/', import.meta.url));

/** Every studio page: demo/index.html plus each demo/<page>/index.html, so new pages need no edit here. */
function studioPages(): Record<string, string> {
  const pages: Record<string, string> = { home: join(studioRoot, 'index.html') };
  for (const entry of readdirSync(studioRoot, { withFileTypes: true })) {
    const html = join(studioRoot, entry.name, 'index.html');
    if (entry.isDirectory() && entry.name !== 'dist' && existsSync(html)) pages[entry.name] = html;
  }
  return pages;
}

/** Where `npm start` runs the server; override to point the studio at another one. */
const kumoServer = process.env.KUMO_SERVER_URL ?? 'http://127.0.0.1:3000';

const serverPaths = [
  '/v1_1', // Upload and Admin APIs
  '/api', // signing endpoints
  '/health',
  '/embed', // kumo.js
  '^/[^/]+/(image|video|raw)/', // delivery: /<cloud>/<resource_type>/<type>/…
];
const proxy: Record<string, ProxyOptions> = Object.fromEntries(
  // The signing endpoint only answers browsers from its own origin (or configured ones): keeping the
  // studio's Host header makes the studio that origin, as it is when the server hosts the studio.
  serverPaths.map((path) => [path, { target: kumoServer, changeOrigin: path !== '/api' }]),
);

export default defineConfig({
  root: studioRoot,
  appType: 'mpa',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: { input: studioPages() },
  },
  server: { port: 5173, strictPort: true, proxy },
  preview: { port: 4173, proxy },
});
