// @kumo/core against Cloudinary's two JavaScript SDKs: URL builds per second for a typical chain
// (fill + auto gravity, q_auto, f_auto, dpr 2) and the gzipped size of a browser entry building it.
import { measureBundle } from '../scripts/bundle-size.mjs';
import { printTable } from '../scripts/print-table.mjs';
import { compareThroughput } from './lib/throughput.mjs';

export const description =
  'URL builds per second and bundle size: Kumo core vs @cloudinary/url-gen vs cloudinary.url';

const TARGET_RATIO_URL_GEN = 5;

// The chains are TypeScript (shared with the size entries); `npm run bench` runs under tsx.
async function loadChains() {
  const kumo = await import('./url-chains/kumo.ts').catch((error) => {
    throw new Error(`cannot load @kumo/core's buildUrl (run \`npm run build\` first): ${error.message}`);
  });
  const { urlGenTypicalUrl } = await import('./url-chains/url-gen.ts');
  const { cloudinaryTypicalUrl } = await import('./url-chains/cloudinary-url.ts');
  return [
    { name: 'kumo buildUrl', run: kumo.kumoTypicalUrl },
    { name: '@cloudinary/url-gen', run: urlGenTypicalUrl },
    { name: 'cloudinary.url', run: cloudinaryTypicalUrl },
  ];
}

export async function run() {
  const cases = await loadChains();

  console.log('URLs built (one per implementation):');
  for (const { name, run } of cases) console.log(`  ${name.padEnd(20)} ${run()}`);

  const throughput = compareThroughput(cases);
  const [kumo, urlGenResult, sdkUrl] = throughput.map((result) => result.opsPerSecond);
  const ratios = { kumoVsUrlGen: kumo / urlGenResult, kumoVsCloudinaryUrl: kumo / sdkUrl };

  console.log('\nURL builds per second (median of rounds):');
  printTable(
    ['implementation', 'ops/s'],
    throughput.map(({ name, opsPerSecond }) => [name, Math.round(opsPerSecond).toLocaleString('en-US')]),
  );
  const verdict = ratios.kumoVsUrlGen >= TARGET_RATIO_URL_GEN ? 'meets' : 'MISSES';
  console.log(
    `\nKumo / url-gen: ${ratios.kumoVsUrlGen.toFixed(2)}× (${verdict} the ${TARGET_RATIO_URL_GEN}× target)` +
      `   Kumo / cloudinary.url: ${ratios.kumoVsCloudinaryUrl.toFixed(2)}×`,
  );

  const entries = {
    'kumo core': 'bench/entries/core-url.ts',
    '@cloudinary/url-gen': 'bench/entries/url-gen-url.ts',
  };
  const sizes = {};
  for (const [name, entry] of Object.entries(entries))
    sizes[name] = { entry, ...(await measureBundle(entry)) };

  console.log('\nBrowser entry building that URL (esbuild, minified, gzip -9):');
  printTable(
    ['bundle', 'bytes', 'gzip'],
    Object.entries(sizes).map(([name, size]) => [
      name,
      size.bytes ?? `error: ${size.error}`,
      size.gzip ?? '-',
    ]),
  );

  return { throughput, ratios, sizes };
}
