// End-to-end: builds the studio, serves it with `vite preview` and drives the playground in Chromium.
// Expected URLs come from the official `cloudinary` SDK, never from Kumo itself.
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import cloudinary from 'cloudinary';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, StudioServer } from './testing/studio-harness.js';

const sdkUrl = (transformation: object[]) =>
  cloudinary.v2.url('sample', { cloud_name: 'demo', secure: true, urlAnalytics: false, transformation });

describe('studio transformation playground', () => {
  let studio: StudioServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    studio = await StudioServer.start();
    browser = await launchChromium();
    page = await browser.newPage();
    await page.goto(`${studio.origin}/playground/`);
  });

  after(async () => {
    await browser?.close();
    await studio?.close();
  });

  it('shows the delivery URL and canonical form of a typed transformation', async () => {
    await page.getByLabel('Public id').fill('sample');
    await page.getByLabel('Cloud name').fill('demo');
    await page.getByLabel('Transformation').fill('');
    await page.getByLabel('Transformation').pressSequentially('c_fill,w_400,h_300/q_auto');

    const expected = sdkUrl([{ crop: 'fill', width: 400, height: 300 }, { quality: 'auto' }]);
    assert.strictEqual(await page.locator('#delivery-url').textContent(), expected);
    assert.strictEqual(await page.locator('#delivery-url').getAttribute('href'), expected);
    // The SDK orders parameters canonically too, so its transformation path is the canonical form.
    const canonical = expected.split('/image/upload/')[1]?.replace(/\/sample$/, '');
    assert.strictEqual(await page.locator('#canonical').textContent(), canonical);
    assert.strictEqual(await page.locator('#transformation-error').textContent(), '');
    assert.strictEqual(await page.getByLabel('Transformation').getAttribute('aria-invalid'), 'false');
  });

  it('shows the model of the transformation as JSON', async () => {
    await page.getByLabel('Transformation').fill('c_fill,w_400/q_auto');
    const model = JSON.parse((await page.locator('#model').textContent()) ?? 'null');
    assert.isArray(model);
    assert.lengthOf(model, 2);
    assert.strictEqual(model[0].crop, 'fill');
    assert.strictEqual(model[0].width, 400);
    assert.strictEqual(model[1].quality, 'auto');
  });

  it('announces a malformed transformation with its position and clears the URL', async () => {
    const text = 'c_fill,,w_100';
    await page.getByLabel('Transformation').fill(text);

    const errorBox = page.locator('#transformation-error');
    assert.strictEqual(await errorBox.getAttribute('aria-live'), 'polite');
    const message = (await errorBox.locator('p').textContent()) ?? '';
    assert.isNotEmpty(message.trim());
    // The caret sits under the empty parameter between the two commas (offset 7).
    assert.strictEqual(await errorBox.locator('pre').textContent(), `${text}\n${' '.repeat(7)}^`);
    assert.strictEqual(await page.getByLabel('Transformation').getAttribute('aria-invalid'), 'true');
    assert.strictEqual(await page.locator('#delivery-url').textContent(), '—');
    assert.isTrue(await page.locator('#copy-url').isDisabled());
  });

  it('keeps the inputs in the address so a view can be shared', async () => {
    await page.getByLabel('Transformation').fill('e_sepia');
    await page.reload();
    assert.strictEqual(await page.getByLabel('Transformation').inputValue(), 'e_sepia');
    assert.strictEqual(await page.locator('#delivery-url').textContent(), sdkUrl([{ effect: 'sepia' }]));
  });
});
