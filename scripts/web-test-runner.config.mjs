// @web/test-runner in Debian's Chromium for browser-side tests. The same `*.test.ts` files run in
// Node too; see test-files.mjs for which packages take part.

import { relative } from 'node:path';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { kumoServerPlugin } from './browser/kumo-server-plugin.mjs';
import { browserTestGlobs, repoRoot } from './test-files.mjs';
import { NAME_SEPARATOR, writeResults } from './test-results.mjs';

// Some of Uppy's dependencies still ship CommonJS. `strictRequires: false` keeps their JSON and
// conditional requires working in the dev server (the default wraps them and breaks load order);
// `requireReturnsDefault: 'preferred'` hands lodash's modules the real module, not an empty wrapper.
const commonjs = fromRollup(rollupCommonjs);

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Resolves the bare `node:test` import to a shim over mocha's globals. */
const nodeTestShim = {
  name: 'kumo-node-test-shim',
  resolveImport({ source }) {
    if (source === 'node:test') return '/scripts/browser/node-test-shim.js';
    return undefined;
  },
};

function flatten(suite, parents, file, into) {
  for (const test of suite.tests) {
    const status = test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed';
    into.push({ file, fullTestName: [...parents, test.name].join(NAME_SEPARATOR), status });
  }
  for (const child of suite.suites) flatten(child, [...parents, child.name], file, into);
}

/** Writes every test's outcome as { file, fullTestName, status } for compare-runtimes.mjs. */
const resultsReporter = {
  onTestRunFinished({ sessions }) {
    const results = [];
    for (const session of sessions) {
      const file = relative(repoRoot, session.testFile).split('\\').join('/');
      if (session.testResults) flatten(session.testResults, [], file, results);
      // A file that failed to load or threw outside a test has session errors but no test results.
      for (const error of session.errors) {
        results.push({ file, fullTestName: `<file error> ${error.message}`, status: 'failed' });
      }
    }
    writeResults('chromium', { results });
    const count = (status) => results.filter((result) => result.status === status).length;
    console.log(
      `Chromium: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped` +
        ` in ${sessions.length} ${sessions.length === 1 ? 'file' : 'files'}`,
    );
  },
};

/** One Chromium; `extraArgs` are added to the shared flags. */
function chromiumLauncher(extraArgs = []) {
  return chromeLauncher({
    // A browser context of its own per test page: each gets its own window, so no test page is a
    // background tab (where Chromium defers media loading and throttles timers).
    createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    launchOptions: {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        ...extraArgs,
      ],
    },
  });
}

/** Test files that need a camera: they run in a Chromium with a fake one (see below). */
export const isCameraTest = (file) => file.endsWith('.camera.test.ts');

/**
 * A launcher that runs `*.camera.test.ts` files in a second Chromium whose camera is a synthetic
 * video stream with permission granted, and every other file in the plain one, which has no camera
 * (so the no-camera paths stay tested). A config `groups` entry cannot do this: `--files` on the
 * command line replaces the default group's files but not a group's, so a selection would run camera
 * files without the camera, or every camera file whatever was selected. Routing per session keeps
 * one selection, each file run once. The launcher learns a session's file from the session list the
 * runner hands its reporters, which it receives before it is asked to open any page it must route.
 */
function cameraRoutingChromium() {
  const plain = chromiumLauncher();
  const camera = chromiumLauncher(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
  /** @type {(sessions: { get(id: string): { testFile: string } | undefined }) => void} */
  let sessionsKnown;
  const sessionList = new Promise((resolve) => {
    sessionsKnown = resolve;
  });
  const routes = new Map();
  const route = async (sessionId) => {
    if (!routes.has(sessionId)) {
      const session = (await sessionList).get(sessionId);
      routes.set(sessionId, session && isCameraTest(session.testFile) ? camera : plain);
    }
    return routes.get(sessionId);
  };
  const routed = (sessionId) => routes.get(sessionId) ?? plain;
  /** @type {import('@web/test-runner').BrowserLauncher} */
  const launcher = {
    name: plain.name,
    type: plain.type,
    concurrency: plain.concurrency,
    async initialize(config, testFiles) {
      await plain.initialize(config, testFiles);
      await camera.initialize(config, testFiles);
    },
    async stop() {
      await Promise.all([plain.stop(), camera.stop()]);
    },
    async startSession(sessionId, url) {
      await (await route(sessionId)).startSession(sessionId, url);
    },
    async startDebugSession(sessionId, url) {
      await (await route(sessionId)).startDebugSession(sessionId, url);
    },
    isActive: (sessionId) => routed(sessionId).isActive(sessionId),
    getBrowserUrl: (sessionId) => routed(sessionId).getBrowserUrl(sessionId),
    stopSession: (sessionId) => routed(sessionId).stopSession(sessionId),
    // What @web/test-runner-commands (send keys, mouse, viewport…) drive the page through.
    getPage: (sessionId) => routed(sessionId).getPage(sessionId),
  };
  const reporter = {
    start({ sessions }) {
      sessionsKnown(sessions);
    },
  };
  return { launcher, reporter };
}

const chromium = cameraRoutingChromium();

export default {
  rootDir: repoRoot,
  files: browserTestGlobs,
  nodeResolve: true,
  concurrency: 2,
  browsers: [chromium.launcher],
  // Ahead of node-resolve (which the runner appends), so `node:test` never reaches it.
  // No esbuild `target`: lowering syntax drops the JSON import attribute some dependencies use.
  plugins: [
    nodeTestShim,
    kumoServerPlugin(),
    commonjs({ strictRequires: false, requireReturnsDefault: 'preferred', include: ['**/node_modules/**'] }),
    esbuildPlugin({ ts: true }),
  ],
  // Property tests run thousands of cases; mocha's 2 s default is meant for unit tests.
  testFramework: { config: { timeout: 60_000 } },
  testsFinishTimeout: 10 * 60_000,
  // Plain line output in CI logs instead of terminal redraw sequences.
  staticLogging: !process.stdout.isTTY,
  reporters: [
    chromium.reporter,
    defaultReporter({ reportTestResults: true, reportTestProgress: false }),
    resultsReporter,
  ],
};
