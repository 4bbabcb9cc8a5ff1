// A React app built with Vite (test-app/) uploads through <KumoUploadWidget> to a real Kumo server,
// in Chromium; and the app type-checks while its deliberate misuses do not.
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assert } from 'chai';
import { builtScripts, makePng, typeCheck, UploadTestApp } from './testing/app-harness.js';

const appDir = fileURLToPath(new URL('../test-app/', import.meta.url));

describe('@kumo/react in a Vite-built React app', () => {
  const app = new UploadTestApp(appDir, 'react-app-unsigned');

  before(() => app.start());
  after(() => app.close());

  it('uploads a file picked in the widget and hands the public id to onUploadSuccess', async () => {
    const { page, problems } = await app.open();
    // The ref reaches the element itself, through both wrapper layers.
    await page.locator('#ref-tag', { hasText: 'kumo-upload-widget' }).waitFor();
    const { publicId, resource } = await app.upload(page, {
      name: 'red.png',
      mimeType: 'image/png',
      buffer: await makePng(8, 8),
    });
    assert.match(publicId, /^[\w/-]+$/);
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
    if (!app.outDir) throw new Error('setup failed');
    const code = await builtScripts(app.outDir);
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
