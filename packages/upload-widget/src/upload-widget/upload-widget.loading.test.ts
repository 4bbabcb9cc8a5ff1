import { afterEach, describe, it } from 'node:test';
import type { KumoDialog } from '@kumo/ui';
import { cleanupFixtures, fixture, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import '../define.js';
import { deep } from '../testing/widget-fixtures.js';
import type { KumoUploadWidget } from './upload-widget.js';

const defined = (tag: string) => customElements.get(tag) !== undefined;
const body = (widget: KumoUploadWidget) => widget.shadowRoot!.querySelector<HTMLElement>('[part="body"]');
const bodyShows = (widget: KumoUploadWidget) => body(widget)?.checkVisibility() ?? false;
const dialogOpen = (widget: KumoUploadWidget) =>
  widget.shadowRoot!.querySelector<KumoDialog>('kumo-dialog')?.open ?? false;

// A page of its own: nothing here has been opened before these tests, in this order.
describe('<kumo-upload-widget> in modal mode, loading its parts', () => {
  afterEach(cleanupFixtures);

  it('shows nothing of the closed dialog, before or after its code arrives', async () => {
    const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
    assert.isFalse(bodyShows(widget), 'closed, before or after the page was idle');
    await waitUntil(() => defined('kumo-dialog'), 'the dialog to be fetched', 6000);
    await widget.updateComplete;
    assert.isFalse(bodyShows(widget));
  });

  it('fetches the dialog and the source tabs when the page is idle, without opening', async () => {
    const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
    await waitUntil(
      () => defined('kumo-dialog') && defined('kumo-upload-sources') && defined('kumo-upload-source-local'),
      'the dialog and source tabs',
      6000,
    );
    assert.isFalse(widget.isShowing);
    assert.isFalse(dialogOpen(widget));
    assert.isFalse(defined('kumo-upload-file-item'), 'the queue still waits for files');
  });

  it('opens with the dialog and the local source ready once open() settles', async () => {
    const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget></kumo-upload-widget>`);
    await widget.open();
    assert.isTrue(dialogOpen(widget));
    assert.isTrue(bodyShows(widget));
    const input = deep<HTMLInputElement>(
      widget,
      'kumo-upload-sources',
      'kumo-upload-source-local',
      'input[type="file"]',
    );
    assert.exists(input);
  });
});
