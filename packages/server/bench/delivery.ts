// Delivery measurements, in the bench module shape of the top-level runner (`description`, `run()`):
// 1. render latency p50/p95 of typical image transformations through HTTP (a `kumo serve` child
//    process, every request a cache miss) against sharp called directly on the same input, in the
//    same run (overhead ratio, target ≤ 1.15);
// 2. cache-hit throughput with autocannon against nginx serving the same derived file from disk, when
//    `nginx` is installed (ratio, target ≥ 0.5).
// Runs on its own too: node --import tsx packages/server/bench/delivery.ts [requests=40]
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseTransformation } from '@kumo/core';
import autocannon from 'autocannon';
import sharp from 'sharp';
import { renderImage } from '../src/render/image/index.js';
import { exited, startCli } from '../src/testing/cli-process.js';
import { postForm, signed, TEST_CLOUD } from '../src/testing/test-server.js';

const execFileAsync = promisify(execFile);

export const description =
  'Kumo delivery: render latency via HTTP vs sharp directly (p50/p95, overhead ratio); cache-hit req/s vs nginx';

const TARGET_OVERHEAD = 1.15;
const TARGET_THROUGHPUT_RATIO = 0.5;

/** Typical transformations: the URL form and the same work written for sharp directly. */
const CASES: {
  name: string;
  width: (i: number) => number;
  url: (w: number) => string;
  sharp: (input: Buffer, w: number) => Promise<Buffer>;
}[] = [
  {
    name: 'fill 4:3 + g_auto, webp q_auto',
    width: (i) => 400 + i * 2,
    url: (w) => `c_fill,g_auto,h_${Math.round((w * 3) / 4)},w_${w}/q_auto/photo.webp`,
    sharp: (input, w) =>
      sharp(input)
        .resize(w, Math.round((w * 3) / 4), { fit: 'cover', position: sharp.strategy.attention })
        .webp({ quality: 80 })
        .toBuffer(),
  },
  {
    name: 'scale to width, jpg',
    width: (i) => 600 + i * 2,
    url: (w) => `c_scale,w_${w}/photo.jpg`,
    sharp: (input, w) => sharp(input).resize(w).jpeg({ quality: 80 }).toBuffer(),
  },
  {
    name: 'thumbnail 1:1 + grayscale, png',
    width: (i) => 100 + i * 2,
    url: (w) => `c_fill,h_${w},w_${w}/e_grayscale/photo.png`,
    sharp: (input, w) =>
      sharp(input)
        .resize(w, w, { fit: 'cover' })
        .recomb([
          [0.2126, 0.7152, 0.0722],
          [0.2126, 0.7152, 0.0722],
          [0.2126, 0.7152, 0.0722],
        ])
        .png()
        .toBuffer(),
  },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (value: number) => Math.round(value * 100) / 100;

function summary(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50_ms: round(percentile(sorted, 50)), p95_ms: round(percentile(sorted, 95)) };
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function throughput(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 32, duration: 6, pipelining: 1 });
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers`);
  return Math.round(result.requests.average);
}

/**
 * The same load from Node's own HTTP client (native llhttp parser). autocannon parses responses with
 * http-parser-js, whose cost grows with the bytes of incompressible bodies such as images: on a small
 * machine it, not the server, sets the ceiling, so both figures are reported.
 */
async function nativeThroughput(url: string, connections = 32, seconds = 6): Promise<number> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await new Promise<void>((resolve, reject) => {
        http
          .get(url, { agent }, (response) => {
            if (response.statusCode !== 200) reject(new Error(`${url}: ${response.statusCode}`));
            response.resume();
            response.on('end', resolve);
          })
          .on('error', reject);
      });
      done++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return Math.round(done / seconds);
}

/** nginx on a random loopback port serving `root`, from a generated config in a temp folder. */
async function withNginx<T>(
  root: string,
  dir: string,
  task: (base: string) => Promise<T>,
): Promise<T | undefined> {
  const nginx = await execFileAsync('sh', ['-c', 'command -v nginx']).then(
    (result) => result.stdout.trim(),
    () => '',
  );
  if (!nginx) return undefined;
  // nginx's workers drop root privileges (to `nobody`), and mkdtemp folders are private: open the
  // served tree for reading.
  await fs.chmod(dir, 0o755);
  await fs.chmod(root, 0o755);
  for (const name of await fs.readdir(root)) await fs.chmod(path.join(root, name), 0o644);
  const port = await freePort();
  const prefix = path.join(dir, 'nginx');
  await fs.mkdir(path.join(prefix, 'logs'), { recursive: true });
  const config = path.join(prefix, 'nginx.conf');
  await fs.writeFile(
    config,
    `worker_processes auto;
