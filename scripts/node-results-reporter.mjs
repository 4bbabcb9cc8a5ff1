// A `--test-reporter` for node:test that emits one JSON document: every test (suites left out) as
// { file, fullTestName, status }, plus the closing summary lines node prints (tests, pass, fail…).
import { relative } from 'node:path';
import { repoRoot } from './test-files.mjs';
import { NAME_SEPARATOR } from './test-results.mjs';

// The run's closing counters; tests' own `t.diagnostic()` messages are not part of the summary.
const SUMMARY_LINE = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) [\d.]+$/;

const statusOf = (data, failed) => {
  if (data.todo) return 'todo';
  if (data.skip) return 'skipped';
  return failed ? 'failed' : 'passed';
};

export default async function* nodeResultsReporter(source) {
  const results = [];
  const summary = [];
  // Names of the enclosing suites per file, indexed by nesting level; start events arrive in order.
  const openNames = new Map();

  for await (const event of source) {
    const { data } = event;
    if (event.type === 'test:start') {
      const names = openNames.get(data.file) ?? [];
      names.length = data.nesting;
      names.push(data.name);
      openNames.set(data.file, names);
    } else if (event.type === 'test:pass' || event.type === 'test:fail') {
      if (data.details?.type === 'suite') continue;
      const parents = (openNames.get(data.file) ?? []).slice(0, data.nesting);
      results.push({
        file: data.file ? relative(repoRoot, data.file).split('\\').join('/') : '<unknown>',
        fullTestName: [...parents, data.name].join(NAME_SEPARATOR),
        status: statusOf(data, event.type === 'test:fail'),
      });
    } else if (event.type === 'test:diagnostic' && SUMMARY_LINE.test(data.message)) {
      summary.push(data.message);
    }
  }

  yield `${JSON.stringify({ results, summary }, null, 2)}\n`;
}
