import { access, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { chromium } from 'playwright-core';
import { makeTestMedia, type TestMedia } from '../../testing/video-test-media.js';
import { encodeHls } from './hls-encode.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.js': 'text/javascript',
  '.html': 'text/html',
};

/** Serves the HLS folder, hls.js and a page that plays the master playlist. */
function serve(dir: string, hlsJs: string): Promise<Server> {
  const page = `<!doctype html><video id="v" muted playsinline></video><script src="/hls.js"></script><script>
    const video = document.getElementById('v');
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_e, data) => { if (data.fatal) window.fatal = data.details; });
    hls.loadSource('/master.m3u8');
    hls.attachMedia(video);
    hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
  </script>`;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    try {
      const body =
        path === '/'
          ? page
          : path === '/hls.js'
            ? await readFile(hlsJs)
            : await readFile(join(dir, normalize(path)));
      response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('HLS playback in Chromium with hls.js', () => {
  let media: TestMedia;
  before(async () => {
    media = await makeTestMedia();
  });
  after(() => media.cleanup());

  it('plays the master playlist: currentTime advances', async (context) => {
    try {
      await access(CHROMIUM);
    } catch {
      return context.skip(`no Chromium at ${CHROMIUM}`);
    }
    const outputDir = join(media.dir, 'play');
    await encodeHls(media.landscape, [], { outputDir, preset: 'ultrafast', segmentSeconds: 2 });
    const hlsJs = createRequire(import.meta.url).resolve('hls.js/dist/hls.js');
    const server = await serve(outputDir, hlsJs);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      // Page-side code as strings: this file is type-checked without the DOM library.
      await page.waitForFunction(
        "document.getElementById('v').currentTime > 1 || 'fatal' in window",
        undefined,
        {
          timeout: 20_000,
        },
      );
      const state: { time: number; fatal?: string } = await page.evaluate(
        "({ time: document.getElementById('v').currentTime, fatal: window.fatal })",
      );
      assert.isUndefined(state.fatal);
      assert.isAbove(state.time, 1);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