daemon off;
error_log ${prefix}/logs/error.log;
pid ${prefix}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  server {
    listen 127.0.0.1:${port};
    location / { root ${root}; default_type image/webp; etag on; }
  }
}
`,
  );
  const child = spawn(nginx, ['-p', prefix, '-c', config], { stdio: 'ignore' });
  try {
    let ready = false;
    for (let attempt = 0; attempt < 50 && !ready; attempt++) {
      ready = await fetch(`http://127.0.0.1:${port}/derived.webp`).then(
        (response) => response.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!ready) throw new Error(`nginx did not serve derived.webp; see ${prefix}/logs/error.log`);
    return await task(`http://127.0.0.1:${port}`);
  } finally {
    child.kill('SIGTERM');
    await exited(child);
  }
}

export async function run(requests = 40) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-bench-delivery-'));
  const dataDir = path.join(dir, 'data');
  try {
    const photo = await sharp({
      create: { width: 1920, height: 1080, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } },
    })
      .jpeg({ quality: 90 })
      .toBuffer();
    const server = await startCli(dataDir, { KUMO_LOG_LEVEL: 'warn' });
    try {
      const upload = await postForm(
        `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
        signed({ public_id: 'photo' }),
        {
          bytes: photo,
          filename: 'photo.jpg',
        },
      );
      if (upload.status !== 200) throw new Error(`upload failed: ${JSON.stringify(upload.body)}`);
      const base = `${server.url}/${TEST_CLOUD}/image/upload/`;

      const latency: Record<string, unknown> = {};
      const ratios: number[] = [];
      for (const item of CASES) {
        const http: number[] = [];
        const direct: number[] = [];
        const renderer: number[] = [];
        // Interleaved so both see the same machine state; every width is new, so every request renders.
        for (let i = 0; i < requests; i++) {
          const width = item.width(i);
          let start = performance.now();
          const response = await fetch(base + item.url(width));
          await response.arrayBuffer();
          if (response.status !== 200 || response.headers.get('x-kumo-render') !== 'render')
            throw new Error(
              `${item.url(width)}: ${response.status} ${response.headers.get('x-kumo-render')}`,
            );
          http.push(performance.now() - start);
          start = performance.now();
          await item.sharp(photo, width + 1);
          direct.push(performance.now() - start);
          start = performance.now();
          const [chain, extension] = item.url(width + 1).split(/\/photo\./) as [string, string];
          await renderImage(photo, parseTransformation(chain), { format: extension });
          renderer.push(performance.now() - start);
        }
        const viaHttp = summary(http);
        const viaSharp = summary(direct);
        const viaRenderer = summary(renderer);
        const ratio = round(viaHttp.p50_ms / viaSharp.p50_ms);
        ratios.push(ratio);
        latency[item.name] = {
          http: viaHttp,
          sharp: viaSharp,
          render_image_in_process: viaRenderer,
          overhead_ratio_p50: ratio,
          // What the HTTP layer, catalog and storage add on top of the renderer itself.
          http_vs_renderer_p50: round(viaHttp.p50_ms / viaRenderer.p50_ms),
        };
        console.log(
          `  ${item.name.padEnd(34)} http p50 ${viaHttp.p50_ms} ms p95 ${viaHttp.p95_ms} ms | sharp p50 ${viaSharp.p50_ms} ms p95 ${viaSharp.p95_ms} ms | renderImage p50 ${viaRenderer.p50_ms} ms | ratio ${ratio}`,
        );
      }

      const hitUrl = `${base}c_fill,g_auto,h_300,w_400/q_auto/photo.webp`;
      const first = await fetch(hitUrl);
      const derivedBytes = Buffer.from(await first.arrayBuffer());
      const kumoRps = await throughput(hitUrl);
      const kumoNativeRps = await nativeThroughput(hitUrl);
      const root = path.join(dir, 'www');
      await fs.mkdir(root, { recursive: true });
      await fs.writeFile(path.join(root, 'derived.webp'), derivedBytes);
      const nginx = await withNginx(root, dir, async (nginxBase) => ({
        autocannon: await throughput(`${nginxBase}/derived.webp`),
        native: await nativeThroughput(`${nginxBase}/derived.webp`),
      }));
      const nginxRps = nginx?.autocannon;
      console.log(
        `  cache hit (autocannon / node client): kumo ${kumoRps} / ${kumoNativeRps} req/s, nginx ${
          nginx ? `${nginx.autocannon} / ${nginx.native} req/s` : 'skipped (nginx not installed)'
        }`,
      );
      const worst = Math.max(...ratios);
      return {
        render_latency: latency,
        worst_overhead_ratio: worst,
        overhead_target: TARGET_OVERHEAD,
        overhead_met: worst <= TARGET_OVERHEAD,
        cache_hit: {
          derived_bytes: derivedBytes.length,
          kumo_requests_per_second: kumoRps,
          nginx_requests_per_second: nginxRps ?? null,
          ratio: nginxRps ? round(kumoRps / nginxRps) : null,
          node_client: {
            kumo_requests_per_second: kumoNativeRps,
            nginx_requests_per_second: nginx?.native ?? null,
            ratio: nginx ? round(kumoNativeRps / nginx.native) : null,
          },
          target: TARGET_THROUGHPUT_RATIO,
          ...(nginxRps ? {} : { skipped: 'nginx is not installed' }),
        },
      };
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [requests] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await run(requests || undefined), null, 2));
}
