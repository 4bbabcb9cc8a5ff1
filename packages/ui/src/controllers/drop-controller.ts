import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DroppedFile, filesFromDataTransfer } from './file-entries.js';

/** How files arrived. */
export type FileSource = 'drop' | 'paste';

/** Options of a `DropController`. */
export interface DropControllerOptions {
  /** Receives the files of each drop or paste (never an empty list). */
  readonly onFiles: (files: DroppedFile[], source: FileSource) => void;
  /** The drop zone; the host by default. Called on connect, so it may return a shadow child. */
  readonly target?: () => HTMLElement | null | undefined;
  /** Where pasting files counts: the drop zone (default), the whole document, or nowhere. */
  readonly paste?: 'target' | 'document' | 'none';
  /** While this returns true, drops and pastes are left alone. */
  readonly disabled?: () => boolean;
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/**
 * Makes an element a drop zone for files and folders, and a paste target for copied files.
 * `dragging` is true while files are dragged over it (the host re-renders when it changes);
 * folders are walked so every file inside arrives with its relative path.
 *
 * ```ts
 * private readonly drop = new DropController(this, { onFiles: (files) => this.queue.add(files) });
 * render() { return html`<div class=${this.drop.dragging ? 'zone over' : 'zone'}>…</div>`; }
 * ```
 */
export class DropController implements ReactiveController {
  /** Whether files are being dragged over the drop zone. */
  dragging = false;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: DropControllerOptions;
  private zone: HTMLElement | undefined;
  private pasteTarget: EventTarget | undefined;
  // dragenter/dragleave fire for every child crossed; count them to know when the pointer left.
  private depth = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DropControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // The target may live in the shadow root, which exists only after the first render.
    void this.host.updateComplete.then(() => this.attach());
  }

  hostDisconnected(): void {
    this.detach();
  }

  /** Re-reads `target()` (call after re-rendering the drop zone element). */
  attach(): void {
    this.detach();
    if (!this.host.isConnected) return;
    const zone = this.options.target?.() ?? this.host;
    this.zone = zone;
    zone.addEventListener('dragenter', this.handleDragEnter);
    zone.addEventListener('dragover', this.handleDragOver);
    zone.addEventListener('dragleave', this.handleDragLeave);
    zone.addEventListener('drop', this.handleDrop);
    const paste = this.options.paste ?? 'target';
    if (paste !== 'none') {
      this.pasteTarget = paste === 'document' ? zone.ownerDocument : zone;
      this.pasteTarget.addEventListener('paste', this.handlePaste as EventListener);
    }
  }

  private detach(): void {
    const zone = this.zone;
    if (zone) {
      zone.removeEventListener('dragenter', this.handleDragEnter);
      zone.removeEventListener('dragover', this.handleDragOver);
      zone.removeEventListener('dragleave', this.handleDragLeave);
      zone.removeEventListener('drop', this.handleDrop);
    }
    this.pasteTarget?.removeEventListener('paste', this.handlePaste as EventListener);
    this.zone = undefined;
    this.pasteTarget = undefined;
    this.setDragging(false);
  }

  private get disabled(): boolean {
    return this.options.disabled?.() ?? false;
  }

  private setDragging(dragging: boolean): void {
    if (!dragging) this.depth = 0;
    if (dragging === this.dragging) return;
    this.dragging = dragging;
    this.host.requestUpdate();
  }

  private readonly handleDragEnter = (event: DragEvent): void => {
    if (this.disabled || !carriesFiles(event)) return;
    event.preventDefault();
    this.depth += 1;
    this.setDragging(true);
  };

  private readonly handleDragOver = (event: DragEvent): void => {
    if (this.disabled || !carriesFiles(event)) return;
    // Without this the browser refuses the drop (and may open the file instead).
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.setDragging(true);
  };

  private readonly handleDragLeave = (event: DragEvent): void => {
    if (!this.dragging) return;
    this.depth = Math.max(0, this.depth - 1);
    const related = event.relatedTarget as Node | null;
    if (this.depth === 0 || !related || !this.zone?.contains(related)) this.setDragging(false);
  };

  private readonly handleDrop = (event: DragEvent): void => {
    this.setDragging(false);
    if (this.disabled || !event.dataTransfer || !carriesFiles(event)) return;
    event.preventDefault();
    void filesFromDataTransfer(event.dataTransfer).then((files) => {
      if (files.length > 0) this.options.onFiles(files, 'drop');
    });
  };

  private readonly handlePaste = (event: ClipboardEvent): void => {
    if (this.disabled || !event.clipboardData) return;
    const files = Array.from(event.clipboardData.files, (file) => ({ file, relativePath: file.name }));
    // Pasted text is left to the page (a URL field, say); only files are taken.
    if (files.length === 0) return;
    event.preventDefault();
    this.options.onFiles(files, 'paste');
  };
}
