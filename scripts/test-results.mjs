// Both runners record every test as { file, fullTestName, status } so that compare-runtimes.mjs can
// check that core behaves the same in Node and Chromium.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './test-files.mjs';

/** Kept under node_modules/.cache: ignored by git and Biome, and wiped by `npm ci`. */
export const resultsDir = join(repoRoot, 'node_modules', '.cache', 'kumo-test-results');

/** @param {'node' | 'chromium'} runtime */
export const resultsFile = (runtime) => join(resultsDir, `${runtime}.json`);

/** Separator between suite and test names in `fullTestName`. */
export const NAME_SEPARATOR = ' > ';

/** Removes a runtime's previous results so a crashed run cannot leave stale ones behind. */
export function clearResults(runtime) {
  rmSync(resultsFile(runtime), { force: true });
  mkdirSync(resultsDir, { recursive: true });
}

export function writeResults(runtime, results) {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(resultsFile(runtime), `${JSON.stringify(results, null, 2)}\n`);
}

/** @returns {{ results: { file: string, fullTestName: string, status: string }[], summary?: string[] } | undefined} */
export function readResults(runtime) {
  try {
    return JSON.parse(readFileSync(resultsFile(runtime), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}
