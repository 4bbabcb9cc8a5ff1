// kumo.js as a site builder uses it: one <script> from the Kumo server, then Cloudinary-shaped calls.
// The element's code must arrive only on first use, and uploads go to the real test server.
import { afterEach, before, describe, it } from 'node:test';
import { captureWarnings, sleep, waitUntil } from '@kumo/ui/testing/fixture';
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
import type { UploadWidgetError, UploadWidgetResult } from './upload-widget-events.js';

const PRESET = 'embed-unsigned';

interface Call {
  readonly error: UploadWidgetError | null;
  readonly result: UploadWidgetResult | undefined;
}

function recorder() {
  const calls: Call[] = [];
  const callback = (error: UploadWidgetError | null, result: UploadWidgetResult | undefined) => {
    calls.push({ error, result });
  };
  const events = () => calls.map((call) => call.result?.event ?? 'error');
  const info = (event: string) => calls.find((call) => call.result?.event === event)?.result?.info;
  return { calls, callback, events, info };
}

const widgetElements = () => [...document.querySelectorAll('kumo-upload-widget')];

/** The native <dialog> inside the widget's kumo-dialog. */
const nativeDialog = (element: Element) =>
  element.shadowRoot?.querySelector('kumo-dialog')?.shadowRoot?.querySelector('dialog') ?? null;

