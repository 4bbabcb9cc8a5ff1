// The video player against Media Chrome, Vidstack, Video.js and Cloudinary's Video Player: what a
// page downloads before each can render (esbuild min + gzip, lazy chunks apart, as the CI budget
// measures it) and what it downloads in all to play an HLS source; then, in headless Chromium
// against a real Kumo server on loopback, the time from navigation to the first video frame of an
// HLS stream with <kumo-video-player> and with a bare <video> driven by hls.js (median of N fresh
// pages, alternating so drift hits both alike). The server's ladder is transcoded and fetched once
// before measuring: this measures the player, not the server.
//   KUMO_BENCH_FRAME_RUNS  pages measured per player (default 9)
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { bundleLikeAnApp, measureBundle } from '../scripts/bundle-size.mjs';
import { printTable } from '../scripts/print-table.mjs';
import { repoRoot } from '../scripts/test-files.mjs';
import { bundlePage } from './lib/bundle-page.mjs';
import { positiveInteger } from './lib/env-settings.mjs';
import { median } from './lib/median.mjs';

export const description =
  'Video player: initial-load size vs Media Chrome, Vidstack, Video.js, Cloudinary; HLS time to first frame vs bare hls.js';

const KUMO = 'kumo <kumo-video-player>';

/**
 * `hls` lists the modules behind dynamic imports that a page playing an HLS source fetches (each
 * with the chunks it imports statically); `null` when the entry cannot play HLS at all.
 */
