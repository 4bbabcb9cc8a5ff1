// Which files each test runner picks up. Node 20 has neither `fs.glob` nor `--test` globs, so the
// lists are built here and passed to the runners explicitly.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git']);

/** Repo-relative POSIX paths of the files under `dir` whose name satisfies `accept`, sorted. */
export function listFiles(dir, accept) {
  const found = [];
  const walk = (absolute) => {
    let entries;
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      if (error.code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const path = join(absolute, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (accept(entry.name)) {
        found.push(relative(repoRoot, path).split('\\').join('/'));
      }
    }
  };
  walk(join(repoRoot, dir));
  return found.sort();
}

const packageNames = () =>
  readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();

const isTest = (name) => name.endsWith('.test.ts');
const isNodeOnlyTest = (name) => name.endsWith('.node.test.ts');

/** Packages whose `*.test.ts` files run in both Node and Chromium, with identical results required. */
export const SHARED_TEST_PACKAGES = ['core'];

/**
 * Packages whose `*.test.ts` files need a DOM and run in Chromium only (element packages, as they
 * arrive); their `*.node.test.ts` files still run in Node.
 */
export const BROWSER_TEST_PACKAGES = ['ui', 'upload-widget', 'video-player', 'embed', 'react', 'vue'];

/** Every test the Node runner executes: packages' co-located tests plus the studio's end-to-end tests. */
export function nodeTestFiles() {
  const packageTests = packageNames().flatMap((name) =>
    listFiles(`packages/${name}/src`, BROWSER_TEST_PACKAGES.includes(name) ? isNodeOnlyTest : isTest),
  );
  return [...packageTests, ...listFiles('demo', isTest)];
}

/** Globs for @web/test-runner. */
export const browserTestGlobs = [...SHARED_TEST_PACKAGES, ...BROWSER_TEST_PACKAGES].flatMap((name) => [
  `packages/${name}/src/**/*.test.ts`,
  `!packages/${name}/src/**/*.node.test.ts`,
]);

/** Core's tests that run in both Node and Chromium. */
export function sharedCoreTestFiles() {
  return listFiles('packages/core/src', (name) => isTest(name) && !isNodeOnlyTest(name));
}
