// The upload widget against Uppy's Dashboard and Uploadcare's File Uploader: what a page downloads
// before each is defined (esbuild min + gzip, lazy chunks apart), and in headless Chromium the time
// from `open()` to a dialog that is open and laid out, and to focus inside it (median of N fresh
// pages, the widgets alternating so drift hits them alike), with what the page had downloaded by
// then. Kumo's page is split at its dynamic imports, as an app's bundler would split it, so its cold
// open (called before the page was ever idle) includes fetching the dialog and source tabs; its warm
// open comes after they were fetched at idle.
//   KUMO_BENCH_OPEN_RUNS  pages measured per widget (default 15)
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { measureBundle } from '../scripts/bundle-size.mjs';
import { printTable } from '../scripts/print-table.mjs';
import { bundlePage } from './lib/bundle-page.mjs';
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
if (location.search.includes('warm')) {
  await new Promise((resolve) => {
    const check = () => (customElements.get('kumo-dialog') && customElements.get('kumo-upload-sources') ? resolve() : setTimeout(check, 10));
    check();
  });
}
// Measured at once (cold): the page has not been idle yet, so nothing was fetched ahead.
window.result = await measureOpen(
  () => widget.open(),
  () => { const dialog = findOpenDialog(widget.shadowRoot); return !!dialog && dialog.getBoundingClientRect().height > 0; },
  () => findOpenDialog(widget.shadowRoot),
);
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
window.result = await measureOpen(
  () => dashboard.openModal(),
  () => modal()?.getAttribute('aria-hidden') === 'false' && (inner()?.getBoundingClientRect().height ?? 0) > 0,
  () => inner(),
);
`,
  },
};

/** The page's files by name, each with its text and gzip size (counted once the page asks for it). */
async function pageFiles(name, script) {
  const files = new Map();
  for (const [file, contents] of await bundlePage(name, script))
    files.set(file, {
      text: Buffer.from(contents).toString(),
      gzip: gzipSync(contents, { level: 9 }).byteLength,
    });
  if (!files.has('stdin.css')) files.set('stdin.css', { text: '', gzip: 0 });
  return files;
}

const html = (name, query) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title>` +
  `<link rel="stylesheet" href="/${name}/stdin.css"></head><body><main><h1>${name}</h1></main>` +
  `<script type="module" src="/${name}/stdin.js${query}"></script></body></html>`;

/** The pages measured: each widget cold, and Kumo's again once its parts were fetched at idle. */
const VARIANTS = [
  { label: 'kumo <kumo-upload-widget>.open(), cold', page: 'kumo', query: '' },
  { label: 'kumo <kumo-upload-widget>.open(), after idle', page: 'kumo', query: '?warm' },
  { label: 'Uppy Dashboard openModal()', page: 'uppy', query: '' },
];

async function measureOpenTimes(runs) {
  const bundles = {};
  for (const [name, page] of Object.entries(PAGES)) bundles[name] = await pageFiles(name, page.script);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const samples = Object.fromEntries(
    VARIANTS.map(({ label }) => [label, { shown: [], focused: [], gzip: [] }]),
  );
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route(`${ORIGIN}/**`, (route) => {
      const { pathname, search } = new URL(route.request().url());
      const [, name, file] = /^\/(\w+)(?:\/([\w.-]+))?$/.exec(pathname) ?? [];
      const bundle = name && bundles[name];
      if (!bundle) return route.fulfill({ status: 404, body: 'not found' });
      if (!file) return route.fulfill({ contentType: 'text/html', body: html(name, search) });
      const served = bundle.get(file);
      if (!served) return route.fulfill({ status: 404, body: 'not found' });
      return route.fulfill({
        contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript',
        body: served.text,
      });
    });
    for (let round = 0; round < runs; round++) {
      const variants = [...VARIANTS];
      // Alternate which widget goes first.
      if (round % 2) variants.reverse();
      for (const { label, page: name, query } of variants) {
        const page = await context.newPage();
        const errors = [];
        const fetched = new Set();
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('request', (request) => {
          const match = new RegExp(`^${ORIGIN}/${name}/([\\w.-]+)`).exec(request.url());
          if (match) fetched.add(match[1]);
        });
        await page.goto(`${ORIGIN}/${name}${query}`);
        const result = await page
          .waitForFunction(() => window.result, undefined, { timeout: 10_000 })
          .then((handle) => handle.jsonValue())
          .catch(() => {
            throw new Error(`${label} never opened${errors.length ? `: ${errors.join('; ')}` : ''}`);
          });
        if (result.shown === null) throw new Error(`${label}: the dialog never opened`);
        samples[label].shown.push(result.shown);
        if (result.focused !== null) samples[label].focused.push(result.focused);
        samples[label].gzip.push(
          [...fetched].reduce((sum, file) => sum + (bundles[name].get(file)?.gzip ?? 0), 0),
        );
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return Object.fromEntries(
    Object.entries(samples).map(([label, { shown, focused, gzip }]) => [
      label,
      {
        runs: shown.length,
        shownMs: median(shown),
        focusedMs: focused.length ? median(focused) : null,
        focusedRuns: focused.length,
        downloadedGzip: Math.max(...gzip),
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
    'Initial load: what a page downloads before the element is defined (esbuild, minified, gzip -9; lazy chunks apart):',
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
    `\nopen() → dialog open and laid out / focus inside it, headless Chromium, median of ${runs} pages each:`,
  );
  const open = await measureOpenTimes(runs);
  const format = (ms) => (ms === null ? 'never' : ms.toFixed(1));
  printTable(
    ['widget', 'open → shown ms', 'open → focus inside ms', 'JS+CSS downloaded by then, gzip'],
    Object.entries(open).map(([label, times]) => [
      label,
      format(times.shownMs),
      format(times.focusedMs),
      times.downloadedGzip,
    ]),
  );
  const kumoCold = open[VARIANTS[0].label];
  const kumoWarm = open[VARIANTS[1].label];
  const uppy = open[VARIANTS[2].label];
  const ratios = {
    sizeUppyVsKumo: kumoGzip ? sizes['Uppy Dashboard (core + dashboard + CSS)'].gzip / kumoGzip : null,
    sizeUploadcareVsKumo: kumoGzip ? sizes['Uploadcare File Uploader (+ CSS)'].gzip / kumoGzip : null,
    openedDownloadUppyVsKumo: uppy.downloadedGzip / kumoCold.downloadedGzip,
    shownUppyVsKumoCold: uppy.shownMs / kumoCold.shownMs,
    shownUppyVsKumoWarm: uppy.shownMs / kumoWarm.shownMs,
    focusedUppyVsKumoCold:
      uppy.focusedMs !== null && kumoCold.focusedMs !== null ? uppy.focusedMs / kumoCold.focusedMs : null,
  };
  console.log(
    `\nUppy / Kumo: ${ratios.openedDownloadUppyVsKumo.toFixed(2)}× the bytes to an open dialog; ` +
      `${ratios.shownUppyVsKumoCold.toFixed(2)}× (cold) and ${ratios.shownUppyVsKumoWarm.toFixed(2)}× (after idle) to shown` +
      (ratios.focusedUppyVsKumoCold === null
        ? ''
        : `, ${ratios.focusedUppyVsKumoCold.toFixed(2)}× to focus (cold; Uppy moves focus after a deliberate 260 ms debounce)`) +
      '.',
  );
  return { sizes, open, ratios };
}
