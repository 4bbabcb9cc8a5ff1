// kumo.createUploadWidget with Cloudinary's page hooks (prepareUploadParams, preBatch), the events of
// the advanced options and the completed view, and the display options that follow the queue.
import { afterEach, before, describe, it } from 'node:test';
import { sleep, waitUntil } from '@kumo/ui/testing/fixture';
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

const PRESET = 'embed-hooks-unsigned';

function recorder() {
  const calls: { error: UploadWidgetError | null; result: UploadWidgetResult | undefined }[] = [];
  const callback = (error: UploadWidgetError | null, result: UploadWidgetResult | undefined) => {
    calls.push({ error, result });
  };
  const events = () => calls.map((call) => call.result?.event ?? 'error');
  const info = (event: string) => calls.find((call) => call.result?.event === event)?.result?.info;
  return { calls, callback, events, info };
}

const unique = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;

/** The first element matching each selector in turn, descending through shadow roots. */
function deep<T extends Element = HTMLElement>(root: Element, ...selectors: string[]): T {
  let node: Element = root;
  for (const selector of selectors) {
    const found = (node.shadowRoot ?? node).querySelector(selector);
    if (!found) throw new Error(`nothing matches ${selector}`);
    node = found;
  }
  return node as T;
}

const latestElement = () => [...document.querySelectorAll('kumo-upload-widget')].at(-1);

