/**
 * HLS playback end to end: headless Chromium (the system's `/usr/bin/chromium`, driven by
 * playwright-core) loads a tiny page that plays Kumo's `sp_auto` stream with hls.js from
 * node_modules, and the video's currentTime must advance. The page is served by a small HTTP server
 * of this test on another loopback port, so the stream is also loaded cross-origin, as on a real site.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import { chromium } from 'playwright-core';
import { makeSyntheticVideo } from '../render/video/index.js';
import { uploadAsset } from '../testing/delivery-fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const require = createRequire(import.meta.url);
const HLS_JS = require.resolve('hls.js/dist/hls.min.js');

describe('delivery: HLS playback in Chromium with hls.js', () => {
  let server: TestServer;
  let page: http.Server;
  let pageUrl: string;
  let dir: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-hls-'));
    const source = path.join(dir, 'clip.mp4');
    await makeSyntheticVideo(source, { duration: 12, width: 640, height: 360 });
    server = await startTestServer();
    const uploaded = await uploadAsset(
      server,
      await fs.readFile(source),
      { public_id: 'play/clip', filename: 'c.mp4' },
      'video',
    );
    const stream = `${server.url}/demo/video/upload/sp_auto/v${uploaded.version}/play/clip.m3u8`;
    const script = await fs.readFile(HLS_JS);
    const html = `<!doctype html><video id="v" muted playsinline></video>
<script src="/hls.js"></script>
<script>
  const video = document.getElementById('v');
  window.errors = [];
  const hls = new Hls();
  hls.on(Hls.Events.ERROR, (_event, data) => { if (data.fatal) window.errors.push(data.details); });
  hls.loadSource(${JSON.stringify(stream)});
  hls.attachMedia(video);
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play());
</script>`;
    page = http.createServer((request, response) => {
      if (request.url === '/hls.js')
        response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    });
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await server.close();
    page.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('plays the stream: currentTime advances', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
    try {
      const tab = await browser.newPage();
      await tab.goto(pageUrl);
      await tab.waitForFunction(
        () => {
          const video = document.getElementById('v') as HTMLVideoElement;
          return video.currentTime > 1.5 || (window as unknown as { errors: string[] }).errors.length > 0;
        },
        undefined,
        { timeout: 45_000 },
      );
      const state = await tab.evaluate(() => ({
        time: (document.getElementById('v') as HTMLVideoElement).currentTime,
        errors: (window as unknown as { errors: string[] }).errors,
      }));
      assert.deepEqual(state.errors, []);
      assert.isAbove(state.time, 1.5);
    } finally {
      await browser.close();
    }
  });
});
