// A Vue app built with Vite (test-app/: an SFC, @vitejs/plugin-vue told about Kumo's tags through
// isKumoElement) uploads through <kumo-upload-widget> to a real Kumo server, in Chromium; and the
// GlobalComponents typings accept the app's use while rejecting deliberate misuses.
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { assert } from 'chai';
import { builtScripts, makePng, typeCheck, UploadTestApp } from '../../react/src/testing/app-harness.js';
import { isKumoElement } from './is-kumo-element.js';

const appDir = fileURLToPath(new URL('../test-app/', import.meta.url));

describe('@kumo/vue in a Vite-built Vue app', () => {
  const app = new UploadTestApp(appDir, 'vue-app-unsigned', [
    vue({ template: { compilerOptions: { isCustomElement: isKumoElement } } }),
  ]);

  before(() => app.start());
  after(() => app.close());

  it('tells Vue which tags are Kumo elements', () => {
    assert.isTrue(isKumoElement('kumo-upload-widget'));
    assert.isTrue(isKumoElement('kumo-video-player'));
    assert.isFalse(isKumoElement('my-kumo-thing'));
    assert.isFalse(isKumoElement('div'));
  });

  it("compiles the SFC's kumo- tags as elements, not as components to resolve", async () => {
    if (!app.outDir) throw new Error('setup failed');
    const code = await builtScripts(app.outDir);
    // Production builds do not warn about unresolved components: they render the tag anyway, so
    // the compiled template is where a missing isCustomElement shows.
    assert.match(code, /VNode\("kumo-upload-widget"/);
    assert.notMatch(code, /resolveComponent\("kumo-/);
  });

  it('uploads a file picked in the widget and hands the public id to @kumo-upload-success', async () => {
    // Among them Vue's "Failed to resolve component", were a tag compiled as a component.
    const { page, problems } = await app.open();
    const { publicId, resource } = await app.upload(page, {
      name: 'blue.png',
      mimeType: 'image/png',
      buffer: await makePng(6, 4),
    });
    assert.match(publicId, /^[\w/-]+$/);
    assert.strictEqual(resource.status, 200, JSON.stringify(resource.body));
    const body = resource.body as { public_id: string; width: number; height: number; tags?: string[] };
    assert.strictEqual(body.public_id, publicId);
    assert.deepEqual([body.width, body.height], [6, 4]);
    // `:tags` (an array) reached the element as a property.
    assert.deepEqual(body.tags, ['vue-app']);
    // `:max-files="3"` reached it as a number.
    assert.strictEqual(
      await page.locator('kumo-upload-widget').evaluate((el) => (el as { maxFiles?: unknown }).maxFiles),
      3,
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('type-checks the app, and every deliberate misuse in misuse.ts is a compile error', () => {
    const { status, output } = typeCheck(
      fileURLToPath(new URL('../test-app/tsconfig.json', import.meta.url)),
    );
    assert.strictEqual(status, 0, output);
  });
});