/** Picks files in the widget's file input, as the browser's picker does. */
async function pick(files: readonly File[]): Promise<void> {
  let input: HTMLInputElement | undefined;
  await waitUntil(() => {
    try {
      input = deep<HTMLInputElement>(
        latestElement()!,
        'kumo-upload-sources',
        'kumo-upload-source-local',
        'input[type="file"]',
      );
      return true;
    } catch {
      return false;
    }
  }, 'the file input');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input!.files = transfer.files;
  input!.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('kumo.js: upload widget hooks and events', () => {
  let kumo: Kumo;
  const { apiBase, cloudName } = testServer();
  const { track, destroyAll } = widgetTracker();

  before(async () => {
    await ensureUnsignedPreset(PRESET);
    kumo = await loadKumoScript(apiBase);
  });

  afterEach(async () => {
    await destroyAll();
  });

  it('uploads with the tags prepareUploadParams answers, which the Admin API then shows', async () => {
    const { callback, events, info } = recorder();
    const tag = unique('embed_prepared');
    const asked: Record<string, string>[] = [];
    const widget = track(
      kumo.createUploadWidget(
        {
          cloudName,
          uploadPreset: PRESET,
          apiBase,
          prepareUploadParams: (cb, params) => {
            asked.push(params);
            cb({ tags: [tag], folder: 'embed-prepared' });
          },
        },
        callback,
      ),
    );
    widget.open(null, { files: [pngFile('prepared.png')] });
    await waitUntil(() => events().includes('success') || events().includes('error'), 'a result', 15_000);
    const success = info('success') as Record<string, unknown>;
    assert.deepEqual(success['tags'], [tag]);
    assert.match(String(success['public_id']), /^embed-prepared\//);
    assert.lengthOf(asked, 1);
    assert.strictEqual(asked[0]!['upload_preset'], PRESET);
    const tagged = await admin<{ resources?: unknown[] }>('GET', `/resources/image/tags/${tag}`);
    assert.lengthOf(tagged.body.resources ?? [], 1);
  });

  it('reports abort, not an error, for a file prepareUploadParams cancels, and sends nothing', async () => {
    const { callback, events, info, calls } = recorder();
    const tag = unique('embed_cancelled');
    const widget = track(
      kumo.createUploadWidget(
        {
          cloudName,
          uploadPreset: PRESET,
          apiBase,
          tags: [tag],
          prepareUploadParams: (cb) => cb({ cancel: true }),
        },
        callback,
      ),
    );
    widget.open(null, { files: [pngFile('cancelled.png')] });
    await waitUntil(() => events().includes('queues-end'), 'queues-end', 15_000);
    assert.deepInclude(info('abort') as object, { all: false });
    assert.notInclude(events(), 'success');
    assert.deepEqual(
      calls.filter((call) => call.error),
      [],
    );
    const tagged = await admin<{ resources?: unknown[] }>('GET', `/resources/image/tags/${tag}`);
    assert.lengthOf(tagged.body.resources ?? [], 0);
  });

  it('reports batch-cancelled and queues nothing when preBatch cancels, told each file', async () => {
    const { callback, events, info } = recorder();
    const seen: { name: string; size: number; type: string }[][] = [];
    const widget = track(
      kumo.createUploadWidget(
        {
          cloudName,
          uploadPreset: PRESET,
          apiBase,
          multiple: true,
          preBatch: (cb, data) => {
            seen.push([...data.files]);
            cb({ cancel: true });
          },
        },
        callback,
      ),
    );
    widget.open();
    await pick([pngFile('one.png'), pngFile('two.png')]);
    await waitUntil(() => events().includes('batch-cancelled'), 'batch-cancelled', 10_000);
    assert.deepEqual(info('batch-cancelled'), { reason: 'PREBATCH_CANCELLED' });
    assert.deepEqual(
      seen[0]!.map((file) => file.name),
      ['one.png', 'two.png'],
    );
    await sleep(100);
    assert.notInclude(events(), 'upload-added');
    assert.notInclude(events(), 'queues-start');
  });

  it('reports publicid and tags as the person types them in the advanced options', async () => {
    const { callback, info } = recorder();
    const widget = track(
      kumo.createUploadWidget(
        { cloudName, uploadPreset: PRESET, apiBase, showAdvancedOptions: true },
        callback,
      ),
    );
    widget.open();
    let advanced: HTMLElement | undefined;
    await waitUntil(() => {
      advanced = latestElement()?.shadowRoot?.querySelector<HTMLElement>('kumo-upload-advanced') ?? undefined;
      return Boolean(advanced?.shadowRoot?.querySelector('#tags'));
    }, 'the advanced options');
    const field = (id: string) => advanced!.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    field('public-id').value = 'typed-id';
    field('public-id').dispatchEvent(new Event('input'));
    field('tags').value = 'red, sale';
    field('tags').dispatchEvent(new Event('change'));
    await waitUntil(() => info('tags') !== undefined, 'tags');
    assert.deepEqual(info('publicid'), { id: 'typed-id' });
    assert.deepEqual(info('tags'), { tags: ['red', 'sale'] });
  });

  it('reports show-completed with the uploaded files when the widget shows them', async () => {
    const { callback, events, info } = recorder();
    const widget = track(kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase }, callback));
    widget.open(null, { files: [pngFile('shown.png')] });
    await waitUntil(() => events().includes('show-completed'), 'show-completed', 15_000);
    const { items } = info('show-completed') as unknown as { items: Record<string, unknown>[] };
    const success = info('success') as Record<string, unknown>;
    assert.lengthOf(items, 1);
    assert.include(items[0], { name: 'shown.png', done: true, progress: 100 });
    assert.strictEqual(
      (items[0]!['uploadInfo'] as Record<string, unknown>)['public_id'],
      success['public_id'],
    );
    assert.instanceOf(items[0]!['file'], File);
  });

  it('closes after a single upload with singleUploadAutoClose', async () => {
    const { callback, events } = recorder();
    const widget = track(
      kumo.createUploadWidget(
        { cloudName, uploadPreset: PRESET, apiBase, singleUploadAutoClose: true },
        callback,
      ),
    );
    widget.open(null, { files: [pngFile('single.png')] });
    await waitUntil(() => events().includes('close'), 'close', 15_000);
    assert.include(events(), 'success');
    assert.isFalse(widget.isShowing());
  });

  it('minimizes while uploading with autoMinimize', async () => {
    const { callback, calls, events } = recorder();
    const widget = track(
      kumo.createUploadWidget({ cloudName, uploadPreset: PRESET, apiBase, autoMinimize: true }, callback),
    );
    widget.open(null, { files: [pngFile('minimized.png')] });
    await waitUntil(() => events().includes('queues-end'), 'queues-end', 15_000);
    const states = calls
      .filter((call) => call.result?.event === 'display-changed')
      .map((call) => call.result!.info);
    assert.deepEqual(states, ['shown', 'minimized']);
    assert.isTrue(widget.isMinimized());
  });
});
