// Cloudinary's page hooks (prepareUploadParams, preBatch), the events of the advanced options and the
// completed view, and the display options that follow the queue (singleUploadAutoClose, autoMinimize).
import { afterEach, describe, it } from 'node:test';
import type { KumoDialog } from '@kumo/ui';
import { cleanupFixtures, fixture, waitUntil } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import '../define.js';
import type { BatchFileInfo } from '../index.js';
import {
  countTagged,
  deep,
  inlineWidget,
  nextEvent,
  pngFile,
  recordEvents,
  setInputFiles,
  testServer,
  uniqueName,
  unsignedPreset,
} from '../testing/widget-fixtures.js';
import type {
  KumoUploadAbortEvent,
  KumoUploadBatchCancelledEvent,
  KumoUploadDisplayChangedEvent,
  KumoUploadQueueEndEvent,
  KumoUploadSuccessEvent,
} from './upload-widget.events.js';
import type { KumoUploadWidget } from './upload-widget.js';
import type {
  KumoUploadPublicIdChangedEvent,
  KumoUploadShowCompletedEvent,
  KumoUploadTagsChangedEvent,
} from './widget-panel.events.js';

const server = () => testServer();

async function modalWidget(
  preset: string,
  attributes: Record<string, string> = {},
): Promise<KumoUploadWidget> {
  const widget = await fixture<KumoUploadWidget>(html`<kumo-upload-widget
    api-base=${server().apiBase}
    cloud-name=${server().cloudName}
    upload-preset=${preset}
  ></kumo-upload-widget>`);
  for (const [name, value] of Object.entries(attributes)) widget.setAttribute(name, value);
  await widget.open();
  return widget;
}

const root = (widget: KumoUploadWidget) => widget.shadowRoot!;
const part = <T extends Element = HTMLElement>(widget: KumoUploadWidget, name: string) =>
  root(widget).querySelector<T>(`[part~="${name}"]`);
const fileRows = (widget: KumoUploadWidget) => [...root(widget).querySelectorAll('kumo-upload-file-item')];

async function pick(widget: KumoUploadWidget, files: readonly File[]): Promise<void> {
  setInputFiles(
    deep<HTMLInputElement>(widget, 'kumo-upload-sources', 'kumo-upload-source-local', 'input[type="file"]'),
    files,
  );
  await widget.updateComplete;
}