const SIZE_ENTRIES = {
  [KUMO]: {
    entry: 'bench/entries/video-player.ts',
    // define-extras is requested by `define` at once; the runtime and hls.js when a source loads.
    hls: [
      /video-player\/dist\/define-extras\.js$/,
      /video-player\/dist\/video-player\/player-runtime\.js$/,
      /hls\.js\//,
    ],
  },
  'Media Chrome (all controls, no engine)': {
    entry: 'bench/entries/media-chrome.ts',
    hls: null,
  },
  'Vidstack (player + UI + default layout + CSS)': {
    entry: 'bench/entries/vidstack.ts',
    hls: [/vidstack\/prod\/providers\/vidstack-hls\.js$/, /hls\.js\//],
  },
  'Video.js 8 (incl. VHS + CSS)': { entry: 'bench/entries/videojs.ts', hls: [] },
  'Cloudinary Video Player (+ CSS)': {
    entry: 'bench/entries/cloudinary-video-player.ts',
    hls: [
      /cloudinary-video-player\/lib\/video-player\.js$/,
      /cloudinary-video-player\/lib\/adaptive-streaming\.js$/,
    ],
  },
};

const budgets = JSON.parse(readFileSync(new URL('../scripts/size-budgets.json', import.meta.url), 'utf8'));

/** Which package a bundled input comes from, for the breakdown of Kumo's initial load. */
function packageOf(input) {
  const kumo = /^packages\/([^/]+)\//.exec(input);
  if (kumo) return `@kumo/${kumo[1]}`;
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (!module) return input;
  return /^(lit|lit-html|lit-element|@lit\/reactive-element)$/.test(module[1]) ? 'lit' : module[1];
}

/**
 * Bundles `entry` as scripts/bundle-size.mjs does (checked: the initial figure must come out the
 * same) and reads the metafile: the gzip size of the initial load plus the lazy chunks an
 * HLS source needs, where hls.js landed, and the initial load's bytes per input.
 */
async function analyseBundle(entry, hlsModules) {
  const result = await bundleLikeAnApp(entry);
  const outputs = result.metafile.outputs;
  const gzip = new Map(
    result.outputFiles.map((file) => [
      file.path.slice(repoRoot.length).replace(/^\//, ''),
      gzipSync(file.contents, { level: 9 }).byteLength,
    ]),
  );
  const closure = (start, into = new Set()) => {
    if (into.has(start)) return into;
    into.add(start);
    const meta = outputs[start];
    if (meta.cssBundle) into.add(meta.cssBundle);
    for (const imported of meta.imports)
      if (imported.kind === 'import-statement') closure(imported.path, into);
    return into;
  };
  const entryOutput = Object.keys(outputs).find((name) => outputs[name].entryPoint === entry);
  const initial = closure(entryOutput);
  const sum = (names) => [...names].reduce((total, name) => total + (gzip.get(name) ?? 0), 0);

  let toPlayHls = null;
  if (hlsModules) {
    const needed = new Set(initial);
    for (const pattern of hlsModules) {
      const chunk = Object.keys(outputs).find((name) => pattern.test(outputs[name].entryPoint ?? ''));
      // A peer release that renames its lazy modules must not silently shrink its figure.
      if (!chunk) throw new Error(`${entry}: no lazy chunk for ${pattern}; update the bench`);
      closure(chunk, needed);
    }
    toPlayHls = sum(needed);
  }

  const hlsOutputs = Object.keys(outputs).filter((name) =>
    Object.keys(outputs[name].inputs).some((input) => input.includes('node_modules/hls.js/')),
  );
  const inputs = {};
  for (const name of initial) {
    for (const [input, { bytesInOutput }] of Object.entries(outputs[name].inputs))
      if (bytesInOutput > 0) inputs[input] = (inputs[input] ?? 0) + bytesInOutput;
  }
  return {
    initialGzip: sum(initial),
    toPlayHls,
    hlsInInitial: hlsOutputs.some((name) => initial.has(name)),
    hlsLazyGzip: hlsOutputs.some((name) => initial.has(name)) ? 0 : sum(hlsOutputs),
    inputs,
    // Each module behind a dynamic import with the chunks it adds (shared chunks count for each).
    lazyChunks: Object.keys(outputs)
      .filter((name) => !initial.has(name) && outputs[name].entryPoint)
      .map((name) => {
        const own = [...closure(name)].filter((chunk) => !initial.has(chunk));
        return { module: outputs[name].entryPoint, gzip: sum(own), files: own.length };
      })
      .sort((a, b) => b.gzip - a.gzip),
  };
}

async function measureSizes() {
  const sizes = {};
  for (const [name, { entry, hls }] of Object.entries(SIZE_ENTRIES)) {
    const size = await measureBundle(entry);
    if (size.error) {
      sizes[name] = { entry, error: size.error };
      continue;
    }
    const analysis = await analyseBundle(entry, hls);
    if (analysis.initialGzip !== size.gzip)
      throw new Error(`${entry}: ${analysis.initialGzip} ≠ ${size.gzip} B; bundle options drifted`);
    sizes[name] = { entry, ...size, toPlayHlsGzip: analysis.toPlayHls, analysis };
  }
  const kumo = sizes[KUMO];
  if (kumo.error) throw new Error(`cannot bundle ${kumo.entry}: ${kumo.error} (run npx tsc -b first)`);
  if (kumo.analysis.hlsInInitial) throw new Error('hls.js is in the initial load of <kumo-video-player>');

  console.log(
    'Initial load (esbuild, minified, gzip -9; per file; lazy chunks not counted) and all it takes to',
  );
  console.log('play an HLS source (initial + the lazy chunks that source fetches):');
  const ratio = (value, base) => (value && base ? `${(value / base).toFixed(2)}×` : '-');
  printTable(
    ['bundle', 'bytes', 'gzip', 'lazy gzip (all)', 'to play HLS gzip', 'gzip vs kumo', 'HLS vs kumo'],
    Object.entries(sizes).map(([name, size]) =>
      size.error
        ? [name, `error: ${size.error}`, '-', '-', '-', '-', '-']
        : [
            name,
            size.bytes,
            size.gzip,
            size.lazyGzip,
            size.toPlayHlsGzip ?? 'no HLS',
            ratio(size.gzip, kumo.gzip),
            ratio(size.toPlayHlsGzip, kumo.toPlayHlsGzip),
          ],
    ),
  );
  console.log(
    'Media Chrome plays HLS through hls-video-element (not installed here), which imports hls.js statically;\n' +
      'Vidstack fetches hls.js from jsDelivr unless pointed at the npm package, as its entry here does.',
  );

  const budget = budgets['video-player']?.budget;
  const byPackage = {};
  const inputs = Object.entries(kumo.analysis.inputs).sort((a, b) => b[1] - a[1]);
  for (const [input, bytes] of inputs)
    byPackage[packageOf(input)] = (byPackage[packageOf(input)] ?? 0) + bytes;
  const minified = inputs.reduce((total, [, bytes]) => total + bytes, 0);
  const share = (bytes) => `${((100 * bytes) / minified).toFixed(1)} %`;
  console.log(
    `\n${KUMO}: ${kumo.gzip} B initial gzip (budget ${budget ?? 'none'}); hls.js is lazy: ` +
      `${kumo.analysis.hlsLazyGzip} B gzip in its own chunk. Initial load by package (minified bytes):`,
  );
  printTable(
    ['package', 'minified', 'share'],
    Object.entries(byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => [name, bytes, share(bytes)]),
  );
  console.log('\nIts lazy chunks (each with the chunks it imports statically that the initial load lacks):');
  printTable(
    ['module behind import()', 'gzip', 'files'],
    kumo.analysis.lazyChunks.map(({ module, gzip, files }) => [module, gzip, files]),
  );
  if (budget !== undefined && kumo.gzip > budget) {
    console.log(`\nOver budget by ${kumo.gzip - budget} B; largest inputs of the initial load:`);
    printTable(
      ['input', 'minified', 'share'],
      inputs.slice(0, 20).map(([input, bytes]) => [input, bytes, share(bytes)]),
    );
  }
  return { sizes, budget, kumoByPackage: byPackage };
}

/**
 * Shared by both pages: resolves with times (ms since navigation start) of `loadeddata`, of the
 * first presented frame (`requestVideoFrameCallback`) and of the master playlist's request (from
 * Resource Timing: what comes before it is the player starting up), the page's request waterfall,
 * and, when `interactive` is given, the first poll (every timer turn, ~4 ms) on which it holds.
 */
const MEASURE = `
window.measure = (video, times, interactive, timeout = 30000) => new Promise((resolve) => {
  const finish = () => {
    const entries = performance.getEntriesByType('resource');
    times.manifestRequested = entries.find((entry) => new URL(entry.name).pathname.endsWith('.m3u8'))?.startTime;
    times.waterfall = entries.map((entry) => [new URL(entry.name).pathname, Math.round(entry.startTime), Math.round(entry.responseEnd)]);
    resolve(times);
  };
  const done = () => {
    if (times.firstFrame !== undefined && (!interactive || times.interactive !== undefined)) finish();
  };
  video.addEventListener('loadeddata', () => { times.loadedData ??= performance.now(); }, { once: true });
  video.requestVideoFrameCallback((now, metadata) => {
    const presented = metadata.presentationTime;
    times.firstFrame = Number.isFinite(presented) && presented > 0 ? presented : performance.now();
    done();
  });
  if (interactive) {
    const poll = () => {
      if (interactive()) { times.interactive = performance.now(); done(); } else setTimeout(poll, 0);
    };
    poll();
  }
  setTimeout(finish, timeout);
});
`;

const PAGES = {
  kumo: (config) => `
import '@kumo/video-player/define';
${MEASURE}
const times = { created: performance.now() };
const player = document.createElement('kumo-video-player');
player.setAttribute('cloud-name', ${JSON.stringify(config.cloudName)});
player.setAttribute('api-base', ${JSON.stringify(config.apiBase)});
player.setAttribute('public-id', ${JSON.stringify(config.publicId)});
player.setAttribute('autoplay-mode', 'always');
player.setAttribute('muted', '');
player.style.width = '640px';
player.addEventListener('kumo-error', (event) => { times.error = JSON.stringify(event.detail?.error ?? 'kumo-error'); });
document.body.append(player);
await player.updateComplete;
// Ready for a click: the bar's play button is laid out and the playback runtime has the source.
const playButtonReady = () => {
  const bar = player.shadowRoot.querySelector('kumo-play-button:not([big])');
  const button = bar?.shadowRoot?.querySelector('button');
  return !!button && button.getBoundingClientRect().width > 0 && player.currentSourceId !== '';
};
window.result = await measure(player.videoElement, times, playButtonReady);
`,
  bare: (config) => `
import Hls from 'hls.js';
${MEASURE}
const times = { created: performance.now() };
const video = document.createElement('video');
video.muted = true;
video.playsInline = true;
video.controls = true;
video.preload = 'auto';
video.style.width = '640px';
document.body.append(video);
const hls = new Hls();
hls.on(Hls.Events.ERROR, (_event, data) => { if (data.fatal) times.error = data.details; });
hls.on(Hls.Events.MANIFEST_PARSED, () => { video.play().catch(() => {}); });
hls.attachMedia(video);
hls.loadSource(${JSON.stringify(config.stream)});
window.result = await measure(video, times);
`,
};

const html = (name) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>` +
  `<body><script type="module" src="/${name}/stdin.js"></script></body></html>`;

/** Serves the bundled pages on loopback (a second origin, as a site embedding the server's media). */
async function servePages(bundles) {
  const server = createServer((request, response) => {
    const match = /^\/(\w+)\/(.*)$/.exec(new URL(request.url ?? '/', 'http://page').pathname);
    const files = match && bundles[match[1]];
    const headers = { 'cache-control': 'no-store' };
    if (!files) return response.writeHead(404, headers).end('not found');
    if (match[2] === '')
      return response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(html(match[1]));
    const file = files.get(match[2]);
    if (!file) return response.writeHead(404, headers).end('not found');
    response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(file);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

/**
 * Has the server transcode the whole ladder (the master stays a short-lived partial list until every
 * rendition is done), then fetches every rendition playlist and segment once.
 */
async function warmLadder(stream) {
  const deadline = Date.now() + 120_000;
  let master;
  for (;;) {
    const response = await fetch(stream);
    if (!response.ok) throw new Error(`${stream}: HTTP ${response.status}`);
    master = await response.text();
    if (!(response.headers.get('etag') ?? '').includes('partial-')) break;
    if (Date.now() > deadline) throw new Error(`${stream}: the ladder did not finish transcoding`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const uris = (playlist) => playlist.split('\n').filter((line) => line && !line.startsWith('#'));
  const renditions = uris(master).map((uri) => new URL(uri, stream).href);
  let segments = 0;
  for (const rendition of renditions) {
    const playlist = await (await fetch(rendition)).text();
    for (const uri of uris(playlist)) {
      const response = await fetch(new URL(uri, rendition));
      if (!response.ok) throw new Error(`${uri}: HTTP ${response.status}`);
      await response.arrayBuffer();
      segments++;
    }
  }
  return { renditions: renditions.length, segments };
}

/** One fresh context (empty HTTP cache) per page; resolves with the page's times. */
async function loadPage(browser, url, name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}/${name}/`);
    await page
      .waitForFunction(() => window.result !== undefined, undefined, { timeout: 40_000, polling: 100 })
      .catch(() => {
        throw new Error(`${name} page never finished${errors.length ? `: ${errors.join('; ')}` : ''}`);
      });
    const times = await page.evaluate(() => window.result);
    if (times.firstFrame === undefined)
      throw new Error(`${name}: no video frame${times.error ? ` (${times.error})` : ''}${errors.join('; ')}`);
    return times;
  } finally {
    await context.close();
  }
}

