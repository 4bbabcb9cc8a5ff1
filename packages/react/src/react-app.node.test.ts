// A React app built with Vite (test-app/) uploads through <KumoUploadWidget> to a real Kumo server,
// in Chromium; and the app type-checks while its deliberate misuses do not.
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert } from 'chai';
import type { Browser } from 'playwright-core';
import {
  buildApp,
  builtScripts,
  type KumoForApps,
  launchChromium,
  makePng,
  removeDir,
  type StaticServer,
  serveStatic,
  startKumo,
  typeCheck,
  watchForProblems,
} from './testing/app-harness.js';

const appDir = fileURLToPath(new URL('../test-app/', import.meta.url));
const PRESET = 'react-app-unsigned';

describe('@kumo/react in a Vite-built React app', () => {
  let kumo: KumoForApps | undefined;
  let outDir: string | undefined;
  let site: StaticServer | undefined;
  let browser: Browser | undefined;

  before(async () => {
    kumo = await startKumo();
    const preset = await kumo.admin('POST', '/upload_presets', { name: PRESET, unsigned: true });
    assert.strictEqual(preset.status, 200, JSON.stringify(preset.body));
    outDir = await buildApp(appDir);
    site = await serveStatic(outDir);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    await kumo?.server.close();
    await removeDir(outDir);
  });

  it('uploads a file picked in the widget and hands the public id to onUploadSuccess', async () => {
    if (!kumo || !site || !browser) throw new Error('setup failed');
    const page = await browser.newPage();
    const problems = watchForProblems(page);
    const query = new URLSearchParams({
      apiBase: kumo.server.url,
      cloudName: kumo.cloudName,
      uploadPreset: PRESET,
    });
    await page.goto(`${site.url}?${query}`);

    // The ref reaches the element itself, through both wrapper layers.
    await page.locator('#ref-tag', { hasText: 'kumo-upload-widget' }).waitFor();
    // The widget's own <input type=file>, inside its shadow root (Playwright's CSS pierces open ones).
    await page
      .locator('kumo-upload-widget input[type=file]')
      .first()
      .setInputFiles({ name: 'red.png', mimeType: 'image/png', buffer: await makePng(8, 8) });

    const ids = page.locator('#public-ids');
    await ids.filter({ hasText: /\S/ }).waitFor({ timeout: 20_000 });
    const publicId = (await ids.textContent())?.trim() ?? '';
    assert.match(publicId, /^[\w/-]+$/);

    const resource = await kumo.admin('GET', `/resources/image/upload/${publicId}`);
    assert.strictEqual(resource.status, 200, JSON.stringify(resource.body));
    const body = resource.body as { public_id: string; width: number; tags?: string[] };
    assert.strictEqual(body.public_id, publicId);
    assert.strictEqual(body.width, 8);
    // The array prop reached the element as a property (an attribute would have been a string).
    assert.deepEqual(body.tags, ['react-app']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('leaves the video player out of an app that only uses the upload widget', async () => {
    if (!outDir) throw new Error('setup failed');
    const code = await builtScripts(outDir);
    assert.include(code, '"kumo-upload-widget"');
    assert.notInclude(code, 'kumo-video-player');
  });

  it('type-checks the app, and every deliberate misuse in misuse.tsx is a compile error', () => {
    const { status, output } = typeCheck(
      fileURLToPath(new URL('../test-app/tsconfig.json', import.meta.url)),
    );
    assert.strictEqual(status, 0, output);
  });
});
