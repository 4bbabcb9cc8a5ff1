// Fails when a browser entry's minified + gzipped size is over its budget in size-budgets.json.
import { readFileSync } from 'node:fs';
import { measureBundle } from './bundle-size.mjs';
import { printTable } from './print-table.mjs';

const budgets = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));

const rows = [];
const errors = [];
let unbundled = false;
for (const [name, { entry, budget }] of Object.entries(budgets)) {
  const size = await measureBundle(entry);
  if ('error' in size) {
    rows.push([name, '-', '-', budget, 'ERROR']);
    errors.push(`${name}: cannot bundle ${entry}: ${size.error}`);
    unbundled = true;
    continue;
  }
  rows.push([name, size.bytes, size.gzip, budget, size.gzip <= budget ? 'ok' : 'OVER']);
  if (size.gzip > budget)
    errors.push(`${name}: ${size.gzip} bytes gzipped, ${size.gzip - budget} over ${budget}`);
}

printTable(['name', 'bytes', 'gzip', 'budget', 'status'], rows);
if (errors.length > 0) {
  console.error('');
  for (const error of errors) console.error(`size check failed: ${error}`);
  if (unbundled) console.error('(Entries import the built packages: run `npm run build` first.)');
  process.exit(1);
}
