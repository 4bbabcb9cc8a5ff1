import { afterEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { html, type PropertyDeclarations } from 'lit';
import { KumoElement } from '../base/kumo-element.js';
import { cleanupFixtures, fixture, uniqueTag, waitUntil } from '../testing/fixture.js';
import { DropController, type FileSource } from './drop-controller.js';
import { type DirectoryEntryLike, type DroppedFile, type EntryLike, filesFromEntry } from './file-entries.js';

class DropZone extends KumoElement {
  static override properties: PropertyDeclarations = { disabled: { type: Boolean } };
  declare disabled: boolean;
  received: Array<{ files: DroppedFile[]; source: FileSource }> = [];
  readonly drop = new DropController(this, {
    target: () => this.shadowRoot?.querySelector('.zone'),
    onFiles: (files, source) => this.received.push({ files, source }),
    disabled: () => this.disabled,
  });
  constructor() {
    super();
    this.disabled = false;
  }
  protected override render() {
    return html`<div class="zone" data-over=${this.drop.dragging ? 'yes' : 'no'}><span>Drop here</span></div>`;
  }
}
const zoneTag = uniqueTag('kumo-drop-zone');
customElements.define(zoneTag, DropZone);

async function dropZone(): Promise<{ element: DropZone; zone: HTMLElement }> {
  const element = (await fixture<HTMLDivElement>(html`<div></div>`)).appendChild(
    document.createElement(zoneTag),
  ) as DropZone;
  await element.updateComplete;
  await element.updateComplete;
  return { element, zone: element.shadowRoot!.querySelector<HTMLElement>('.zone')! };
}

function transfer(...files: File[]): DataTransfer {
  const data = new DataTransfer();
  for (const file of files) data.items.add(file);
  return data;
}

const drag = (
  target: EventTarget,
  type: string,
  dataTransfer: DataTransfer,
  relatedTarget: EventTarget | null = null,
) => {
  const event = new DragEvent(type, {
    dataTransfer,
    bubbles: true,
    cancelable: true,
    composed: true,
    relatedTarget,
  });
  target.dispatchEvent(event);
  return event;
};

describe('DropController', () => {
  afterEach(cleanupFixtures);

  describe('states', () => {
    it('is dragging while files are over the zone, and re-renders', async () => {
      const { element, zone } = await dropZone();
      assert.isFalse(element.drop.dragging);
      const data = transfer(new File(['a'], 'a.txt'));
      const enter = drag(zone, 'dragenter', data);
      assert.isTrue(enter.defaultPrevented, 'the drop is accepted');
      await element.updateComplete;
      assert.strictEqual(zone.dataset.over, 'yes');
      // Moving onto a child and back does not end the drag.
      const child = zone.querySelector('span')!;
      drag(child, 'dragenter', data);
      drag(zone, 'dragleave', data, child);
      assert.isTrue(element.drop.dragging);
      drag(child, 'dragleave', data, document.body);
      await element.updateComplete;
      assert.isFalse(element.drop.dragging);
      assert.strictEqual(zone.dataset.over, 'no');
    });

    it('lets the page handle drags that carry no files', async () => {
      const { element, zone } = await dropZone();
      const data = new DataTransfer();
      data.setData('text/plain', 'hello');
      const over = drag(zone, 'dragover', data);
      assert.isFalse(over.defaultPrevented);
      assert.isFalse(element.drop.dragging);
    });
  });

  describe('events', () => {
    it('delivers dropped files', async () => {
      const { element, zone } = await dropZone();
      const data = transfer(
        new File(['one'], 'one.txt', { type: 'text/plain' }),
        new File(['two!'], 'two.png'),
      );
      drag(zone, 'dragenter', data);
      const drop = drag(zone, 'drop', data);
      assert.isTrue(drop.defaultPrevented, 'the browser does not open the file');
      await waitUntil(() => element.received.length === 1, 'files delivered');
      const [delivery] = element.received;
      assert.strictEqual(delivery!.source, 'drop');
      assert.deepEqual(
        delivery!.files.map(({ file, relativePath }) => [file.name, file.size, relativePath]),
        [
          ['one.txt', 3, 'one.txt'],
          ['two.png', 4, 'two.png'],
        ],
      );
      assert.isFalse(element.drop.dragging);
    });

    it('delivers pasted files and leaves pasted text alone', async () => {
      const { element, zone } = await dropZone();
      const text = new DataTransfer();
      text.setData('text/plain', 'https://example.com/cat.jpg');
      const textPaste = new ClipboardEvent('paste', {
        clipboardData: text,
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      zone.dispatchEvent(textPaste);
      assert.isFalse(textPaste.defaultPrevented);
      assert.lengthOf(element.received, 0);

      const filePaste = new ClipboardEvent('paste', {
        clipboardData: transfer(new File(['png'], 'image.png', { type: 'image/png' })),
        bubbles: true,
        cancelable: true,
        composed: true,
      });
      zone.dispatchEvent(filePaste);
      assert.isTrue(filePaste.defaultPrevented);
      assert.strictEqual(element.received[0]!.source, 'paste');
      assert.strictEqual(element.received[0]!.files[0]!.file.name, 'image.png');
    });

    it('ignores drops and pastes while disabled', async () => {
      const { element, zone } = await dropZone();
      element.disabled = true;
      const data = transfer(new File(['x'], 'x.txt'));
      assert.isFalse(drag(zone, 'dragenter', data).defaultPrevented);
      assert.isFalse(drag(zone, 'drop', data).defaultPrevented);
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.lengthOf(element.received, 0);
    });

    it('stops listening when the host leaves the document', async () => {
      const { element, zone } = await dropZone();
      element.remove();
      drag(zone, 'drop', transfer(new File(['x'], 'x.txt')));
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.lengthOf(element.received, 0);
    });
  });
});

// Entries shaped like the File and Directory Entries API, as a dropped folder yields them.
function fileEntry(path: string, content: string): EntryLike {
  const name = path.split('/').pop()!;
  return {
    isFile: true,
    isDirectory: false,
    name,
    fullPath: `/${path}`,
    file: (success: (file: File) => void) => success(new File([content], name)),
  } as EntryLike;
}

function directoryEntry(path: string, children: EntryLike[], batchSize = 2): DirectoryEntryLike {
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop()!,
    fullPath: `/${path}`,
    createReader() {
      let offset = 0;
      return {
        readEntries(success: (entries: EntryLike[]) => void) {
          const batch = children.slice(offset, offset + batchSize);
          offset += batch.length;
          setTimeout(() => success(batch));
        },
      };
    },
  };
}

describe('filesFromEntry', () => {
  it('walks a dropped folder, reading every batch, with relative paths', async () => {
    const tree = directoryEntry('photos', [
      fileEntry('photos/a.jpg', 'a'),
      fileEntry('photos/b.jpg', 'bb'),
      directoryEntry('photos/2024', [fileEntry('photos/2024/c.jpg', 'ccc')]),
      fileEntry('photos/d.jpg', 'dddd'),
      directoryEntry('photos/empty', []),
    ]);
    const files = await filesFromEntry(tree);
    assert.deepEqual(
      files.map(({ file, relativePath }) => [relativePath, file.size]),
      [
        ['photos/a.jpg', 1],
        ['photos/b.jpg', 2],
        ['photos/2024/c.jpg', 3],
        ['photos/d.jpg', 4],
      ],
    );
  });

  it('skips files that cannot be read instead of failing the drop', async () => {
    const broken = {
      ...fileEntry('photos/bad.jpg', ''),
      file: (_success: unknown, failure: (error: unknown) => void) => failure(new Error('gone')),
    } as EntryLike;
    const files = await filesFromEntry(directoryEntry('photos', [broken, fileEntry('photos/ok.jpg', 'ok')]));
    assert.deepEqual(
      files.map(({ relativePath }) => relativePath),
      ['photos/ok.jpg'],
    );
  });
});
