// Runs the browser-side tests in headless Chromium through @web/test-runner. Extra arguments are
// passed to the runner (e.g. `--watch`, `--files packages/core/src/url/**/*.test.ts`).
import { startTestRunner } from '@web/test-runner';
import { clearResults } from './test-results.mjs';
import config from './web-test-runner.config.mjs';

clearResults('chromium');
await startTestRunner({ config, readFileConfig: false, autoExitProcess: true });
