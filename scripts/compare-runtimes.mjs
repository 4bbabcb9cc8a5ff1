// Checks that core's shared tests (`*.test.ts`, not `*.node.test.ts`) pass identically in Node and
// Chromium: for every such file, the same set of passed test names and no failure in either runtime.

import { sharedCoreTestFiles } from './test-files.mjs';
import { readResults } from './test-results.mjs';

const RUNTIMES = { node: 'Node', chromium: 'Chromium' };
const MAX_LISTED = 20;

const files = sharedCoreTestFiles();
const shared = new Set(files);
const problems = [];
const passedByRuntime = {};

for (const [runtime, label] of Object.entries(RUNTIMES)) {
  const document = readResults(runtime);
  if (!document) {
    problems.push(
      `no ${label} results: run scripts/test-${runtime === 'node' ? 'node' : 'browser'}.mjs first`,
    );
    continue;
  }
  const passed = new Map();
  for (const { file, fullTestName, status } of document.results) {
    if (!shared.has(file)) continue;
    if (status === 'failed') problems.push(`${label}: failed: ${file}: ${fullTestName}`);
    if (status !== 'passed') continue;
    if (!passed.has(file)) passed.set(file, new Set());
    passed.get(file).add(fullTestName);
  }
  passedByRuntime[runtime] = passed;
}

const totals = { node: 0, chromium: 0 };
if (passedByRuntime.node && passedByRuntime.chromium) {
  for (const file of files) {
    const inNode = passedByRuntime.node.get(file) ?? new Set();
    const inChromium = passedByRuntime.chromium.get(file) ?? new Set();
    totals.node += inNode.size;
    totals.chromium += inChromium.size;
    if (inNode.size === 0 && inChromium.size === 0)
      problems.push(`${file}: no test passed in either runtime`);
    for (const name of inNode)
      if (!inChromium.has(name)) problems.push(`${file}: passed only in Node: ${name}`);
    for (const name of inChromium)
      if (!inNode.has(name)) problems.push(`${file}: passed only in Chromium: ${name}`);
  }
}

if (problems.length > 0) {
  console.error(`core tests differ between Node and Chromium (${problems.length} problems):`);
  for (const problem of problems.slice(0, MAX_LISTED)) console.error(`  - ${problem}`);
  if (problems.length > MAX_LISTED) console.error(`  … and ${problems.length - MAX_LISTED} more`);
  process.exit(1);
}

console.log(
  `core tests: ${totals.node} passed in Node, ${totals.chromium} passed in Chromium, identical ` +
    `(${files.length} ${files.length === 1 ? 'file' : 'files'})`,
);
