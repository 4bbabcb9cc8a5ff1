import { KumoElement } from '@kumo/ui/base';
import { DropController } from '@kumo/ui/controllers/drop';
import { drawIcon, folderIcon, uploadIcon } from '@kumo/ui/icon/icon-set';
import { themeStyles } from '@kumo/ui/theme';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { sourcesStrings } from '../locales/sources.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { type FilePickMethod, KumoUploadFilesPickEvent } from './upload-source-local.events.js';
import { uploadSourceLocalStyles } from './upload-source-local.styles.js';

/**
 * @summary The "My files" source: a drop zone for files and folders, a real file picker, and
 * pasting copied files.
 * @tag kumo-upload-source-local
 *
 * @csspart zone - The drop zone.
 * @csspart browse - The button opening the file picker.
 * @csspart input - The native `<input type="file">` (visually hidden).
 *
 * @cssproperty --kumo-upload-dropzone-border - Border of the drop zone; `2px dashed` in the border colour.
 * @cssproperty --kumo-upload-dropzone-min-height - Smallest height of the drop zone; 14rem.
 *
 * @event kumo-upload-files-pick - Files were chosen, dropped or pasted (`detail.files`, `detail.method`).
 */
export class KumoUploadSourceLocal extends KumoElement {
  static override styles = [themeStyles, controlStyles, uploadSourceLocalStyles];

  static override properties: PropertyDeclarations = {
    multiple: { type: Boolean },
    accept: {},
    maxFileSize: { attribute: 'max-file-size', type: Number },
    formats: { attribute: false },
    pasteScope: { attribute: 'paste-scope' },
    disabled: { type: Boolean, reflect: true },
  };

  /** Several files may be picked at once. */
  declare multiple: boolean;
  /** The picker's `accept` (`.jpg,.png`); empty accepts anything. */
  declare accept: string;
  /** Largest file size in bytes, shown as a hint. */
  declare maxFileSize: number | undefined;
  /** Allowed formats, shown as a hint. */
  declare formats: readonly string[];
  /** Where pasting files counts: inside the drop zone (`target`, default) or the whole page (`document`). */
  declare pasteScope: 'target' | 'document';
  /** No files are taken. */
  declare disabled: boolean;

  private readonly localize = new UploadLocalizeController(this, sourcesStrings);
  private readonly drop: DropController;

  constructor() {
    super();
    this.multiple = false;
    this.accept = '';
    this.maxFileSize = undefined;
    this.formats = [];
    this.pasteScope = 'target';
    this.disabled = false;
    const scope = () => this.pasteScope;
    this.drop = new DropController(this, {
      target: () => this.renderRoot.querySelector<HTMLElement>('.zone'),
      get paste() {
        return scope();
      },
      disabled: () => this.disabled,
      onFiles: (files, source) =>
        this.pick(
          files.map((dropped) => dropped.file),
          source,
        ),
    });
  }

  /** Opens the browser's file picker. */
  browse(): void {
    this.renderRoot.querySelector('input')?.click();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('pasteScope') && changed.get('pasteScope') !== undefined) this.drop.attach();
  }

  private pick(files: readonly File[], method: FilePickMethod): void {
    if (this.disabled || files.length === 0) return;
    this.dispatchEvent(new KumoUploadFilesPickEvent(files, method));
  }

  private handleChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Cleared so that picking the same file again still reports a change.
    input.value = '';
    this.pick(files, 'picker');
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    const dragging = this.drop.dragging;
    const title = dragging
      ? term(this.multiple ? 'local.drop_title_multiple' : 'local.drop_title_single')
      : term(this.multiple ? 'local.dd_title_multi' : 'local.dd_title_single');
    return html`<div part="zone" class="zone ${dragging ? 'dragging' : ''}">
      ${drawIcon(uploadIcon, 'big-icon')}
      <p class="title">${title}</p>
      <p class="or">${term('or')}</p>
      <input
        part="input"
        class="visually-hidden"
        type="file"
        tabindex="-1"
        aria-label=${term('local.input_label')}
        accept=${this.accept || nothing}
        ?multiple=${this.multiple}
        ?disabled=${this.disabled}
        @change=${this.handleChange}
      />
      <button part="browse" class="button primary" type="button" ?disabled=${this.disabled} @click=${this.browse}>
        ${drawIcon(folderIcon)}${term('local.browse')}
      </button>
      <p class="hint">${term('local.paste_hint')}</p>
      ${this.maxFileSize ? html`<p class="hint">${term('local.max_size', { size: this.localize.bytes(this.maxFileSize) })}</p>` : nothing}
      ${this.formats.length > 0 ? html`<p class="hint">${term('local.formats', { formats: this.formats.join(', ') })}</p>` : nothing}
    </div>`;
  }
}
