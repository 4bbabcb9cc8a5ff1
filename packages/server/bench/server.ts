// Server measurements: a large upload over loopback against `cp` of the same file, with the
// server's peak memory, and Admin list/search latency over a seeded catalog. Exports the bench
// module shape of the top-level runner (`description`, `run()`); also runs on its own:
//   node --import tsx packages/server/bench/server.ts [uploadMegabytes] [assets]
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { exited, startCli } from '../src/testing/cli-process.js';
import { peakRss, streamUpload } from '../src/testing/stream-upload.js';
import { signed, TEST_CLOUD, TEST_KEY, TEST_SECRET } from '../src/testing/test-server.js';

const execFileAsync = promisify(execFile);
const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

export const description =
  'Kumo server: 500 MB upload vs cp (ratio, peak RSS); Admin list and search p50/p99 with 100,000 assets';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latency(requests: number, send: () => Promise<Response>) {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const start = performance.now();
    const response = await send();
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`request failed with ${response.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50_ms: round(percentile(times, 50)), p99_ms: round(percentile(times, 99)), requests };
}

const round = (value: number) => Math.round(value * 100) / 100;

export async function run(uploadMegabytes = 500, assets = 100_000) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-bench-'));
  const dataDir = path.join(dir, 'data');
  try {
    const source = path.join(dir, 'source.bin');
    const size = uploadMegabytes * 1024 * 1024;
    const handle = await fs.open(source, 'w');
    for (let written = 0; written < size; written += 8 * 1024 * 1024)
      await handle.write(randomBytes(Math.min(8 * 1024 * 1024, size - written)));
    await handle.close();

    const cpStart = performance.now();
    await execFileAsync('cp', [source, path.join(dir, 'copy.bin')]);
    const cpSeconds = (performance.now() - cpStart) / 1000;
    await fs.rm(path.join(dir, 'copy.bin'));

    const server = await startCli(dataDir, { KUMO_LOG_LEVEL: 'warn' });
    try {
      const before = await peakRss(server.child.pid!);
      const uploadStart = performance.now();
      const result = await streamUpload(
        `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`,
        signed({ public_id: 'bench.bin' }),
        source,
        size,
      );
      const uploadSeconds = (performance.now() - uploadStart) / 1000;
      if (result.bytes !== size) throw new Error(`upload failed: ${JSON.stringify(result)}`);
      const peak = await peakRss(server.child.pid!);

      const seedStart = performance.now();
      await execFileAsync(process.execPath, ['--import', 'tsx', CLI, 'seed', '--count', String(assets)], {
        env: {
          PATH: process.env.PATH,
          KUMO_DATA_DIR: dataDir,
          KUMO_URL: `kumo://${TEST_KEY}:${TEST_SECRET}@${TEST_CLOUD}`,
        },
        maxBuffer: 16 * 1024 * 1024,
      });
      const seedSeconds = (performance.now() - seedStart) / 1000;

      const auth = { authorization: `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}` };
      const admin = `${server.url}/v1_1/${TEST_CLOUD}`;
      const list = await latency(200, () =>
        fetch(`${admin}/resources/image/upload?max_results=100&prefix=seed/`, { headers: auth }),
      );
      const byTag = await latency(200, () =>
        fetch(`${admin}/resources/image/tags/shoe?max_results=100`, { headers: auth }),
      );
      const search = await latency(200, () =>
        fetch(`${admin}/resources/search`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            expression: 'tags:shoe AND format:png AND width>10',
            max_results: 50,
            sort_by: [{ created_at: 'desc' }],
          }),
        }),
      );
      return {
        upload: {
          megabytes: uploadMegabytes,
          server_seconds: round(uploadSeconds),
          cp_seconds: round(cpSeconds),
          ratio_vs_cp: round(uploadSeconds / cpSeconds),
          throughput_mb_s: round(uploadMegabytes / uploadSeconds),
          server_rss_before_mb: round(before / 2 ** 20),
          server_peak_rss_mb: round(peak / 2 ** 20),
        },
        catalog: { assets, seed_seconds: round(seedSeconds) },
        admin_list_prefix: list,
        admin_list_by_tag: byTag,
        search,
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
  const [megabytes, count] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await run(megabytes || undefined, count || undefined), null, 2));
}
