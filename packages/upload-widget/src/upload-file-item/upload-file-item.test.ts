import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import type { QueueFile } from '../engine/upload-queue.types.js';
import { expectAccessible, nextEvent, pngFile } from '../testing/widget-fixtures.js';
import type { KumoUploadFileActionEvent } from './upload-file-item.events.js';
import type { KumoUploadFileItem } from './upload-file-item.js';

const base: QueueFile = {
  id: 'kumo-1',
  name: 'holiday.png',
  size: 3_000_000,
  type: 'image/png',
  source: 'local',
  status: 'pending',
  bytesUploaded: 0,
  bytesTotal: 3_000_000,
  percent: 0,
  speed: 0,
};

const row = (item: KumoUploadFileItem) => item.shadowRoot!;
const text = (item: KumoUploadFileItem, part: string) =>
  (row(item).querySelector(`[part="${part}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function item(file: QueueFile): Promise<KumoUploadFileItem> {
  return fixture<KumoUploadFileItem>(html`<kumo-upload-file-item .file=${file}></kumo-upload-file-item>`);
}

describe('<kumo-upload-file-item>', () => {
  afterEach(cleanupFixtures);

  it('shows name, size and a waiting status with a cancel button', async () => {
    const element = await item(base);
    assert.strictEqual(text(element, 'name'), 'holiday.png');
    assert.include(row(element).textContent!, '3 MB');
    assert.strictEqual(text(element, 'status'), 'Waiting');
    assert.strictEqual(text(element, 'cancel'), 'Cancel holiday.png');
    assert.isNull(row(element).querySelector('[part="retry"]'));
    assert.strictEqual(element.status, 'pending');
  });

  it('shows bytes, percent, speed and time left while uploading', async () => {
    const element = await item({
      ...base,
      status: 'uploading',
      bytesUploaded: 1_200_000,
      percent: 40,
      speed: 600_000,
      secondsLeft: 3,
    });
    assert.strictEqual(text(element, 'status'), 'Uploading · 1.2 MB of 3 MB · 40% · 600 kB/s · 0:03 left');
    const progress = row(element).querySelector('kumo-progress')!;
    assert.strictEqual(progress.value, 40);
    assert.strictEqual(progress.label, 'holiday.png');
  });

  it('shows the error with retry and remove buttons, and asks for them', async () => {
    const element = await item({
      ...base,
      status: 'error',
      error: { status: 400, message: 'Upload preset not found' },
    });
    assert.strictEqual(text(element, 'error'), 'Upload failed: Upload preset not found');
    const retried = nextEvent<KumoUploadFileActionEvent>(element, 'kumo-upload-file-action');
    row(element).querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    assert.deepEqual({ ...(await retried).detail }, { id: 'kumo-1', action: 'retry' });
    const removed = nextEvent<KumoUploadFileActionEvent>(element, 'kumo-upload-file-action');
    row(element).querySelector<HTMLButtonElement>('[part="remove"]')!.click();
    assert.strictEqual((await removed).detail.action, 'remove');
  });

  it('previews an image from its own bytes, and shows an icon for other files', async () => {
    const image = await pngFile(4, 4);
    const element = await item({ ...base, data: image, size: image.size });
    const preview = row(element).querySelector<HTMLImageElement>('[part="thumbnail"] img')!;
    assert.match(preview.src, /^blob:/);
    assert.strictEqual(preview.alt, '');
    const other = await item({
      ...base,
      id: 'kumo-2',
      name: 'notes.txt',
      type: 'text/plain',
      data: new Blob(['x']),
    });
    assert.isNull(row(other).querySelector('[part="thumbnail"] img'));
    assert.exists(row(other).querySelector('[part="thumbnail"] svg'));
  });

  it('says when a restored file resumes', async () => {
    const element = await item({ ...base, restored: true });
    assert.strictEqual(text(element, 'status'), 'Resuming');
  });

  it('has no axe violations in its states', async () => {
    for (const file of [
      base,
      { ...base, status: 'uploading', percent: 10, bytesUploaded: 300_000 },
      { ...base, status: 'error', error: { message: 'Network error' } },
      { ...base, status: 'done', percent: 100 },
    ] as QueueFile[]) {
      await expectAccessible(await item(file));
    }
  });
});
