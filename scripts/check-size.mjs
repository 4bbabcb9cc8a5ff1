// Fails when a browser entry's minified + gzipped size is over its budget in size-budgets.json. An
// entry may also name a `target` it has not reached yet: the budget then holds today's size (so it
// cannot grow unnoticed) and every run prints how far the entry still is from its target.
import { readFileSync } from 'node:fs';
import { measureBundle } from './bundle-size.mjs';
import { printTable } from './print-table.mjs';

const budgets = JSON.parse(readFileSync(new URL('./size-budgets.json', import.meta.url), 'utf8'));

const rows = [];
const errors = [];
const unmetTargets = [];
let unbundled = false;
for (const [name, { entry, budget, target }] of Object.entries(budgets)) {
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
  if (target !== undefined && size.gzip > target)
    unmetTargets.push(
      `${name}: ${size.gzip} bytes gzipped, ${size.gzip - target} over its target of ${target}`,
    );
}

printTable(['name', 'bytes', 'gzip', 'budget', 'status'], rows);
if (unmetTargets.length > 0) {
  console.log('');
  for (const line of unmetTargets) console.log(`target not met yet: ${line}`);
}
if (errors.length > 0) {
  console.error('');
  for (const error of errors) console.error(`size check failed: ${error}`);
  if (unbundled) console.error('(Entries import the built packages: run `npm run build` first.)');
  process.exit(1);
}
