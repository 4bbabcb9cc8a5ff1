// The upload widget against Uppy's Dashboard and Uploadcare's File Uploader: what a page downloads
// before each can open (esbuild min + gzip, lazy chunks apart), and in headless Chromium the time
// from `open()` to a dialog that is open and laid out, and to focus inside it (median of N fresh
// pages, the two widgets alternating so drift hits both alike).
//   KUMO_BENCH_OPEN_RUNS  pages measured per widget (default 15)
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { measureBundle } from '../scripts/bundle-size.mjs';
import { missingLazyPackages } from '../scripts/missing-lazy-packages.mjs';
import { printTable } from '../scripts/print-table.mjs';
import { repoRoot } from '../scripts/test-files.mjs';
import { positiveInteger } from './lib/env-settings.mjs';
import { median } from './lib/median.mjs';

export const description =
  'Upload widget: initial-load size vs Uppy Dashboard and Uploadcare; open() → interactive dialog vs Uppy';

const SIZE_ENTRIES = {
  'kumo <kumo-upload-widget>': 'bench/entries/upload-widget.ts',
  'Uppy Dashboard (core + dashboard + CSS)': 'bench/entries/uppy-dashboard.ts',
  'Uploadcare File Uploader (+ CSS)': 'bench/entries/uploadcare-uploader.ts',
};

const ORIGIN = 'http://bench.kumo.test';

/**
 * Each page builds its widget, then exposes `measureOpen()`: it calls `open()` and polls on every
 * task turn (not on animation frames, which would round everything to 16.7 ms) until the dialog is
 * open with a laid-out box, then until focus is inside it. Both times are from the `open()` call.
 */
const MEASURE = `
const deepActive = () => {
  let active = document.activeElement;
  while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
  return active;
};
// Ancestors in the flattened tree: slotted nodes go through their slot, shadow roots to their host.
const composedContains = (root, node) => {
  for (let at = node; at; at = at.assignedSlot || at.parentNode || at.host) if (at === root) return true;
  return false;
};
const nextTurn = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
window.measureOpen = async (open, shown, focusRoot, timeout = 5000) => {
  const start = performance.now();
  open();
  let shownAt, focusedAt;
  while (performance.now() - start < timeout) {
    const now = performance.now();
    if (shownAt === undefined && shown()) shownAt = now;
    if (shownAt !== undefined && focusedAt === undefined) {
      const active = deepActive();
      const root = focusRoot();
      if (active && root && composedContains(root, active)) focusedAt = now;
    }
    if (shownAt !== undefined && focusedAt !== undefined) break;
    await nextTurn();
  }
  return { shown: shownAt === undefined ? null : shownAt - start, focused: focusedAt === undefined ? null : focusedAt - start };
};
`;

const PAGES = {
  kumo: {
    script: `
import '@kumo/upload-widget/define';
${MEASURE}
const widget = document.createElement('kumo-upload-widget');
widget.cloudName = 'demo';
widget.uploadPreset = 'bench';
widget.apiBase = '${ORIGIN}';
document.body.append(widget);
const findOpenDialog = (root) => {
  for (const node of root.querySelectorAll('*')) {
    if (node.localName === 'dialog' && node.open) return node;
    if (node.shadowRoot) { const found = findOpenDialog(node.shadowRoot); if (found) return found; }
  }
  return null;
};
await customElements.whenDefined('kumo-upload-widget');
await widget.updateComplete;
window.run = () => measureOpen(
  () => widget.open(),
  () => { const dialog = findOpenDialog(widget.shadowRoot); return !!dialog && dialog.getBoundingClientRect().height > 0; },
  () => findOpenDialog(widget.shadowRoot),
);
window.ready = true;
`,
  },
  uppy: {
    script: `
import Uppy from '@uppy/core';
import Dashboard from '@uppy/dashboard';
import '@uppy/dashboard/css/style.min.css';
${MEASURE}
const uppy = new Uppy().use(Dashboard, { inline: false, target: 'body' });
const dashboard = uppy.getPlugin('Dashboard');
const modal = () => document.querySelector('.uppy-Dashboard--modal');
const inner = () => document.querySelector('.uppy-Dashboard-inner');
window.run = () => measureOpen(
  () => dashboard.openModal(),
  () => modal()?.getAttribute('aria-hidden') === 'false' && (inner()?.getBoundingClientRect().height ?? 0) > 0,
  () => inner(),
);
window.ready = true;
`,
  },
};

async function bundlePage(script) {
  const result = await build({
    stdin: { contents: script, resolveDir: repoRoot, sourcefile: 'page.js', loader: 'js' },
    absWorkingDir: repoRoot,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: `${repoRoot}/.bench-page`,
    write: false,
    logLevel: 'silent',
    plugins: [missingLazyPackages()],
  });
  const js = result.outputFiles.find((file) => file.path.endsWith('.js'))?.text ?? '';
  const css = result.outputFiles.find((file) => file.path.endsWith('.css'))?.text ?? '';
  return { js, css };
}

