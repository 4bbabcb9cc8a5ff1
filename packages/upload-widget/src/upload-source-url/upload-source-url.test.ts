import { afterEach, describe, it } from 'node:test';
import { loadTranslation } from '@kumo/ui';
import { cleanupFixtures, deepActiveElement, fixture, sleep, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import '../define.js';
import { uploadStrings } from '../locales/strings.js';
import {
  admin,
  deep,
  expectAccessible,
  nextEvent,
  recordEvents,
  testServer,
  unsignedPreset,
} from '../testing/widget-fixtures.js';
import type {
  KumoUploadAddedEvent,
  KumoUploadErrorEvent,
  KumoUploadQueueEndEvent,
  KumoUploadSuccessEvent,
} from '../upload-widget/upload-widget.events.js';
import type { KumoUploadWidget } from '../upload-widget/upload-widget.js';
import type { KumoUploadUrlSubmitEvent } from './upload-source-url.events.js';
import { isFetchableUrl, type KumoUploadSourceUrl } from './upload-source-url.js';

const field = (source: KumoUploadSourceUrl) => source.shadowRoot!.querySelector('input')!;

async function submit(source: KumoUploadSourceUrl, text: string): Promise<void> {
  field(source).value = text;
  source.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
  await source.updateComplete;
}

describe('<kumo-upload-source-url>', () => {
  afterEach(cleanupFixtures);

  it('accepts http and https addresses only', () => {
    assert.isTrue(isFetchableUrl('https://example.com/a.jpg'));
    assert.isTrue(isFetchableUrl('http://127.0.0.1:3000/x'));
    assert.isFalse(isFetchableUrl('example.com/a.jpg'));
    assert.isFalse(isFetchableUrl('javascript:alert(1)'));
    assert.isFalse(isFetchableUrl(''));
  });

  it('has a labelled URL field', async () => {
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url></kumo-upload-source-url>`,
    );
    const label = source.shadowRoot!.querySelector('label')!;
    assert.strictEqual(label.htmlFor, field(source).id);
    assert.strictEqual(field(source).type, 'url');
  });

  it('submits a valid address and empties the field', async () => {
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url></kumo-upload-source-url>`,
    );
    const submitted = nextEvent<KumoUploadUrlSubmitEvent>(source, 'kumo-upload-url-submit');
    await submit(source, '  https://example.com/cat.jpg ');
    assert.strictEqual((await submitted).detail.url, 'https://example.com/cat.jpg');
    assert.strictEqual(field(source).value, '');
  });

  it('explains an invalid address in the page’s language and submits nothing', async () => {
    await loadTranslation(uploadStrings, 'fr');
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url lang="fr"></kumo-upload-source-url>`,
    );
    let submitted = 0;
    source.addEventListener('kumo-upload-url-submit', () => {
      submitted += 1;
    });
    await submit(source, 'not a url');
    await sleep(10);
    assert.strictEqual(submitted, 0);
    assert.strictEqual(field(source).getAttribute('aria-invalid'), 'true');
    assert.strictEqual(
      source.shadowRoot!.querySelector('#error')!.textContent,
      'Saisissez une adresse web complète commençant par http:// ou https://.',
    );
    assert.include(field(source).getAttribute('aria-describedby')!, 'error');
    assert.strictEqual(deepActiveElement(), field(source));
    await expectAccessible(source);
  });

  it('has no axe violations', async () => {
    const source = await fixture<KumoUploadSourceUrl>(
      html`<kumo-upload-source-url></kumo-upload-source-url>`,
    );
    await expectAccessible(source);
  });
});

/**
 * The test runner's stand-in for a remote website, on loopback (which the server refuses to fetch
 * from unless allowed, as it is for this site): `/images/tiles.png` is a 48×32 PNG; other paths 404.
 */
const remoteOrigin = () => {
  const origin = testServer().remoteOrigin;
  if (!origin) throw new Error('The test server announces no stand-in website');
  return origin;
};

describe('<kumo-upload-widget> with a web address', () => {
  afterEach(cleanupFixtures);

  async function urlWidget(multiple = false): Promise<KumoUploadWidget> {
    const server = testServer();
    const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
      mode="inline"
      sources="url"
      ?multiple=${multiple}
      api-base=${server.apiBase}
      cloud-name=${server.cloudName}
      upload-preset=${await unsignedPreset()}
    ></kumo-upload-widget>`);
    await waitUntil(
      () =>
        widget
          .shadowRoot!.querySelector('kumo-upload-sources')
          ?.shadowRoot?.querySelector('kumo-upload-source-url') != null,
      'the web address form',
      10_000,
    );
    return widget;
  }

  const sourceIn = (widget: KumoUploadWidget) =>
    deep<KumoUploadSourceUrl>(widget, 'kumo-upload-sources', 'kumo-upload-source-url');
  const rows = (widget: KumoUploadWidget) => [
    ...widget.shadowRoot!.querySelectorAll('kumo-upload-file-item'),
  ];
  const buttonNamed = (widget: KumoUploadWidget, text: string) =>
    [...widget.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === text);

  it('has the server fetch the address and stores exactly the file found there', async () => {
    const address = `${remoteOrigin()}/images/tiles.png`;
    const original = new Uint8Array(await (await fetch(address)).arrayBuffer());
    const widget = await urlWidget();
    const events = recordEvents(widget, ['kumo-upload-added', 'kumo-upload-success', 'kumo-queue-end']);
    const added = nextEvent<KumoUploadAddedEvent>(widget, 'kumo-upload-added');
    const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
    await submit(sourceIn(widget), address);
    const [file] = (await added).detail.files;
    assert.strictEqual(file?.source, 'url');
    assert.strictEqual(file?.name, 'tiles.png');
    const { info } = (await success).detail;
    assert.strictEqual(info.resource_type, 'image');
    assert.strictEqual(info.format, 'png');
    assert.strictEqual(info.width, 48);
    assert.strictEqual(info.height, 32);
    assert.strictEqual(info.bytes, original.length);
    assert.strictEqual(info.original_filename, 'tiles');
    const stored = await admin<{
      bytes: number;
      width: number;
      height: number;
      format: string;
      secure_url: string;
    }>('GET', `/resources/image/upload/${encodeURIComponent(info.public_id)}`);
    assert.strictEqual(stored.status, 200);
    assert.strictEqual(stored.body.bytes, original.length);
    assert.strictEqual(stored.body.width, 48);
    assert.strictEqual(stored.body.height, 32);
    assert.strictEqual(stored.body.format, 'png');
    const delivered = new Uint8Array(await (await fetch(info.secure_url)).arrayBuffer());
    assert.deepEqual(delivered, original, 'the server delivers the very bytes it fetched');
    assert.deepEqual(widget.value, [info.public_id]);
    await waitUntil(() => events.length === 3, 'the end of the queue', 10_000);
    assert.deepEqual(
      events.map((event) => event.type),
      ['kumo-upload-added', 'kumo-upload-success', 'kumo-queue-end'],
    );
  });

  it('shows the server’s refusal of an address that is not found, and uploads the next one', async () => {
    const missing = `${remoteOrigin()}/images/missing.png`;
    const widget = await urlWidget(true);
    const ends = recordEvents(widget, ['kumo-queue-end']) as KumoUploadQueueEndEvent[];
    const failed = nextEvent<KumoUploadErrorEvent>(widget, 'kumo-upload-error');
    await submit(sourceIn(widget), missing);
    const { error, file } = (await failed).detail;
    assert.strictEqual(error.status, 404);
    assert.strictEqual(error.message, `Resource not found - ${missing}`);
    assert.strictEqual(file.name, 'missing.png');
    await waitUntil(() => rows(widget).length === 1, 'the failed row', 10_000);
    const failedRow = rows(widget)[0]!;
    await waitUntil(
      () => failedRow.shadowRoot?.querySelector('[part="error"]') != null,
      'the error message',
      10_000,
    );
    assert.strictEqual(
      failedRow.shadowRoot!.querySelector('[part="error"]')!.textContent!.trim(),
      `Upload failed: Resource not found - ${missing}`,
    );
    assert.isEmpty(widget.uploaded);

    // The person adds another address; it uploads while the failed one keeps its message.
    buttonNamed(widget, 'Upload more')!.click();
    await widget.updateComplete;
    await waitUntil(
      () =>
        widget
          .shadowRoot!.querySelector('kumo-upload-sources')
          ?.shadowRoot?.querySelector('kumo-upload-source-url') != null,
      'the web address form again',
      10_000,
    );
    const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
    await submit(sourceIn(widget), `${remoteOrigin()}/images/tiles.png`);
    const { info } = (await success).detail;
    assert.strictEqual(info.width, 48);
    await waitUntil(() => ends.length === 2, 'the end of the second run', 10_000);
    // Each run reports its own files: the refusal in the first, the upload in the second.
    assert.deepEqual(
      ends.map(({ detail }) => detail.failed.map((file) => file.name)),
      [['missing.png'], []],
    );
    assert.deepEqual(
      ends.map(({ detail }) => detail.successful.map((file) => file.response?.public_id)),
      [[], [info.public_id]],
    );
    assert.deepEqual(widget.value, [info.public_id]);
    await waitUntil(() => rows(widget).length === 2, 'both rows', 10_000);
    const messages = rows(widget).map((row) =>
      row.shadowRoot!.querySelector('[part="error"]')?.textContent?.trim(),
    );
    assert.include(messages, `Upload failed: Resource not found - ${missing}`);
    assert.include(messages, undefined, 'the uploaded file shows no error');
  });
});
