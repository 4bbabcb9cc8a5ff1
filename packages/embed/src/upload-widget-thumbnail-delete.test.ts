// The `thumbnails` list's delete control: an upload that returned a `delete_token` (here through an
// unsigned preset that asks for one) gets a button that deletes the asset on the real server with
// `delete_by_token`, then removes the thumbnail and its form value and fires cloudinarywidgetdeleted.
import { afterEach, before, describe, it } from 'node:test';
import { expectNoAxeViolations } from '@kumo/ui/testing/axe';
import { waitUntil } from '@kumo/ui/testing/fixture';
import { admin } from '@kumo/ui/testing/kumo-server';
import { assert } from 'chai';
import type { Kumo } from './kumo.js';
import {
  ensureUnsignedPreset,
  loadKumoScript,
  pngFile,
  testServer,
  widgetTracker,
} from './testing/kumo-script.js';
import type { UploadWidgetResult } from './upload-widget-events.js';
import type { UploadWidget } from './upload-widget-proxy.js';

const TOKEN_PRESET = 'embed-delete-token';
const PLAIN_PRESET = 'embed-unsigned';

describe('kumo.js: thumbnails with delete tokens', () => {
  let kumo: Kumo;
  const { apiBase, cloudName } = testServer();
  const { track, destroyAll } = widgetTracker();

  before(async () => {
    const created = await admin('POST', '/upload_presets', {
      name: TOKEN_PRESET,
      unsigned: true,
      folder: 'embed-delete-token',
      return_delete_token: true,
    });
    assert.oneOf(created.status, [200, 201, 409]);
    await ensureUnsignedPreset(PLAIN_PRESET);
    kumo = await loadKumoScript(apiBase);
  });

  afterEach(async () => {
    await destroyAll({ removeThumbnails: true });
    for (const node of document.querySelectorAll('[data-test-fixture]')) node.remove();
  });

  /** A form with a thumbnails container, and a widget that uploads one PNG through `preset`. */
  async function uploadOne(preset: string) {
    const form = document.createElement('form');
    form.dataset['testFixture'] = '';
    form.innerHTML = '<div id="thumbs"></div>';
    document.body.append(form);
    const results: UploadWidgetResult[] = [];
    const widget: UploadWidget = track(
      kumo.createUploadWidget(
        { cloudName, uploadPreset: preset, apiBase, form, fieldName: 'photo', thumbnails: '#thumbs' },
        (_error, result) => {
          if (result) results.push(result);
        },
      ),
    );
    widget.open(null, { files: [pngFile('kept.png')] });
    await waitUntil(() => results.some((result) => result.event === 'success'), 'success', 15_000);
    const info = results.find((result) => result.event === 'success')!.info as {
      public_id: string;
      delete_token?: string;
    };
    widget.close({ quiet: true });
    const container = form.querySelector('#thumbs') as HTMLElement;
    const item = container.querySelector('li.cloudinary-thumbnail') as HTMLLIElement;
    assert.ok(item, 'a thumbnail');
    return { form, container, item, info };
  }

  const assetStatus = async (publicId: string) =>
    (await admin('GET', `/resources/image/upload/${encodeURIComponent(publicId)}`)).status;

  it('adds no delete button when the upload returned no delete_token', async () => {
    const { item, info } = await uploadOne(PLAIN_PRESET);
    assert.isUndefined(info.delete_token);
    assert.isNull(item.querySelector('button'));
  });

  it('adds a named delete button when the upload returned a delete_token', async () => {
    const { container, item, info } = await uploadOne(TOKEN_PRESET);
    assert.isString(info.delete_token);
    const button = item.querySelector('button') as HTMLButtonElement;
    assert.ok(button, 'a delete button');
    assert.strictEqual(button.type, 'button');
    assert.strictEqual(button.getAttribute('aria-label'), 'Delete kept');
    assert.isNull(item.querySelector('a'));
    await expectNoAxeViolations(container);
  });

  it('deletes the asset, removes the thumbnail and the form value, and fires cloudinarywidgetdeleted', async () => {
    const { form, container, item, info } = await uploadOne(TOKEN_PRESET);
    assert.strictEqual(await assetStatus(info.public_id), 200);
    assert.ok(form.querySelector('input[type="hidden"][name="photo"]'));
    const events: CustomEvent[] = [];
    // Listening on the document shows the event bubbles from the thumbnails container.
    const listener = (event: Event) => events.push(event as CustomEvent);
    document.addEventListener('cloudinarywidgetdeleted', listener);
    try {
      (item.querySelector('button') as HTMLButtonElement).click();
      await waitUntil(() => events.length > 0, 'cloudinarywidgetdeleted', 10_000);
    } finally {
      document.removeEventListener('cloudinarywidgetdeleted', listener);
    }
    assert.strictEqual(events[0]!.target, container);
    assert.strictEqual((events[0]!.detail as { public_id: string }).public_id, info.public_id);
    assert.isFalse(item.isConnected);
    assert.isNull(container.querySelector('li.cloudinary-thumbnail'));
    assert.isNull(form.querySelector('input[type="hidden"][name="photo"]'));
    assert.strictEqual(await assetStatus(info.public_id), 404);
  });

  it('keeps the thumbnail and shows the server error when the delete fails', async () => {
    const { form, item, info } = await uploadOne(TOKEN_PRESET);
    // Gone already: the token no longer matches an asset, so the server refuses it.
    const removed = await admin('DELETE', '/resources/image/upload', { public_ids: [info.public_id] });
    assert.strictEqual(removed.status, 200);
    let fired = false;
    const listener = () => {
      fired = true;
    };
    document.addEventListener('cloudinarywidgetdeleted', listener);
    try {
      const button = item.querySelector('button') as HTMLButtonElement;
      button.click();
      await waitUntil(() => item.querySelector('.cloudinary-delete-error') !== null, 'an error', 10_000);
      const message = item.querySelector('.cloudinary-delete-error') as HTMLElement;
      assert.strictEqual(message.getAttribute('role'), 'alert');
      assert.match(message.textContent ?? '', /not found/i);
      assert.isTrue(item.isConnected);
      assert.isFalse(button.disabled);
      assert.ok(form.querySelector('input[type="hidden"][name="photo"]'));
      assert.isFalse(fired);
    } finally {
      document.removeEventListener('cloudinarywidgetdeleted', listener);
    }
  });
});