describe('<kumo-upload-widget> hooks', () => {
  afterEach(cleanupFixtures);

  describe('attributes and properties', () => {
    it('reads single-upload-auto-close and auto-minimize, both off by default', async () => {
      const plain = await inlineWidget({ 'upload-preset': 'never-used' });
      assert.isFalse(plain.singleUploadAutoClose);
      assert.isFalse(plain.autoMinimize);
      assert.isUndefined(plain.prepareUploadParams);
      assert.isUndefined(plain.preBatch);
      const widget = await inlineWidget({ 'single-upload-auto-close': true, 'auto-minimize': true });
      assert.isTrue(widget.singleUploadAutoClose);
      assert.isTrue(widget.autoMinimize);
      assert.include(widget.options, { singleUploadAutoClose: true, autoMinimize: true });
    });

    it('uploads with the parameters prepareUploadParams answers for each file', async () => {
      const preset = await unsignedPreset();
      const tag = uniqueName('prepared_tag');
      const asked: Record<string, string>[] = [];
      const widget = await inlineWidget(
        { 'upload-preset': preset },
        {
          prepareUploadParams: (callback, params) => {
            asked.push(params);
            callback({ tags: [tag], context: { alt: 'From the page' } });
          },
        },
      );
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await pick(widget, [await pngFile(8, 8, 'prepared.png')]);
      const { info } = (await success).detail;
      assert.lengthOf(asked, 1);
      assert.include(asked[0], { upload_preset: preset, source: 'uw' });
      assert.deepEqual(info.tags, [tag]);
      assert.strictEqual(await countTagged(tag), 1, 'the Admin API shows the tag on the asset');
    });
  });

  describe('states', () => {
    it('ends a file prepareUploadParams cancels as aborted, with nothing sent', async () => {
      const preset = await unsignedPreset();
      const tag = uniqueName('never_sent');
      const widget = await inlineWidget(
        { 'upload-preset': preset, tags: tag },
        {
          prepareUploadParams: (callback) => {
            setTimeout(() => callback({ cancel: true }), 20);
          },
        },
      );
      const events = recordEvents(widget, ['kumo-upload-abort', 'kumo-upload-error', 'kumo-upload-success']);
      const end = nextEvent<KumoUploadQueueEndEvent>(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(8, 8, 'cancelled.png')]);
      assert.deepEqual((await end).detail.failed, []);
      await widget.updateComplete;
      assert.deepEqual(
        events.map((event) => event.type),
        ['kumo-upload-abort'],
      );
      assert.deepEqual((events[0] as KumoUploadAbortEvent).detail.ids, [fileRows(widget)[0]!.file!.id]);
      await waitUntil(() => fileRows(widget)[0]?.status === 'aborted', 'the row to show aborted');
      assert.strictEqual(await countTagged(tag), 0);
    });

    it('lets a batch in when preBatch calls back without cancelling, telling it each file', async () => {
      const preset = await unsignedPreset();
      const seen: BatchFileInfo[][] = [];
      const widget = await inlineWidget(
        { 'upload-preset': preset, multiple: true },
        {
          preBatch: (callback, data) => {
            seen.push([...data.files]);
            setTimeout(() => callback(), 10);
          },
        },
      );
      const end = nextEvent<KumoUploadQueueEndEvent>(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(6, 6, 'a.png'), await pngFile(7, 7, 'b.png')]);
      assert.lengthOf((await end).detail.successful, 2);
      assert.lengthOf(seen, 1, 'asked once for the batch');
      assert.deepEqual(
        seen[0]!.map(({ name, type }) => ({ name, type })),
        [
          { name: 'a.png', type: 'image/png' },
          { name: 'b.png', type: 'image/png' },
        ],
      );
      assert.isAbove(seen[0]![0]!.size, 0);
    });
  });

  describe('events', () => {
    it('refuses the whole batch when preBatch cancels: nothing queued, kumo-batch-cancelled', async () => {
      const widget = await inlineWidget(
        { 'upload-preset': 'never-used', multiple: true },
        { preBatch: (callback) => callback({ cancel: true }) },
      );
      const events = recordEvents(widget, ['kumo-upload-added', 'kumo-queue-start']);
      const cancelled = nextEvent<KumoUploadBatchCancelledEvent>(widget, 'kumo-batch-cancelled');
      await pick(widget, [await pngFile(4, 4, 'one.png'), await pngFile(4, 4, 'two.png')]);
      assert.strictEqual((await cancelled).detail.reason, 'PREBATCH_CANCELLED');
      await widget.updateComplete;
      assert.lengthOf(fileRows(widget), 0);
      assert.deepEqual(events, []);
      assert.exists(part(widget, 'sources'), 'the sources stay');
    });

    it('reports the public id and tags the person types in the advanced options', async () => {
      const widget = await inlineWidget({ 'upload-preset': 'never-used', 'show-advanced-options': true });
      const events = recordEvents(widget, ['kumo-public-id-changed', 'kumo-tags-changed']);
      const advanced = deep(widget, 'kumo-upload-advanced');
      const field = (id: string) => advanced.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
      field('public-id').value = 'my-photo';
      field('public-id').dispatchEvent(new Event('input'));
      field('tags').value = 'red, sale';
      field('tags').dispatchEvent(new Event('change'));
      assert.deepEqual(
        events.map((event) => event.type),
        ['kumo-public-id-changed', 'kumo-tags-changed'],
        'each when it changes, not the other',
      );
      assert.strictEqual((events[0] as KumoUploadPublicIdChangedEvent).detail.id, 'my-photo');
      assert.deepEqual((events[1] as KumoUploadTagsChangedEvent).detail.tags, ['red', 'sale']);
      assert.isTrue(events[0]!.bubbles && events[0]!.composed);
    });

    it('fires kumo-show-completed with the uploaded files when it shows them', async () => {
      const preset = await unsignedPreset();
      const widget = await inlineWidget({ 'upload-preset': preset });
      const shown = nextEvent<KumoUploadShowCompletedEvent>(widget, 'kumo-show-completed');
      const success = nextEvent<KumoUploadSuccessEvent>(widget, 'kumo-upload-success');
      await pick(widget, [await pngFile(9, 9, 'done.png')]);
      const { info } = (await success).detail;
      const { detail } = await shown;
      assert.exists(part(widget, 'completed'), 'fired once the uploaded files are on screen');
      assert.lengthOf(detail.items, 1);
      assert.include(detail.items[0], { name: 'done.png', status: 'done' });
      assert.strictEqual(detail.items[0]!.response?.public_id, info.public_id);
    });
  });

  describe('display', () => {
    it('closes after a single upload with single-upload-auto-close', async () => {
      const preset = await unsignedPreset();
      const widget = await modalWidget(preset, { 'single-upload-auto-close': '' });
      const closed = nextEvent(widget, 'kumo-close');
      await pick(widget, [await pngFile(5, 5, 'single.png')]);
      await closed;
      await widget.updateComplete;
      assert.isFalse(widget.isShowing);
      assert.isFalse(part<KumoDialog>(widget, 'dialog')!.open);
      assert.lengthOf(widget.uploaded, 1);
    });

    it('stays open after uploads without the option, or when multiple', async () => {
      const preset = await unsignedPreset();
      const cases: Record<string, string>[] = [{}, { 'single-upload-auto-close': '', multiple: '' }];
      for (const attributes of cases) {
        const widget = await modalWidget(preset, attributes);
        const end = nextEvent(widget, 'kumo-queue-end');
        await pick(widget, [await pngFile(5, 5, 'kept.png')]);
        await end;
        await widget.updateComplete;
        assert.isTrue(widget.isShowing && !widget.isMinimized, JSON.stringify(attributes));
        widget.close({ quiet: true });
      }
    });

    it('minimizes to its queue bar while uploading with auto-minimize', async () => {
      const preset = await unsignedPreset();
      const widget = await modalWidget(preset, { 'auto-minimize': '' });
      const minimized = new Promise<void>((resolve) =>
        widget.addEventListener('kumo-display-changed', (event: KumoUploadDisplayChangedEvent) => {
          if (event.detail.state === 'minimized') resolve();
        }),
      );
      const end = nextEvent(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(5, 5, 'small.png')]);
      await minimized;
      await end;
      await widget.updateComplete;
      assert.isTrue(widget.isMinimized);
      assert.exists(part(widget, 'mini'), 'the queue bar shows');
      widget.close({ quiet: true });
    });

    it('does not minimize without auto-minimize', async () => {
      const preset = await unsignedPreset();
      const widget = await modalWidget(preset);
      const seen = recordEvents(widget, ['kumo-display-changed']);
      const end = nextEvent(widget, 'kumo-queue-end');
      await pick(widget, [await pngFile(5, 5, 'small.png')]);
      await end;
      assert.deepEqual(seen, []);
      widget.close({ quiet: true });
    });
  });
});
