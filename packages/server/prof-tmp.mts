import autocannon from 'autocannon';
import fs from 'node:fs/promises'; import os from 'node:os'; import path from 'node:path';
import sharp from 'sharp';
import { exited, startCli } from './src/testing/cli-process.ts';
import { postForm, signed } from './src/testing/test-server.ts';
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-'));
const server = await startCli(dir, { KUMO_LOG_LEVEL: 'warn' });
const photo = await sharp({ create: { width: 1920, height: 1080, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 90 }).toBuffer();
await postForm(`${server.url}/v1_1/demo/image/upload`, signed({ public_id: 'photo' }), { bytes: photo, filename: 'p.jpg' });
const url = `${server.url}/demo/image/upload/c_fill,g_auto,h_300,w_400/q_auto/photo.webp`;
await fetch(url); await new Promise(r => setTimeout(r, 300)); await fetch(url); 
for (const u of [`${server.url}/health`, url]) {
  const r = await autocannon({ url: u, connections: 32, duration: 4 });
  console.log(u, Math.round(r.requests.average), r.non2xx);
}
server.child.kill('SIGTERM'); await exited(server.child);
await fs.rm(dir, { recursive: true, force: true });