async function measureFirstFrame(runs) {
  const { makeSyntheticVideo } = await import('../packages/server/src/render/video/synthetic-video.ts');
  const { startTestServer, TEST_CLOUD } = await import('../packages/server/src/testing/test-server.ts');
  const { uploadAsset } = await import('../packages/server/src/testing/delivery-fixtures.ts');
  const { hlsUrl } = await import('@kumo/core');

  const dir = await mkdtemp(join(tmpdir(), 'kumo-player-bench-'));
  const cleanup = [() => rm(dir, { recursive: true, force: true })];
  try {
    const source = join(dir, 'clip.mp4');
    await makeSyntheticVideo(source, { duration: 6, width: 640, height: 360 });
    const server = await startTestServer({ KUMO_CORS_ORIGINS: '*' });
    cleanup.unshift(() => server.close());
    const publicId = 'bench/clip';
    await uploadAsset(server, await readFile(source), { public_id: publicId, filename: 'clip.mp4' }, 'video');
    // The URL the element builds for its first source type, so both pages load the same stream.
    const config = { apiBase: server.url, cloudName: TEST_CLOUD, publicId };
    config.stream = hlsUrl(publicId, { cloudName: config.cloudName, baseUrl: config.apiBase });
    const warm = await warmLadder(config.stream);
    console.log(`Ladder warmed: ${warm.renditions} renditions, ${warm.segments} segments (${config.stream})`);

    const bundles = {};
    for (const [name, page] of Object.entries(PAGES)) bundles[name] = await bundlePage(name, page(config));
    const pages = await servePages(bundles);
    cleanup.unshift(pages.close);

    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    cleanup.unshift(() => browser.close());
    // One unmeasured round: the poster, storyboard and the browser's own start-up are paid here.
    for (const name of Object.keys(PAGES)) await loadPage(browser, pages.url, name);
    const samples = Object.fromEntries(Object.keys(PAGES).map((name) => [name, []]));
    for (let round = 0; round < runs; round++) {
      const names = Object.keys(PAGES);
      if (round % 2) names.reverse();
      for (const name of names) samples[name].push(await loadPage(browser, pages.url, name));
    }
    const summary = (list) => {
      const pick = (key) => list.map((times) => times[key]).filter((value) => value !== undefined);
      const of = (key) => (pick(key).length ? median(pick(key)) : null);
      return {
        runs: list.length,
        firstFrameMs: of('firstFrame'),
        loadedDataMs: of('loadedData'),
        scriptStartMs: of('created'),
        firstFrameFromScriptMs: median(list.map((times) => times.firstFrame - times.created)),
        manifestRequestedMs: of('manifestRequested'),
        interactiveMs: of('interactive'),
        // The waterfall of the last page only, to see where the time goes.
        waterfall: list.at(-1)?.waterfall,
        samples: list.map(({ waterfall: _waterfall, ...times }) => times),
      };
    };
    return { stream: config.stream, warm, kumo: summary(samples.kumo), bare: summary(samples.bare) };
  } finally {
    for (const step of cleanup) await step().catch(() => {});
  }
}

