import { afterEach, beforeEach, describe, it } from 'node:test';
import {
  announcerRegion,
  darkColors,
  flushAnnouncements,
  type KumoDialog,
  lightColors,
  loadTranslation,
  resetDevWarnings,
} from '@kumo/ui';
import {
  captureWarnings,
  cleanupFixtures,
  deepActiveElement,
  fixture,
  sleep,
  waitUntil,
} from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import '../define.js';
import { uploadStrings } from '../locales/strings.js';
import {
  bytesFile,
  countTagged,
  deep,
  expectAccessible,
  inlineWidget,
  nextEvent,
  pngFile,
  recordEvents,
  setInputFiles,
  testServer,
  uniqueName,
  unsignedPreset,
} from '../testing/widget-fixtures.js';
import type { KumoUploadDisplayChangedEvent, KumoUploadSuccessEvent } from './upload-widget.events.js';
import type { KumoUploadWidget } from './upload-widget.js';

const server = () => testServer();

const root = (widget: KumoUploadWidget) => widget.shadowRoot!;
const part = <T extends Element = HTMLElement>(widget: KumoUploadWidget, name: string) =>
  root(widget).querySelector<T>(`[part~="${name}"]`);
const title = (widget: KumoUploadWidget) => root(widget).querySelector('#title')!.textContent!.trim();
const fileInput = (widget: KumoUploadWidget) =>
  deep<HTMLInputElement>(widget, 'kumo-upload-sources', 'kumo-upload-source-local', 'input[type="file"]');
const buttonNamed = (scope: ParentNode, text: string) =>
  [...scope.querySelectorAll('button')].find((button) => button.textContent!.trim() === text);
const fileRows = (widget: KumoUploadWidget) => [...root(widget).querySelectorAll('kumo-upload-file-item')];

async function pick(widget: KumoUploadWidget, files: readonly File[]): Promise<void> {
  setInputFiles(fileInput(widget), files);
  await widget.updateComplete;
}

