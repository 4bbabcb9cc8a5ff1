import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture, sleep, waitUntil } from '@kumo/ui/testing/fixture';
import { sendKeys } from '@web/test-runner-commands';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import type { QueueFile } from '../engine/upload-queue.types.js';
import { expectAccessible, nextEvent, pngFile } from '../testing/widget-fixtures.js';
import type { KumoUploadCropConfirmEvent } from './upload-crop.events.js';
import type { KumoUploadCrop } from './upload-crop.js';

async function cropFor(
  width: number,
  height: number,
  template = (file: QueueFile) =>
    html`<kumo-upload-crop .file=${file} .aspectRatios=${[1, 16 / 9]}></kumo-upload-crop>`,
): Promise<KumoUploadCrop> {
  const data = await pngFile(width, height);
  const file: QueueFile = {
    id: 'kumo-crop',
    name: data.name,
    size: data.size,
    type: data.type,
    source: 'local',
    data,
    status: 'pending',
    bytesUploaded: 0,
    bytesTotal: data.size,
    percent: 0,
    speed: 0,
  };
  const crop = await fixture<KumoUploadCrop>(template(file));
  await waitUntil(() => crop.selection !== undefined, 'the image to load', 5000);
  await crop.updateComplete;
  return crop;
}

const button = (crop: KumoUploadCrop, text: string) =>
  [...crop.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => b.textContent!.trim() === text,
  )!;

describe('<kumo-upload-crop>', () => {
  afterEach(cleanupFixtures);

  it('starts with a centred selection and a free ratio', async () => {
    const crop = await cropFor(200, 100);
    assert.deepEqual(crop.selection, { x: 20, y: 10, width: 160, height: 80 });
    assert.strictEqual(button(crop, 'Free').getAttribute('aria-pressed'), 'true');
    assert.strictEqual(
      crop.shadowRoot!.querySelector('[part="stage"]')!.getAttribute('aria-label'),
      'Crop area 160 × 80 pixels',
    );
  });

  it('starts with aspect-ratio when given', async () => {
    const crop = await cropFor(
      200,
      100,
      (file) => html`<kumo-upload-crop .file=${file} .aspectRatio=${1}></kumo-upload-crop>`,
    );
    assert.strictEqual(crop.selection!.width, crop.selection!.height);
  });

  it('reshapes the selection to a preset ratio', async () => {
    const crop = await cropFor(200, 100);
    button(crop, '1:1').click();
    await crop.updateComplete;
    assert.strictEqual(button(crop, '1:1').getAttribute('aria-pressed'), 'true');
    assert.strictEqual(crop.selection!.width, crop.selection!.height);
  });

  it('moves with the arrow keys and resizes with Shift', async () => {
    const crop = await cropFor(200, 100);
    crop.shadowRoot!.querySelector<HTMLElement>('[part="stage"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    assert.strictEqual(crop.selection!.x, 22);
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ up: 'Shift' });
    assert.isAbove(crop.selection!.width, 160);
  });

  it('hands the selection to Cropper.js once it has loaded, and follows it back', async () => {
    const crop = await cropFor(200, 100);
    await waitUntil(() => crop.engine === 'cropper', 'Cropper.js', 10_000);
    // Cropper.js fits the image into its canvas once loaded; the selection follows on the next task.
    await sleep(200);
    const selection = crop.shadowRoot!.querySelector('cropper-selection') as HTMLElement & {
      x: number;
      y: number;
      width: number;
      height: number;
      $change(x: number, y: number, width?: number, height?: number): unknown;
    };
    assert.exists(selection);
    assert.closeTo(selection.width / selection.height, 2, 0.05, 'the 160 × 80 selection');
    const scale = selection.width / 160;
    selection.$change(selection.x + 20 * scale, selection.y, selection.width, selection.height);
    await crop.updateComplete;
    assert.closeTo(crop.selection!.x, 40, 1.5, 'moved 20 image pixels to the right');
    button(crop, '1:1').click();
    await crop.updateComplete;
    assert.closeTo(selection.width, selection.height, 1.5);
  });

  it('hands over the selection, or skips', async () => {
    const crop = await cropFor(
      200,
      100,
      (file) => html`<kumo-upload-crop .file=${file} show-skip></kumo-upload-crop>`,
    );
    const confirmed = nextEvent<KumoUploadCropConfirmEvent>(crop, 'kumo-upload-crop-confirm');
    button(crop, 'Crop and upload').click();
    assert.deepEqual({ ...(await confirmed).detail.rect }, { x: 20, y: 10, width: 160, height: 80 });
    const skipped = nextEvent(crop, 'kumo-upload-crop-skip');
    button(crop, 'Upload without cropping').click();
    await skipped;
  });

  it('has no skip button unless asked', async () => {
    const crop = await cropFor(50, 50);
    assert.isUndefined(button(crop, 'Upload without cropping'));
  });

  it('has no axe violations', async () => {
    const crop = await cropFor(120, 80);
    await expectAccessible(crop);
  });
});
