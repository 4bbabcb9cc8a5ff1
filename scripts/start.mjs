// `npm start` (after `npm run build`): the Kumo server when it is built, and always the studio (Vite
// dev server on demo/, proxying API and delivery paths to the server). Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { repoRoot } from './test-files.mjs';

const serverCli = join(repoRoot, 'packages/server/dist/cli.js');
const serverUrl = process.env.KUMO_SERVER_URL ?? 'http://127.0.0.1:3000';

let server;
if (existsSync(serverCli)) {
  server = spawn(process.execPath, [serverCli, 'serve'], { cwd: repoRoot, stdio: 'inherit' });
  server.on('exit', (code, signal) => {
    server = undefined;
    if (!stopping)
      console.error(`Kumo server exited (${signal ?? `code ${code}`}); the studio keeps running.`);
  });
} else {
  console.log(
    'Kumo server: not built yet (packages/server/dist/cli.js is missing), starting the studio only.',
  );
}

const studio = await createServer({ configFile: join(repoRoot, 'vite.config.ts') });
await studio.listen();
const studioUrl = studio.resolvedUrls?.local[0] ?? 'http://localhost:5173/';

console.log('');
if (server) console.log(`  Kumo server   ${serverUrl}`);
console.log(`  Studio        ${studioUrl}`);
console.log(`  Upload widget ${new URL('upload-widget/', studioUrl)}`);
console.log(`  Video player  ${new URL('video-player/', studioUrl)}`);
console.log(`  Playground    ${new URL('playground/', studioUrl)}`);
console.log('\n  Press Ctrl-C to stop.\n');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server?.kill('SIGTERM');
  await studio.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
