// Runs every Node-side test (`packages/*/src/**/*.test.ts`, `demo/**/*.test.ts`) with node:test and
// tsx, printing spec output, then node's closing summary in its usual `# pass N` form.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nodeTestFiles, repoRoot } from './test-files.mjs';
import { clearResults, readResults, resultsFile } from './test-results.mjs';

const files = process.argv.length > 2 ? process.argv.slice(2) : nodeTestFiles();
if (files.length === 0) {
  console.error('test-node: no *.test.ts files found under packages/*/src or demo/.');
  process.exit(1);
}

clearResults('node');
const reporter = fileURLToPath(new URL('./node-results-reporter.mjs', import.meta.url));

// A test file that leaves a handle open (a server, a pool) keeps node:test waiting forever; rather
// than hang CI, stop after this long and name the files still running.
const timeoutMinutes = Number(process.env.KUMO_TEST_NODE_TIMEOUT_MINUTES ?? 15);

// Its own process group, so the runner and its per-file processes can be stopped together.
const runner = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${reporter}`,
    `--test-reporter-destination=${resultsFile('node')}`,
    ...files,
  ],
  { cwd: repoRoot, stdio: 'inherit', detached: true },
);
const stopRunner = (signal) => {
  try {
    process.kill(-runner.pid, signal);
  } catch {
    // Already gone.
  }
};
process.on('SIGINT', () => stopRunner('SIGINT'));
process.on('SIGTERM', () => stopRunner('SIGTERM'));

let timedOut = false;
const watchdog = setTimeout(() => {
  timedOut = true;
  const running = spawnSync('ps', ['-o', 'args=', '--ppid', String(runner.pid)], { encoding: 'utf8' });
  console.error(`\ntest-node: still running after ${timeoutMinutes} min; stopping. Files still open:`);
  console.error(running.stdout?.trim() || '(unknown)');
  stopRunner('SIGKILL');
}, timeoutMinutes * 60_000);

const exitCode = await new Promise((resolve, reject) => {
  runner.on('error', reject);
  runner.on('exit', (code) => resolve(code ?? 1));
});
clearTimeout(watchdog);

// The spec reporter prints the summary as `ℹ pass N`; CI logs and people grep for TAP's `# pass N`.
if (!timedOut) for (const line of readResults('node')?.summary ?? []) console.log(`# ${line}`);

process.exit(timedOut ? 1 : exitCode);