describe('kumo.js: upload widget', () => {
  let kumo: Kumo;
  const { apiBase, cloudName } = testServer();
  const { track, destroyAll } = widgetTracker();

  before(async () => {
    await ensureUnsignedPreset(PRESET);
  });

  afterEach(async () => {
    await destroyAll({ removeThumbnails: true });
    for (const node of document.querySelectorAll('[data-test-fixture]')) node.remove();
  });

  it('loads as one small classic script that registers no element by itself', async () => {
    const text = await (await fetch(`${apiBase}/embed/kumo.js`)).text();
    assert.isBelow(text.length, 16_384, 'kumo.js stays small; elements are separate chunks');
    assert.notInclude(text, 'customElements.define', 'no element code inside kumo.js');
    kumo = await loadKumoScript(apiBase);
    assert.isFunction(kumo.createUploadWidget);
    assert.isFunction(kumo.openUploadWidget);
    assert.isFunction(kumo.applyUploadWidget);
    assert.isFunction(kumo.setCloudName);
    assert.isFunction(kumo.videoPlayer);
    assert.isUndefined(customElements.get('kumo-upload-widget'));
    assert.isUndefined(customElements.get('kumo-video-player'));
    // The test runner serves the repository, so the package's manifest is at hand.
    const manifest = (await (await fetch('/packages/embed/package.json')).json()) as { version: string };
    assert.strictEqual(kumo.version, manifest.version);
  });

  it('uploads a file through createUploadWidget and open(), answering success with the Upload API response', async () => {
    const { callback, events, info, calls } = recorder();
    const widget = track(
      kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase, tags: ['embed-test'] }, callback),
    );
    assert.isFalse(widget.isShowing());
    await waitUntil(
      () => customElements.get('kumo-upload-widget') !== undefined,
      'the element chunk',
      10_000,
    );
    assert.isUndefined(customElements.get('kumo-video-player'), 'only the chunk in use loads');

    widget.open(null, { files: [pngFile('red-dot.png')] });
    await waitUntil(
      () => events().includes('success') || events().includes('error'),
      'an upload result',
      15_000,
    );
    assert.deepEqual(
      calls.filter((call) => call.error),
      [],
      'no error',
    );
    assert.isTrue(widget.isShowing());

    const success = info('success') as Record<string, unknown>;
    assert.strictEqual(success['resource_type'], 'image');
    assert.strictEqual(success['format'], 'png');
    assert.strictEqual(success['width'], 2);
    assert.deepEqual(success['tags'], ['embed-test']);
    assert.match(String(success['secure_url']), new RegExp(`/${cloudName}/image/upload/`));
    assert.isString(success['id']);

    const added = info('upload-added') as unknown as { file: Record<string, unknown>; publicId: string };
    assert.deepInclude(added.file, {
      name: 'red-dot.png',
      type: 'image/png',
      lastModified: Date.UTC(2024, 0, 1),
    });
    assert.strictEqual(added.publicId, success['id']);

    const order = events();
    assert.isBelow(order.indexOf('display-changed'), order.indexOf('upload-added'));
    assert.isBelow(order.indexOf('upload-added'), order.indexOf('queues-start'));
    assert.isBelow(order.indexOf('queues-start'), order.indexOf('success'));
    await waitUntil(() => events().includes('queues-end'), 'queues-end', 5000);
    assert.strictEqual(info('display-changed'), 'shown');

    const stored = await admin('GET', `/resources/image/upload/${success['public_id']}`);
    assert.strictEqual(stored.status, 200, 'the server has the asset');
  });

  it('opens a modal dialog without showing the element trigger button', async () => {
    const widget = track(kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase }));
    widget.open();
    await waitUntil(
      () => widgetElements().length > 0 && nativeDialog(widgetElements().at(-1)!)?.open === true,
      'dialog',
    );
    const element = widgetElements().at(-1)!;
    const trigger = element.shadowRoot!.querySelector('[part="trigger"]') as HTMLElement | null;
    assert.isTrue(!trigger || trigger.getBoundingClientRect().height === 0, 'no visible trigger');
    assert.strictEqual(element.parentElement, document.body);
  });

  it('reports display changes, minimize, hide and show, and close with and without quiet', async () => {
    const { callback, calls, events } = recorder();
    const widget = track(kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase }, callback));
    widget.open();
    await waitUntil(() => widget.isShowing(), 'shown');
    const element = widgetElements().at(-1)!;
    // Each step waits for the native dialog to follow, as a person would between clicks.
    const dialogOpen = (open: boolean) =>
      waitUntil(() => nativeDialog(element)?.open === open, `dialog ${open}`);
    await dialogOpen(true);
    widget.minimize();
    assert.isTrue(widget.isMinimized());
    await dialogOpen(false);
    widget.show();
    await dialogOpen(true);
    assert.isFalse(widget.isMinimized());
    widget.hide();
    await dialogOpen(false);
    assert.isFalse(widget.isShowing());
    widget.open();
    await dialogOpen(true);
    widget.close({ quiet: true });
    await dialogOpen(false);
    await sleep(20);
    assert.notInclude(events(), 'close', 'hide() and close({ quiet: true }) send no close event');
    widget.open();
    await dialogOpen(true);
    widget.close();
    await waitUntil(() => events().includes('close'), 'close event');
    const states = calls
      .filter((call) => call.result?.event === 'display-changed')
      .map((call) => call.result!.info);
    assert.deepEqual(states, [
      'shown',
      'minimized',
      'expanded',
      'hidden',
      'shown',
      'hidden',
      'shown',
      'hidden',
    ]);
  });

  it('opens on the source tab given to open() and reports source-changed when the person switches', async () => {
    const { callback, info } = recorder();
    const widget = track(kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase }, callback));
    widget.open('url');
    await waitUntil(() => widget.isShowing(), 'shown');
    const element = widgetElements().at(-1)!;
    await (element as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const sources = element.shadowRoot!.querySelector('kumo-upload-sources') as HTMLElement & {
      active?: string;
      updateComplete: Promise<unknown>;
    };
    assert.strictEqual(sources.active, 'url');
    await sources.updateComplete;
    const tabs = [...sources.shadowRoot!.querySelectorAll<HTMLElement>('[role="tab"]')];
    assert.isAtLeast(tabs.length, 2);
    tabs[0]!.click();
    await waitUntil(() => info('source-changed') !== undefined, 'source-changed');
    assert.deepEqual(info('source-changed'), { source: 'local' });
  });

  it('renders inline inside inlineContainer', async () => {
    const box = document.createElement('div');
    box.id = 'inline-box';
    box.dataset['testFixture'] = '';
    document.body.append(box);
    const widget = track(
      kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase, inline_container: '#inline-box' }),
    );
    await waitUntil(() => box.querySelector('kumo-upload-widget') !== null, 'inline element');
    const element = box.querySelector('kumo-upload-widget') as HTMLElement & { mode: string };
    assert.strictEqual(element.mode, 'inline');
    assert.isTrue(widget.isShowing());
  });

  it('applyUploadWidget turns a field into a button and adds hidden inputs and thumbnails to its form', async () => {
    const form = document.createElement('form');
    form.dataset['testFixture'] = '';
    form.innerHTML = '<input type="file" name="avatar"><div id="thumbs"></div>';
    document.body.append(form);
    const { callback, events } = recorder();
    const widget = track(
      kumo.applyUploadWidget(
        form.querySelector('input')!,
        { cloudName, uploadPreset: PRESET, apiBase, thumbnails: '#thumbs', buttonCaption: 'Add a photo' },
        callback,
      ),
    );
    const button = form.querySelector('button.cloudinary-button') as HTMLButtonElement;
    assert.ok(button, 'a button replaces the field');
    assert.strictEqual(button.textContent, 'Add a photo');
    assert.isTrue(form.querySelector('input[type="file"]')!.hasAttribute('hidden'));

    button.click();
    await waitUntil(() => widget.isShowing(), 'opened by the button', 10_000);
    widget.open(null, { files: [pngFile('avatar.png')] });
    await waitUntil(() => events().includes('success'), 'success', 15_000);

    const input = form.querySelector('input[type="hidden"][name="avatar"]') as HTMLInputElement;
    assert.ok(input, 'hidden input named after the field');
    assert.match(input.value, /^image\/upload\/v\d+\/[^#]+\.png#[0-9a-f]+$/);
    const stored = JSON.parse(input.dataset['cloudinary']!) as { public_id: string };
    assert.strictEqual(input.dataset['cloudinaryPublicId'], stored.public_id);
    const thumbnail = form.querySelector(
      '#thumbs ul.cloudinary-thumbnails li.cloudinary-thumbnail img',
    ) as HTMLImageElement;
    assert.ok(thumbnail, 'thumbnail list');
    assert.include(thumbnail.src, '/image/upload/c_limit,h_60,w_90/');
    await waitUntil(
      () => thumbnail.complete && thumbnail.naturalWidth > 0,
      'the thumbnail loads from the server',
      10_000,
    );

    await widget.destroy({ removeThumbnails: true });
    assert.isNull(form.querySelector('li.cloudinary-thumbnail'));
    assert.isNull(form.querySelector('input[type="hidden"][name="avatar"]'));
  });

  it('applyUploadWidget makes any other element a keyboard-operable button', async () => {
    const opener = document.createElement('div');
    opener.dataset['testFixture'] = '';
    opener.textContent = 'Upload';
    document.body.append(opener);
    const widget = track(kumo.applyUploadWidget(opener, { cloudName, uploadPreset: PRESET, apiBase }));
    assert.strictEqual(opener.getAttribute('role'), 'button');
    assert.strictEqual(opener.tabIndex, 0);
    opener.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await waitUntil(() => widget.isShowing(), 'opened with Enter', 10_000);
  });

  it('update() changes options of the live element', async () => {
    const widget = track(kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase }));
    widget.update({ max_files: 2, multiple: true });
    widget.open();
    await waitUntil(() => widget.isShowing(), 'shown');
    const element = widgetElements().at(-1) as HTMLElement & { maxFiles?: number; multiple: boolean };
    assert.strictEqual(element.maxFiles, 2);
    assert.isTrue(element.multiple);
  });

  it('reports batch-cancelled when more files come than maxFiles allows', async () => {
    const { callback, events, info } = recorder();
    const widget = track(
      kumo.createUploadWidget(
        { cloudName, uploadPreset: PRESET, apiBase, multiple: true, maxFiles: 1 },
        callback,
      ),
    );
    widget.open(null, { files: [pngFile('a.png'), pngFile('b.png')] });
    await waitUntil(() => events().includes('batch-cancelled'), 'batch-cancelled', 10_000);
    assert.deepEqual(info('batch-cancelled'), { reason: 'MAX_EXCEEDED' });
  });

  it('passes a refused upload to the callback as {status, statusText}', async () => {
    const { calls } = recorder();
    const { callback } = {
      callback: (error: UploadWidgetError | null, result: UploadWidgetResult | undefined) =>
        calls.push({ error, result }),
    };
    const widget = track(
      kumo.createUploadWidget({ cloudName, uploadPreset: 'no-such-preset', apiBase }, callback),
    );
    widget.open(null, { files: [pngFile('refused.png')] });
    await waitUntil(() => calls.some((call) => call.error), 'an error', 15_000);
    const { error } = calls.find((call) => call.error)!;
    assert.isAtLeast(error!.status, 400);
    assert.isAtMost(error!.status, 499);
    assert.isString(error!.statusText);
    assert.isNotEmpty(error!.statusText);
  });

  it('destroy() removes the element and resolves; isDestroyed() says so', async () => {
    const widget = kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase });
    widget.open();
    await waitUntil(() => widget.isShowing(), 'shown');
    const before = widgetElements().length;
    await widget.destroy();
    assert.isTrue(widget.isDestroyed());
    assert.strictEqual(widgetElements().length, before - 1);
    assert.isFalse(widget.isShowing());
  });

  it('uses setCloudName when the options name no cloud', async () => {
    kumo.setCloudName(cloudName);
    const widget = track(kumo.createUploadWidget({ uploadPreset: PRESET, apiBase }));
    widget.open();
    await waitUntil(() => widget.isShowing(), 'shown');
    assert.strictEqual((widgetElements().at(-1) as HTMLElement & { cloudName: string }).cloudName, cloudName);
  });

  it('talks to the server kumo.js came from unless told otherwise', async () => {
    const widget = track(kumo.createUploadWidget({ cloudName, uploadPreset: PRESET }));
    widget.open();
    await waitUntil(() => widget.isShowing(), 'shown');
    assert.strictEqual(
      (widgetElements().at(-1) as HTMLElement & { apiBase: string }).apiBase,
      new URL(apiBase).origin,
    );
  });

  it('kumo.mjs offers the same API as a module, sharing the chunks kumo.js loaded', async () => {
    const module = (await import(`${apiBase}/embed/kumo.mjs`)) as {
      kumo: Kumo;
      default: Kumo;
      createUploadWidget: Kumo['createUploadWidget'];
    };
    assert.strictEqual(module.default, module.kumo);
    assert.strictEqual(module.kumo.version, kumo.version);
    assert.notStrictEqual(module.kumo, kumo, 'its own object, not the global');
    const widget = track(module.createUploadWidget({ cloudName, uploadPreset: PRESET }));
    widget.open();
    await waitUntil(() => widget.isShowing(), 'shown');
    const element = widgetElements().at(-1) as HTMLElement & { apiBase: string };
    assert.strictEqual(element.apiBase, new URL(apiBase).origin, 'defaults to the server it came from');
    assert.instanceOf(element, customElements.get('kumo-upload-widget')!, 'one registration for both');
  });

  describe('development warnings', () => {
    it('warns about unknown and unsupported options', async () => {
      const warnings = captureWarnings();
      try {
        const widget = track(
          kumo.createUploadWidget({
            cloudName,
            uploadPreset: PRESET,
            apiBase,
            maxFilez: 3,
            showPoweredBy: false,
          }),
        );
        // The options are read by the widget's chunk, once it is there.
        widget.open();
        await waitUntil(() => widget.isShowing(), 'shown');
      } finally {
        warnings.restore();
      }
      assert.isTrue(
        warnings.messages.some(
          (message) => message.includes('embed-unknown-option') && message.includes('maxFilez'),
        ),
      );
      assert.isTrue(warnings.messages.some((message) => message.includes('embed-unsupported-option')));
    });

    it('stays quiet for valid Cloudinary options', async () => {
      const warnings = captureWarnings();
      try {
        const widget = track(
          kumo.createUploadWidget({
            cloud_name: cloudName,
            upload_preset: PRESET,
            apiBase,
            sources: ['local', 'url'],
            multiple: true,
            max_file_size: 5_000_000,
            styles: { palette: { action: '#3448C5' } },
            language: 'en',
          }),
        );
        widget.open();
        await waitUntil(() => widget.isShowing(), 'shown');
      } finally {
        warnings.restore();
      }
      assert.deepEqual(
        warnings.messages.filter((message) => message.includes('[kumo]')),
        [],
      );
    });
  });
});
