import { afterEach, describe, it } from 'node:test';
import { cleanupFixtures, fixture, sleep } from '@kumo/ui/testing/fixture';
import { assert } from 'chai';
import { html } from 'lit';
import './define.js';
import { bytesFile, expectAccessible, nextEvent, setInputFiles } from '../testing/widget-fixtures.js';
import type { KumoUploadFilesPickEvent } from './upload-source-local.events.js';
import type { KumoUploadSourceLocal } from './upload-source-local.js';

const input = (local: KumoUploadSourceLocal) => local.shadowRoot!.querySelector('input')!;
const zone = (local: KumoUploadSourceLocal) => local.shadowRoot!.querySelector<HTMLElement>('[part="zone"]')!;

function transferOf(files: readonly File[]): DataTransfer {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  return transfer;
}

describe('<kumo-upload-source-local>', () => {
  afterEach(cleanupFixtures);

  it('offers a labelled file picker behind a Browse button', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local></kumo-upload-source-local>`,
    );
    assert.strictEqual(input(local).type, 'file');
    assert.strictEqual(input(local).getAttribute('aria-label'), 'Choose files to upload');
    assert.isFalse(input(local).multiple);
    assert.include(zone(local).textContent!, 'Drag and drop a file here');
    assert.strictEqual(local.shadowRoot!.querySelector('[part="browse"]')!.textContent!.trim(), 'Browse');
  });

  it('shows the size and format limits', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local multiple .maxFileSize=${2_500_000} .formats=${['jpg', 'png']}></kumo-upload-source-local>`,
    );
    const text = zone(local).textContent!.replace(/\s+/g, ' ');
    assert.include(text, 'Drag and drop files or folders here');
    assert.include(text, 'Up to 2.5 MB per file.');
    assert.include(text, 'Allowed formats: jpg, png.');
  });

  it('reports picked files and clears the picker for the next pick', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local multiple></kumo-upload-source-local>`,
    );
    const picked = nextEvent<KumoUploadFilesPickEvent>(local, 'kumo-upload-files-pick');
    setInputFiles(input(local), [bytesFile(3, 'a.bin'), bytesFile(4, 'b.bin')]);
    const { detail } = await picked;
    assert.strictEqual(detail.method, 'picker');
    assert.deepEqual(
      detail.files.map((file) => file.name),
      ['a.bin', 'b.bin'],
    );
    assert.strictEqual(input(local).value, '');
  });

  it('takes dropped files', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local></kumo-upload-source-local>`,
    );
    await sleep(0);
    const picked = nextEvent<KumoUploadFilesPickEvent>(local, 'kumo-upload-files-pick');
    const dataTransfer = transferOf([bytesFile(5, 'dropped.bin')]);
    zone(local).dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer }));
    await local.updateComplete;
    assert.include(zone(local).textContent!, 'Drop the file to upload it');
    zone(local).dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
    const { detail } = await picked;
    assert.strictEqual(detail.method, 'drop');
    assert.strictEqual(detail.files[0]!.name, 'dropped.bin');
  });

  it('takes pasted files, and leaves pasted text alone', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local></kumo-upload-source-local>`,
    );
    await sleep(0);
    const text = new DataTransfer();
    text.setData('text/plain', 'hello');
    const textPaste = new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: text });
    zone(local).dispatchEvent(textPaste);
    assert.isFalse(textPaste.defaultPrevented);
    const picked = nextEvent<KumoUploadFilesPickEvent>(local, 'kumo-upload-files-pick');
    const paste = new ClipboardEvent('paste', {
      bubbles: true,
      cancelable: true,
      clipboardData: transferOf([bytesFile(6, 'pasted.png', 'image/png')]),
    });
    zone(local).dispatchEvent(paste);
    const { detail } = await picked;
    assert.strictEqual(detail.method, 'paste');
    assert.isTrue(paste.defaultPrevented);
  });

  it('takes nothing while disabled', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local disabled></kumo-upload-source-local>`,
    );
    let picked = 0;
    local.addEventListener('kumo-upload-files-pick', () => {
      picked += 1;
    });
    setInputFiles(input(local), [bytesFile(3, 'a.bin')]);
    await sleep(20);
    assert.strictEqual(picked, 0);
    assert.isTrue(local.shadowRoot!.querySelector<HTMLButtonElement>('[part="browse"]')!.disabled);
  });

  it('has no axe violations', async () => {
    const local = await fixture<KumoUploadSourceLocal>(
      html`<kumo-upload-source-local .maxFileSize=${1000}></kumo-upload-source-local>`,
    );
    await expectAccessible(local);
  });
});