const html = (name) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
  `<link rel="stylesheet" href="/${name}.css"></head><body><main><h1>${name}</h1></main>` +
  `<script type="module" src="/${name}.js"></script></body></html>`;

async function measureOpenTimes(runs) {
  const bundles = {};
  for (const [name, page] of Object.entries(PAGES)) bundles[name] = await bundlePage(page.script);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const samples = Object.fromEntries(Object.keys(PAGES).map((name) => [name, { shown: [], focused: [] }]));
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(`${ORIGIN}/**`, (route) => {
      const { pathname } = new URL(route.request().url());
      const match = /^\/(\w+)(\.js|\.css)?$/.exec(pathname);
      const bundle = match && bundles[match[1]];
      if (!bundle) return route.fulfill({ status: 404, body: 'not found' });
      if (!match[2]) return route.fulfill({ contentType: 'text/html', body: html(match[1]) });
      return route.fulfill({
        contentType: match[2] === '.js' ? 'text/javascript' : 'text/css',
        body: match[2] === '.js' ? bundle.js : bundle.css,
      });
    });
    for (let round = 0; round < runs; round++) {
      const names = Object.keys(PAGES);
      // Alternate which widget goes first.
      if (round % 2) names.reverse();
      for (const name of names) {
        const page = await context.newPage();
        const errors = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${ORIGIN}/${name}`);
        await page
          .waitForFunction(() => window.ready === true, undefined, { timeout: 10_000 })
          .catch(() => {
            throw new Error(`${name} page did not get ready${errors.length ? `: ${errors.join('; ')}` : ''}`);
          });
        const result = await page.evaluate(() => window.run());
        if (result.shown === null) throw new Error(`${name}: the dialog never opened`);
        samples[name].shown.push(result.shown);
        if (result.focused !== null) samples[name].focused.push(result.focused);
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, { shown, focused }]) => [
      name,
      {
        runs: shown.length,
        shownMs: median(shown),
        focusedMs: focused.length ? median(focused) : null,
        focusedRuns: focused.length,
        shownSamples: shown,
        focusedSamples: focused,
      },
    ]),
  );
}

export async function run() {
  const sizes = {};
  for (const [name, entry] of Object.entries(SIZE_ENTRIES))
    sizes[name] = { entry, ...(await measureBundle(entry)) };
  const kumoGzip = sizes['kumo <kumo-upload-widget>'].gzip;

  console.log(
    'Initial load before the widget can open (esbuild, minified, gzip -9; lazy chunks not counted):',
  );
  printTable(
    ['bundle', 'bytes', 'gzip', 'lazy gzip', 'gzip vs kumo'],
    Object.entries(sizes).map(([name, size]) =>
      size.error
        ? [name, `error: ${size.error}`, '-', '-', '-']
        : [
            name,
            size.bytes,
            size.gzip,
            size.lazyGzip,
            kumoGzip ? `${(size.gzip / kumoGzip).toFixed(2)}×` : '-',
          ],
    ),
  );

  const runs = positiveInteger('KUMO_BENCH_OPEN_RUNS', 15);
  console.log(
    `\nopen() → dialog open and laid out / focus inside it, headless Chromium, median of ${runs} pages:`,
  );
  const open = await measureOpenTimes(runs);
  const format = (ms) => (ms === null ? 'never' : ms.toFixed(1));
  printTable(
    ['widget', 'open → shown ms', 'open → focus inside ms'],
    [
      ['kumo <kumo-upload-widget>.open()', format(open.kumo.shownMs), format(open.kumo.focusedMs)],
      ['Uppy Dashboard openModal()', format(open.uppy.shownMs), format(open.uppy.focusedMs)],
    ],
  );
  const ratios = {
    sizeUppyVsKumo: kumoGzip ? sizes['Uppy Dashboard (core + dashboard + CSS)'].gzip / kumoGzip : null,
    sizeUploadcareVsKumo: kumoGzip ? sizes['Uploadcare File Uploader (+ CSS)'].gzip / kumoGzip : null,
    shownUppyVsKumo: open.uppy.shownMs / open.kumo.shownMs,
    focusedUppyVsKumo:
      open.uppy.focusedMs !== null && open.kumo.focusedMs !== null
        ? open.uppy.focusedMs / open.kumo.focusedMs
        : null,
  };
  console.log(
    `\nUppy / Kumo: ${ratios.shownUppyVsKumo.toFixed(2)}× to shown` +
      (ratios.focusedUppyVsKumo === null ? '' : `, ${ratios.focusedUppyVsKumo.toFixed(2)}× to focus`) +
      ' (Uppy moves focus after a deliberate 260 ms debounce).',
  );
  return { sizes, open, ratios };
}
