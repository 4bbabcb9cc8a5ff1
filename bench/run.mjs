// `npm run bench [-- name…]`: runs every bench module in this folder (or the named ones) and writes
// the figures to bench/results/. A bench module exports `run()` (returning JSON-able figures) and
// a one-line `description`.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const benchDir = new URL('./', import.meta.url);
const available = readdirSync(benchDir)
  .filter((file) => file.endsWith('.mjs') && file !== 'run.mjs')
  .map((file) => basename(file, '.mjs'))
  .sort();

const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(1);
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  benches: {},
};
let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  const bench = await import(new URL(`./${name}.mjs`, benchDir).href);
  console.log(`\n== ${name}: ${bench.description}\n`);
  try {
    results.benches[name] = await bench.run();
  } catch (error) {
    failed = true;
    console.error(`bench ${name} failed: ${error.message}`);
    results.benches[name] = { error: error.message };
  }
}

const resultsDir = new URL('./results/', benchDir);
mkdirSync(resultsDir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
const stamp = results.date.replace(/[:.]/g, '-');
writeFileSync(new URL(`bench-${stamp}.json`, resultsDir), json);
writeFileSync(new URL('latest.json', resultsDir), json);
console.log(`\nResults written to bench/results/latest.json`);
process.exit(failed ? 1 : 0);
