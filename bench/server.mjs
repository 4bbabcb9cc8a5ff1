// Kumo's server on loopback: a large streamed upload against `cp` of the same file (ratio, peak server
// memory), then Admin API list and search latency over a seeded catalog. The measurements live in
// packages/server/bench/server.ts (TypeScript; `npm run bench` runs under tsx).
//   KUMO_BENCH_ASSETS    assets seeded for the latency figures (default 100000)
//   KUMO_BENCH_UPLOAD_MB size of the uploaded file in MiB (default 500)
import { printTable } from '../scripts/print-table.mjs';
import { positiveInteger } from './lib/env-settings.mjs';

export const description =
  'Kumo server: upload throughput vs cp and peak RSS; Admin list/search p50/p99 over a seeded catalog';

export async function run() {
  const assets = positiveInteger('KUMO_BENCH_ASSETS', 100_000);
  const megabytes = positiveInteger('KUMO_BENCH_UPLOAD_MB', 500);
  const bench = await import('../packages/server/bench/server.ts').catch((error) => {
    throw new Error(`cannot load packages/server/bench/server.ts (run under tsx): ${error.message}`);
  });
  console.log(`Uploading ${megabytes} MiB, then seeding ${assets.toLocaleString('en-US')} assets…`);
  const result = await bench.run(megabytes, assets);
  const { upload } = result;

  console.log('\nUpload over loopback (streamed multipart) vs cp of the same file:');
  printTable(
    ['file', 'kumo s', 'cp s', 'kumo / cp', 'MiB/s', 'server RSS before', 'server peak RSS'],
    [
      [
        `${upload.megabytes} MiB`,
        upload.server_seconds,
        upload.cp_seconds,
        `${upload.ratio_vs_cp}×`,
        upload.throughput_mb_s,
        `${upload.server_rss_before_mb} MiB`,
        `${upload.server_peak_rss_mb} MiB`,
      ],
    ],
  );

  console.log(
    `\nAdmin API latency, ${result.catalog.assets.toLocaleString('en-US')} assets seeded in ${result.catalog.seed_seconds} s:`,
  );
  printTable(
    ['request', 'p50 ms', 'p99 ms', 'requests'],
    [
      ['GET resources?prefix=seed/ (100)', result.admin_list_prefix],
      ['GET resources/tags/shoe (100)', result.admin_list_by_tag],
      ['POST resources/search (50)', result.search],
    ].map(([name, figures]) => [name, figures.p50_ms, figures.p99_ms, figures.requests]),
  );
  return { assets_seeded: assets, ...result };
}