export async function run() {
  const size = await measureSizes();

  const runs = positiveInteger('KUMO_BENCH_FRAME_RUNS', 9);
  console.log(
    `\nHLS time to first frame (6 s 640×360 clip, warmed Kumo server on loopback, muted autoplay), ` +
      `headless Chromium, median of ${runs} fresh pages, ms since navigation start:`,
  );
  const frame = await measureFirstFrame(runs);
  const format = (ms) => (ms === null || ms === undefined ? '-' : ms.toFixed(1));
  printTable(
    ['page', 'script start', 'manifest requested', 'loadeddata', 'first frame', 'from script', 'play ready'],
    [
      ['<kumo-video-player>', frame.kumo, format(frame.kumo.interactiveMs)],
      ['bare <video> + hls.js (static import)', frame.bare, '-'],
    ].map(([name, result, ready]) => [
      name,
      format(result.scriptStartMs),
      format(result.manifestRequestedMs),
      format(result.loadedDataMs),
      format(result.firstFrameMs),
      format(result.firstFrameFromScriptMs),
      ready,
    ]),
  );
  const ratios = {
    firstFrameKumoVsBare: frame.kumo.firstFrameMs / frame.bare.firstFrameMs,
    firstFrameFromScriptKumoVsBare: frame.kumo.firstFrameFromScriptMs / frame.bare.firstFrameFromScriptMs,
  };
  console.log(
    `\nKumo / bare hls.js: ${ratios.firstFrameKumoVsBare.toFixed(2)}× to first frame from navigation, ` +
      `${ratios.firstFrameFromScriptKumoVsBare.toFixed(2)}× from the page script's start (the bare page's\n` +
      'script starts after hls.js is evaluated, Kumo loads it later, so the first ratio is the fair one). ' +
      'The bare\n<video> has native controls from its creation on; "play ready" is when the bar\'s play button is laid out\n' +
      'and the playback runtime has taken the source (a click acts).',
  );
  return { ...size, firstFrame: frame, ratios };
}