describe('<kumo-upload-widget>', () => {
  beforeEach(() => resetDevWarnings());
  afterEach(cleanupFixtures);

  describe('defaults', () => {
    // First in the file: each test file has a page of its own, and later tests load the other parts.
    it('registers only itself up front, and each part when it is first shown', async () => {
      const defined = (tag: string) => customElements.get(tag) !== undefined;
      assert.isTrue(defined('kumo-upload-widget'));
      const later = [
        'kumo-dialog',
        'kumo-upload-sources',
        'kumo-upload-source-local',
        'kumo-upload-source-url',
        'kumo-upload-source-camera',
        'kumo-upload-crop',
        'kumo-upload-completed',
        'kumo-upload-advanced',
        'kumo-upload-file-item',
        'kumo-progress',
      ];
      assert.deepEqual(later.filter(defined), []);
      const widget = await fixture<KumoUploadWidget>(
        html`<kumo-upload-widget mode="inline" show-advanced-options></kumo-upload-widget>`,
      );
      for (const tag of ['kumo-upload-sources', 'kumo-upload-source-local', 'kumo-upload-advanced'])
        assert.isTrue(defined(tag), `${tag}: shown at once, so loaded for the first update`);
      assert.exists(deep(widget, 'kumo-upload-advanced').shadowRoot);
      assert.exists(fileInput(widget));
      assert.isNull(part(widget, 'body')!.getAttribute('aria-busy'));
      assert.isFalse(defined('kumo-dialog'), 'an inline widget never needs the dialog');
    });

    it('is a closed modal widget with a trigger button and the Cloudinary defaults', async () => {
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
      assert.strictEqual(widget.mode, 'modal');
      assert.deepEqual(widget.sources, ['local', 'url', 'camera']);
      assert.isFalse(widget.multiple);
      assert.strictEqual(widget.resourceType, 'auto');
      assert.strictEqual(widget.valueFormat, 'public_id');
      assert.strictEqual(widget.croppingMode, 'coordinates');
      assert.isFalse(widget.isShowing);
      assert.isFalse(widget.isMinimized);
      assert.deepEqual(widget.value, []);
      assert.deepEqual(widget.uploaded, []);
      assert.strictEqual(part(widget, 'trigger')!.textContent!.trim(), 'Upload files');
      // The dialog comes with the panel's code (on first opening, or when the page is idle): closed.
      assert.isFalse(part<KumoDialog>(widget, 'dialog')?.open ?? false);
      assert.isFalse(part(widget, 'body')?.checkVisibility() ?? false);
    });
  });

  describe('attributes and properties', () => {
    it('reads list attributes into arrays', async () => {
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
        sources="url, local"
        client-allowed-formats="jpg png"
        tags="summer trip, beach"
        cropping-aspect-ratio="16/9"
        cropping-aspect-ratios="1 4/3"
        max-file-size="2000"
        max-files="3"
      ></kumo-upload-widget>`);
      assert.deepEqual(widget.sources, ['url', 'local']);
      assert.deepEqual(widget.clientAllowedFormats, ['jpg', 'png']);
      assert.deepEqual(widget.tags, ['summer trip', 'beach']);
      assert.closeTo(widget.croppingAspectRatio!, 16 / 9, 1e-9);
      assert.deepEqual(widget.croppingAspectRatios, [1, 4 / 3]);
      assert.strictEqual(widget.maxFileSize, 2000);
      assert.strictEqual(widget.maxFiles, 3);
    });

    it('shows the source tabs in the order of sources', async () => {
      const widget = await inlineWidget({ sources: 'url camera local' });
      const tabs = [...deep(widget, 'kumo-upload-sources').shadowRoot!.querySelectorAll('[role="tab"]')];
      assert.deepEqual(
        tabs.map((tab) => tab.textContent!.trim()),
        ['Web address', 'Camera', 'My files'],
      );
      assert.strictEqual(tabs[0]!.getAttribute('aria-selected'), 'true');
    });

    it('starts on default-source', async () => {
      const widget = await inlineWidget({ 'default-source': 'url' });
      assert.exists(deep(widget, 'kumo-upload-sources', 'kumo-upload-source-url'));
    });

    it('gives all options as one object and changes them with update(), snake_case included', async () => {
      const widget = await fixture<KumoUploadWidget>(
        html`<kumo-upload-widget cloud-name="demo"></kumo-upload-widget>`,
      );
      assert.strictEqual(widget.options.cloudName, 'demo');
      widget.update({ maxFileSize: 10, multiple: true });
      (widget.update as (options: Record<string, unknown>) => void)({ upload_preset: 'unsigned' });
      await widget.updateComplete;
      assert.strictEqual(widget.maxFileSize, 10);
      assert.isTrue(widget.multiple);
      assert.strictEqual(widget.uploadPreset, 'unsigned');
      assert.strictEqual(widget.options.uploadPreset, 'unsigned');
    });

    it('makes the file picker multiple and restricted to the allowed formats', async () => {
      const widget = await inlineWidget({ multiple: true, 'client-allowed-formats': 'jpg,png' });
      const input = fileInput(widget);
      assert.isTrue(input.multiple);
      assert.strictEqual(input.accept, '.jpg,.png');
    });
  });

  describe('slots', () => {
    it('opens from a slotted trigger', async () => {
      const widget = await fixture<KumoUploadWidget>(
        html`<kumo-upload-widget><button slot="trigger">Add photos</button></kumo-upload-widget>`,
      );
      assert.isNull(part(widget, 'trigger')!.offsetParent, 'the default button is replaced');
      widget.querySelector('button')!.click();
      await widget.updateComplete;
      assert.isTrue(widget.isShowing);
      assert.isTrue(part<KumoDialog>(widget, 'dialog')!.open);
    });
  });

  describe('display', () => {
    it('opens, minimizes, expands and closes the modal, reporting each change', async () => {
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
      const seen: string[] = [];
      widget.addEventListener('kumo-display-changed', (event: KumoUploadDisplayChangedEvent) =>
        seen.push(event.detail.state),
      );
      let closes = 0;
      widget.addEventListener('kumo-close', () => {
        closes += 1;
      });
      await widget.open();
      const dialog = part<KumoDialog>(widget, 'dialog')!;
      assert.isTrue(dialog.open);
      widget.minimize();
      await widget.updateComplete;
      assert.isTrue(widget.isMinimized);
      assert.isFalse(dialog.open);
      assert.exists(part(widget, 'mini'), 'the queue bar shows');
      buttonNamed(part(widget, 'mini')!, 'Show uploads')!.click();
      await widget.updateComplete;
      assert.isTrue(dialog.open);
      widget.close({ quiet: true });
      await widget.updateComplete;
      assert.isFalse(dialog.open);
      await widget.open();
      widget.close();
      await widget.updateComplete;
      assert.deepEqual(seen, ['shown', 'minimized', 'expanded', 'hidden', 'shown', 'hidden']);
      assert.strictEqual(closes, 1, 'only the loud close fires kumo-close');
    });

    it('stays open when open() follows close() or minimize() at once', async () => {
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
      const dialog = () => part<KumoDialog>(widget, 'dialog')!;
      const seen = recordEvents(widget, ['kumo-close', 'kumo-display-changed']);
      for (const away of [
        () => widget.close(),
        () => widget.close({ quiet: true }),
        () => widget.minimize(),
      ]) {
        await widget.open();
        away();
        await widget.updateComplete;
        await widget.open();
        // The native dialog reports its earlier closing in a task of its own, after the reopening.
        await sleep(50);
        assert.isTrue(widget.isShowing && !widget.isMinimized, 'still shown');
        assert.isTrue(dialog().open, 'the dialog is still open');
      }
      const states = seen.map((event) =>
        event.type === 'kumo-close' ? 'close' : (event as KumoUploadDisplayChangedEvent).detail.state,
      );
      assert.deepEqual(states, [
        'shown',
        'hidden',
        'close',
        'shown',
        'hidden',
        'shown',
        'minimized',
        'expanded',
      ]);
    });

    it('shrinks to its bar instead of closing while files upload', async () => {
      // A signature that never comes keeps the upload running for as long as the test needs.
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
        api-base=${server().apiBase}
        cloud-name=${server().cloudName}
        .uploadSignature=${() => undefined}
      ></kumo-upload-widget>`);
      part<HTMLButtonElement>(widget, 'trigger')!.focus();
      await widget.open('local', { files: [await pngFile(4, 4, 'slow.png')] });
      await waitUntil(() => fileRows(widget)[0]?.status === 'uploading', 'the upload to start');
      const minimized = nextEvent<KumoUploadDisplayChangedEvent>(widget, 'kumo-display-changed');
      await sendKeys({ press: 'Escape' });
      assert.strictEqual((await minimized).detail.state, 'minimized');
      assert.isTrue(widget.isShowing && widget.isMinimized);
      await widget.updateComplete;
      assert.include(part(widget, 'mini')!.textContent!, '0 of 1 file uploaded');
      await widget.destroy();
    });

    it('opens on the source asked for, ready when open() resolves', async () => {
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
      await widget.open('url');
      const url = deep(widget, 'kumo-upload-sources', 'kumo-upload-source-url');
      assert.exists(url.shadowRoot?.querySelector('input[type="url"]'), 'the web address field shows');
      assert.isNull(deep(widget, 'kumo-upload-sources', '[part="panel"]').getAttribute('aria-busy'));
    });

    it('renders inline in the page, shown from the start', async () => {
      const widget = await inlineWidget();
      assert.isTrue(widget.isShowing);
      assert.isNull(part(widget, 'dialog'));
      assert.isNull(part(widget, 'trigger'));
      assert.isAbove(part(widget, 'panel')!.getBoundingClientRect().height, 100);
      widget.minimize();
      await widget.updateComplete;
      assert.isTrue(part(widget, 'panel')!.hidden);
      assert.exists(part(widget, 'mini'));
      await widget.open();
      assert.isFalse(part(widget, 'panel')!.hidden);
    });
  });

  describe('languages and themes', () => {
    it('speaks French', async () => {
      await loadTranslation(uploadStrings, 'fr');
      const widget = await inlineWidget({ lang: 'fr' });
      assert.strictEqual(title(widget), 'Téléverser des fichiers');
      const local = deep(widget, 'kumo-upload-sources', 'kumo-upload-source-local');
      assert.include(local.shadowRoot!.textContent!, 'Parcourir');
    });

    it('lays Arabic out right to left', async () => {
      await loadTranslation(uploadStrings, 'ar');
      const widget = await inlineWidget({ lang: 'ar' });
      assert.strictEqual(title(widget), 'رفع ملفات');
      assert.strictEqual(getComputedStyle(part(widget, 'panel')!).direction, 'rtl');
      const sources = deep(widget, 'kumo-upload-sources');
      const tabs = [...sources.shadowRoot!.querySelectorAll('[role="tab"]')].map(
        (tab) => tab.getBoundingClientRect().left,
      );
      assert.isAbove(tabs[0]!, tabs[1]!, 'the first tab is on the right');
    });

    it('takes replacement strings from text', async () => {
      const widget = await inlineWidget();
      widget.text = { local: { browse: 'Choose photos' }, title: 'Add a picture' };
      await widget.updateComplete;
      const local = deep(widget, 'kumo-upload-sources', 'kumo-upload-source-local');
      await (local as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      assert.strictEqual(title(widget), 'Add a picture');
      assert.include(local.shadowRoot!.querySelector('[part="browse"]')!.textContent!, 'Choose photos');
    });

    it('shows replacement strings given before it connects from its first paint', async () => {
      const widget = document.createElement('kumo-upload-widget');
      Object.assign(widget, { mode: 'inline', text: { title: 'Add a picture' } });
      const titles: string[] = [];
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.append(widget);
      const observer = new MutationObserver(() => {
        const shown = widget.shadowRoot?.querySelector('#title')?.textContent?.trim();
        if (shown) titles.push(shown);
      });
      observer.observe(widget.shadowRoot!, { childList: true, subtree: true, characterData: true });
      await widget.updateComplete;
      observer.disconnect();
      assert.strictEqual(title(widget), 'Add a picture');
      assert.notInclude(titles, 'Upload files', 'the English title never showed');
    });

    it('uses the dark tokens with theme="dark"', async () => {
      const widget = await inlineWidget({ theme: 'dark' });
      const panel = getComputedStyle(part(widget, 'panel')!);
      assert.strictEqual(
        panel.getPropertyValue('--kumo-color-surface').trim(),
        darkColors['--kumo-color-surface'],
      );
      assert.notStrictEqual(darkColors['--kumo-color-surface'], lightColors['--kumo-color-surface']);
    });

    it('maps a Cloudinary palette onto its tokens, into its parts', async () => {
      const widget = await inlineWidget();
      widget.palette = { action: '#6b21a8', window: '#fffbeb' };
      await widget.updateComplete;
      assert.strictEqual(getComputedStyle(part(widget, 'panel')!).backgroundColor, 'rgb(255, 251, 235)');
      const browse = deep(widget, 'kumo-upload-sources', 'kumo-upload-source-local', '[part="browse"]');
      assert.strictEqual(getComputedStyle(browse).backgroundColor, 'rgb(107, 33, 168)');
      widget.palette = {};
      await widget.updateComplete;
      assert.strictEqual(getComputedStyle(part(widget, 'panel')!).backgroundColor, 'rgb(255, 255, 255)');
    });
  });

  describe('form association', () => {
    it('submits the uploaded public ids under its name, and resets with the form', async () => {
      const preset = await unsignedPreset();
      const form = await fixture<HTMLFormElement>(html`<form>
        <kumo-upload-widget
          mode="inline"
          name="images"
          multiple
          api-base=${server().apiBase}
          cloud-name=${server().cloudName}
          upload-preset=${preset}
        ></kumo-upload-widget>
      </form>`);
      const widget = form.querySelector('kumo-upload-widget')!;
      await widget.updateComplete;
      const end = nextEvent(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(6, 6, 'x.png'), await pngFile(7, 7, 'y.png')]);
      await end;
      const ids = new FormData(form).getAll('images');
      assert.lengthOf(ids, 2);
      assert.sameMembers(
        ids,
        widget.uploaded.map((info) => info.public_id),
      );
      assert.strictEqual(widget.form, form);
      form.reset();
      await widget.updateComplete;
      assert.deepEqual(new FormData(form).getAll('images'), []);
    });

    it('submits secure URLs with value-format="url"', async () => {
      const preset = await unsignedPreset();
      const form = await fixture<HTMLFormElement>(html`<form>
        <kumo-upload-widget
          mode="inline"
          name="image"
          value-format="url"
          api-base=${server().apiBase}
          cloud-name=${server().cloudName}
          upload-preset=${preset}
        ></kumo-upload-widget>
      </form>`);
      const widget = form.querySelector('kumo-upload-widget')!;
      await widget.updateComplete;
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await pick(widget, [await pngFile(6, 6, 'x.png')]);
      const { detail } = await success;
      await widget.updateComplete;
      assert.deepEqual(new FormData(form).getAll('image'), [detail.info.secure_url]);
    });

    it('is invalid while required and empty, with a localized message', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><kumo-upload-widget name="f" required cloud-name="demo" upload-preset="p"></kumo-upload-widget></form>`,
      );
      const widget = form.querySelector('kumo-upload-widget')!;
      await widget.updateComplete;
      assert.isTrue(widget.validity.valueMissing);
      assert.strictEqual(widget.validationMessage, 'Upload at least one file.');
      assert.isFalse(form.checkValidity());
      widget.required = false;
      await widget.updateComplete;
      assert.isTrue(form.checkValidity());
    });

    it('is disabled inside a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><fieldset disabled><kumo-upload-widget cloud-name="demo" upload-preset="p"></kumo-upload-widget></fieldset></form>`,
      );
      const widget = form.querySelector('kumo-upload-widget')!;
      await widget.updateComplete;
      assert.isTrue(part<HTMLButtonElement>(widget, 'trigger')!.disabled);
      form.querySelector('fieldset')!.disabled = false;
      await widget.updateComplete;
      assert.isFalse(part<HTMLButtonElement>(widget, 'trigger')!.disabled);
    });
  });

  describe('uploads', () => {
    it('uploads a picked file with an unsigned preset and shows its delivery thumbnail', async () => {
      const preset = await unsignedPreset();
      const widget = await inlineWidget({ 'upload-preset': preset, name: 'photos' });
      const events = recordEvents(widget, [
        'kumo-upload-added',
        'kumo-queue-start',
        'kumo-upload-success',
        'kumo-queue-end',
      ]);
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await pick(widget, [await pngFile(64, 48, 'sunset.png')]);
      const { detail } = await success;
      assert.strictEqual(detail.info.resource_type, 'image');
      assert.strictEqual(detail.info.width, 64);
      await waitUntil(() => part(widget, 'completed') !== null, 'the completed view', 10_000);
      assert.strictEqual(title(widget), 'Upload complete');
      const image = deep<HTMLImageElement>(widget, 'kumo-upload-completed', 'img');
      assert.include(image.src, `/${server().cloudName}/image/upload/c_fill,w_160,h_160/`);
      await waitUntil(() => image.complete, 'the thumbnail to load', 10_000);
      assert.isAbove(image.naturalWidth, 0, 'the thumbnail URL delivers an image');
      assert.deepEqual(widget.value, [detail.info.public_id]);
      flushAnnouncements();
      assert.strictEqual(announcerRegion('polite').textContent!.trim(), '1 file uploaded');
      assert.deepEqual(
        events.map((event) => event.type),
        ['kumo-upload-added', 'kumo-queue-start', 'kumo-upload-success', 'kumo-queue-end'],
      );
    });

    it('uploads with a signature from the signing endpoint', async () => {
      const widget = await inlineWidget({ 'upload-signature': `${server().apiBase}/api/sign` });
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await pick(widget, [await pngFile(20, 20, 'signed.png')]);
      const { detail } = await success;
      assert.strictEqual(detail.info.width, 20);
      assert.deepEqual(
        widget.uploaded.map((info) => info.public_id),
        [detail.info.public_id],
      );
    });

    it('uploads several files and lists them all when done', async () => {
      const preset = await unsignedPreset();
      const widget = await inlineWidget({ 'upload-preset': preset, multiple: true });
      const end = nextEvent<Event & { detail: { successful: unknown[] } }>(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(10, 10, 'a.png'), await pngFile(12, 12, 'b.png')]);
      assert.lengthOf((await end).detail.successful, 2);
      await waitUntil(() => part(widget, 'completed') !== null, 'the completed view');
      const completed = part(widget, 'completed')!;
      await (completed as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      assert.lengthOf(completed.shadowRoot!.querySelectorAll('[part="item"]'), 2);
      assert.strictEqual(widget.uploaded.length, 2);
      buttonNamed(root(widget), 'Upload more')!.click();
      await widget.updateComplete;
      assert.exists(part(widget, 'sources'), 'back to the sources');
    });

    it('uploads the files given to open()', async () => {
      const preset = await unsignedPreset();
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
        api-base=${server().apiBase}
        cloud-name=${server().cloudName}
        upload-preset=${preset}
      ></kumo-upload-widget>`);
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await widget.open('local', { files: [await pngFile(9, 9, 'given.png')] });
      assert.strictEqual((await success).detail.info.width, 9);
      assert.isTrue(widget.isShowing);
      widget.close({ quiet: true });
    });

    it('sends the public id and tags typed in the advanced options', async () => {
      const preset = await unsignedPreset();
      const widget = await inlineWidget({ 'upload-preset': preset, 'show-advanced-options': true });
      const publicId = uniqueName('typed');
      const advanced = deep(widget, 'kumo-upload-advanced');
      const field = (id: string) => advanced.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      field('tags').value = 'from-widget';
      field('tags').dispatchEvent(new Event('change'));
      field('public-id').value = publicId;
      field('public-id').dispatchEvent(new Event('input'));
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await pick(widget, [await pngFile(5, 5, 'named.png')]);
      const { info } = (await success).detail;
      assert.strictEqual(info.public_id, publicId);
      assert.include(info.tags, 'from-widget');
    });

    it('takes a file pasted anywhere on the page while the modal is open', async () => {
      const preset = await unsignedPreset();
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
        api-base=${server().apiBase}
        cloud-name=${server().cloudName}
        upload-preset=${preset}
      ></kumo-upload-widget>`);
      await widget.open();
      await sleep(0);
      const added = nextEvent<Event & { detail: { files: { name: string }[] } }>(widget, 'kumo-upload-added');
      const clipboardData = new DataTransfer();
      clipboardData.items.add(await pngFile(3, 3, 'pasted.png'));
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
      assert.strictEqual((await added).detail.files[0]!.name, 'pasted.png');
      await nextEvent(widget, 'kumo-queue-end');
      widget.close({ quiet: true });
    });

    it('asks the server to fetch a web address', async () => {
      const widget = await inlineWidget({ 'upload-preset': await unsignedPreset(), 'default-source': 'url' });
      const url = deep(widget, 'kumo-upload-sources', 'kumo-upload-source-url');
      const added = nextEvent<Event & { detail: { files: { source: string; remoteUrl?: string }[] } }>(
        widget,
        'kumo-upload-added',
      );
      const failed = nextEvent(widget, 'kumo-upload-error');
      const address = `${server().apiBase}/${server().cloudName}/image/upload/samples/landscape.jpg`;
      url.shadowRoot!.querySelector('input')!.value = address;
      url.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
      const [file] = (await added).detail.files;
      assert.strictEqual(file!.source, 'url');
      assert.strictEqual(file!.remoteUrl, address);
      // The test server refuses to fetch from loopback addresses; its answer reaches the person.
      await failed;
      await waitUntil(() => fileRows(widget)[0]?.status === 'error', 'the error row');
      await fileRows(widget)[0]!.updateComplete;
      assert.include(fileRows(widget)[0]!.shadowRoot!.textContent!, 'private address');
    });
  });

  describe('cropping', () => {
    async function cropStep(widget: KumoUploadWidget) {
      await pick(widget, [await pngFile(100, 50, 'wide.png')]);
      await waitUntil(() => root(widget).querySelector('kumo-upload-crop') !== null, 'the crop step');
      const crop = root(widget).querySelector('kumo-upload-crop')!;
      await waitUntil(() => crop.selection !== undefined, 'the image in the crop step', 5000);
      await crop.updateComplete;
      return crop;
    }
    const cropButton = (crop: Element, text: string) => buttonNamed(crop.shadowRoot!, text)!;

    it('crops a single image before upload, applying the crop to the pixels', async () => {
      const widget = await inlineWidget({
        'upload-preset': await unsignedPreset(),
        cropping: true,
        'cropping-mode': 'apply',
        'cropping-aspect-ratios': '1 16/9',
      });
      let started = false;
      widget.addEventListener('kumo-queue-start', () => {
        started = true;
      });
      const crop = await cropStep(widget);
      assert.strictEqual(title(widget), 'Crop the image');
      assert.isFalse(started, 'nothing uploads while the crop is pending');
      cropButton(crop, '1:1').click();
      await crop.updateComplete;
      const side = crop.selection!.width;
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      cropButton(crop, 'Crop and upload').click();
      const { info } = (await success).detail;
      assert.strictEqual(info.width, side);
      assert.strictEqual(info.height, side);
    });

    it('sends the crop as coordinates by default', async () => {
      const widget = await inlineWidget({ 'upload-preset': await unsignedPreset(), cropping: true });
      const crop = await cropStep(widget);
      const rect = { ...crop.selection! };
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      cropButton(crop, 'Crop and upload').click();
      const { file, info } = (await success).detail;
      assert.deepEqual(file.crop, { mode: 'coordinates', rect });
      assert.strictEqual(info.width, 100, 'the pixels are untouched');
    });

    it('uploads the image as it is when the person skips', async () => {
      const widget = await inlineWidget({
        'upload-preset': await unsignedPreset(),
        cropping: true,
        'show-skip-crop-button': true,
      });
      const crop = await cropStep(widget);
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      cropButton(crop, 'Upload without cropping').click();
      const { file, info } = (await success).detail;
      assert.isUndefined(file.crop);
      assert.strictEqual(info.width, 100);
    });
  });

  describe('recovery', () => {
    it('brings back unfinished uploads under the same id and finishes them', async () => {
      const id = uniqueName('recover');
      const first = await inlineWidget({ id, 'upload-preset': uniqueName('missing') });
      const failed = nextEvent(first, 'kumo-upload-error');
      await pick(first, [await pngFile(11, 11, 'unfinished.png')]);
      await failed;
      await first.destroy();
      assert.isFalse(first.isConnected);
      const preset = await unsignedPreset();
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const second = document.createElement('kumo-upload-widget');
      Object.assign(second, {
        id,
        mode: 'inline',
        apiBase: server().apiBase,
        cloudName: server().cloudName,
        uploadPreset: preset,
      });
      const restored = nextEvent<Event & { detail: { files: { name: string; restored?: boolean }[] } }>(
        second,
        'kumo-upload-restored',
      );
      const success = nextEvent<KumoUploadSuccessEvent>(second, 'kumo-upload-success');
      container.append(second);
      const { files } = (await restored).detail;
      assert.deepEqual(
        files.map((file) => [file.name, file.restored]),
        [['unfinished.png', true]],
      );
      assert.strictEqual((await success).detail.info.width, 11);
    });
  });

  describe('keyboard', () => {
    it('moves between source tabs with the arrow keys, Home and End', async () => {
      const widget = await inlineWidget();
      const sources = deep(widget, 'kumo-upload-sources');
      const tab = (name: string) => sources.shadowRoot!.querySelector<HTMLButtonElement>(`#tab-${name}`)!;
      tab('local').focus();
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => deepActiveElement() === tab('url'), 'focus on the web tab');
      assert.strictEqual(tab('url').getAttribute('aria-selected'), 'true');
      assert.exists(deep(widget, 'kumo-upload-sources', 'kumo-upload-source-url'));
      await sendKeys({ press: 'End' });
      await waitUntil(() => deepActiveElement() === tab('camera'), 'focus on the camera tab');
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => deepActiveElement() === tab('local'), 'wrapping to the first tab');
      await sendKeys({ press: 'ArrowLeft' });
      await waitUntil(() => deepActiveElement() === tab('camera'), 'back to the last tab');
    });

    it('reports the source the person chose', async () => {
      const widget = await inlineWidget();
      const changed = nextEvent<Event & { detail: { source: string } }>(widget, 'kumo-source-changed');
      deep(widget, 'kumo-upload-sources')
        .shadowRoot!.querySelector<HTMLButtonElement>('#tab-camera')!
        .click();
      assert.strictEqual((await changed).detail.source, 'camera');
    });

    it('moves focus to the title when the control it was on goes away', async () => {
      const widget = await inlineWidget({ 'upload-preset': uniqueName('missing') });
      deep(widget, 'kumo-upload-sources', 'kumo-upload-source-local', '[part="browse"]').focus();
      const failed = nextEvent(widget, 'kumo-upload-error');
      await pick(widget, [await pngFile(4, 4, 'focus.png')]);
      await failed;
      await waitUntil(
        () => deepActiveElement() === root(widget).querySelector('#title'),
        'focus on the title',
      );
    });

    it('closes the modal with Escape', async () => {
      const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
      part<HTMLButtonElement>(widget, 'trigger')!.focus();
      await widget.open();
      const closed = nextEvent(widget, 'kumo-close');
      await sendKeys({ press: 'Escape' });
      await closed;
      await widget.updateComplete;
      assert.isFalse(widget.isShowing);
      assert.isFalse(part<KumoDialog>(widget, 'dialog')!.open);
    });
  });

  describe('errors', () => {
    it('refuses a file that is too large and one of the wrong format, and sends nothing', async () => {
      const preset = await unsignedPreset();
      const tag = uniqueName('refused');
      const widget = await inlineWidget({
        'upload-preset': preset,
        multiple: true,
        'max-file-size': '1000',
        'client-allowed-formats': 'png',
        tags: tag,
      });
      const rejected = nextEvent(widget, 'kumo-upload-rejected');
      await pick(widget, [
        bytesFile(5000, 'huge.png', 'image/png'),
        bytesFile(10, 'notes.txt', 'text/plain'),
      ]);
      await rejected;
      await widget.updateComplete;
      const notices = part(widget, 'notices')!.textContent!;
      assert.include(notices, '“huge.png” was not added: it is larger than 1 kB.');
      assert.include(notices, '“notes.txt” was not added: only these formats are allowed: png.');
      assert.lengthOf(fileRows(widget), 0, 'nothing was queued');
      await sleep(300);
      assert.strictEqual(await countTagged(tag, 'image'), 0);
      assert.strictEqual(await countTagged(tag, 'raw'), 0);
    });

    it('tells screen readers at once why files were refused', async () => {
      const widget = await inlineWidget({ 'upload-preset': 'p', 'client-allowed-formats': 'jpg' });
      const rejected = nextEvent(widget, 'kumo-upload-rejected');
      await pick(widget, [bytesFile(10, 'song.mp3', 'audio/mpeg')]);
      await rejected;
      flushAnnouncements();
      assert.strictEqual(
        announcerRegion('assertive').textContent!.trim(),
        '“song.mp3” was not added: only these formats are allowed: jpg.',
      );
    });

    it('keeps the queue when more files arrive than allowed', async () => {
      const widget = await inlineWidget({ 'upload-preset': 'never-used', 'max-files': '1', multiple: true });
      const cancelled = nextEvent(widget, 'kumo-batch-cancelled');
      await pick(widget, [await pngFile(4, 4, 'one.png'), await pngFile(4, 4, 'two.png')]);
      assert.strictEqual(
        ((await cancelled) as Event & { detail: { reason: string } }).detail.reason,
        'MAX_EXCEEDED',
      );
      await waitUntil(() => fileRows(widget).length === 1, 'the first file to stay queued');
      assert.include(
        part(widget, 'notices')!.textContent!,
        '“two.png” was not added: only 1 file can be uploaded.',
      );
    });

    it('shows a failed upload with its error, and uploads it when retried', async () => {
      const widget = await inlineWidget({ 'upload-preset': uniqueName('missing') });
      const failed = nextEvent(widget, 'kumo-upload-error');
      await pick(widget, [await pngFile(8, 8, 'retry.png')]);
      await failed;
      await waitUntil(() => fileRows(widget)[0]?.status === 'error', 'the error row');
      const row = fileRows(widget)[0]!;
      await row.updateComplete;
      assert.match(row.shadowRoot!.querySelector('[part="error"]')!.textContent!, /^Upload failed: /);
      assert.match(title(widget), /1 upload failed/);
      widget.uploadPreset = await unsignedPreset();
      await widget.updateComplete;
      const success = nextEvent(widget, 'kumo-upload-success');
      const retried = nextEvent(widget, 'kumo-upload-retry');
      row.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
      assert.isFalse(((await retried) as Event & { detail: { all: boolean } }).detail.all);
      await success;
      assert.lengthOf(widget.value, 1);
    });
    it('retries every failed file from the footer', async () => {
      const widget = await inlineWidget({ 'upload-preset': uniqueName('missing'), multiple: true });
      const end = nextEvent(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(4, 4, 'one.png'), await pngFile(5, 5, 'two.png')]);
      await end;
      await widget.updateComplete;
      assert.match(title(widget), /2 uploads failed/);
      widget.uploadPreset = await unsignedPreset();
      await widget.updateComplete;
      const retried = nextEvent<Event & { detail: { ids: string[]; all: boolean } }>(
        widget,
        'kumo-upload-retry',
      );
      const done = nextEvent<Event & { detail: { successful: unknown[] } }>(widget, 'kumo-queue-end');
      buttonNamed(root(widget), 'Retry failed')!.click();
      const { detail } = await retried;
      assert.isTrue(detail.all);
      assert.lengthOf(detail.ids, 2);
      assert.lengthOf((await done).detail.successful, 2);
    });

    it('cancels every running upload from the footer', async () => {
      const widget = await inlineWidget({ multiple: true });
      widget.uploadSignature = () => undefined;
      await widget.updateComplete;
      await pick(widget, [await pngFile(4, 4, 'one.png'), await pngFile(5, 5, 'two.png')]);
      await waitUntil(() => buttonNamed(root(widget), 'Cancel all') !== undefined, 'the cancel-all button');
      const aborted = nextEvent<Event & { detail: { ids: string[]; all: boolean } }>(
        widget,
        'kumo-upload-abort',
      );
      buttonNamed(root(widget), 'Cancel all')!.click();
      const { detail } = await aborted;
      assert.isTrue(detail.all);
      assert.lengthOf(detail.ids, 2);
      await waitUntil(() => fileRows(widget).every((row) => row.status === 'aborted'), 'both rows canceled');
      await widget.destroy();
    });
  });

  describe('accessibility', () => {
    it('has no axe violations inline', async () => {
      const widget = await inlineWidget({ 'upload-preset': 'p' });
      await expectAccessible(widget);
    });

    it('has no axe violations as an open modal', async () => {
      const widget = await fixture<KumoUploadWidget>(
        html`<kumo-upload-widget cloud-name="demo" upload-preset="p" show-advanced-options></kumo-upload-widget>`,
      );
      await widget.open();
      await expectAccessible(widget);
    });

    it('has no axe violations with an error shown', async () => {
      const widget = await inlineWidget({
        'upload-preset': uniqueName('missing'),
        'max-file-size': '5000',
        multiple: true,
      });
      const failed = nextEvent(widget, 'kumo-upload-error');
      await pick(widget, [await pngFile(8, 8, 'bad.png'), bytesFile(9000, 'big.png', 'image/png')]);
      await failed;
      assert.exists(part(widget, 'notices'), 'the refusal is shown too');
      await waitUntil(() => fileRows(widget)[0]?.status === 'error', 'the error row');
      await fileRows(widget)[0]!.updateComplete;
      await expectAccessible(widget);
    });
  });

  describe('development warnings', () => {
    it('names a missing cloud name, missing credentials and unknown sources', async () => {
      const warnings = captureWarnings();
      try {
        await fixture(html`<kumo-upload-widget sources="local dropbox"></kumo-upload-widget>`);
      } finally {
        warnings.restore();
      }
      const text = warnings.messages.join('\n');
      assert.include(text, 'upload-widget-missing-cloud-name');
      assert.include(text, 'upload-widget-missing-credentials');
      assert.include(text, 'upload-widget-unknown-source');
      assert.include(text, '"dropbox"');
    });

    it('stays quiet when configured', async () => {
      const warnings = captureWarnings();
      try {
        await fixture(
          html`<kumo-upload-widget cloud-name="demo" upload-signature="/api/sign" sources="url local"></kumo-upload-widget>`,
        );
      } finally {
        warnings.restore();
      }
      assert.deepEqual(
        warnings.messages.filter((message) => message.includes('upload-widget')),
        [],
      );
    });
  });
});
