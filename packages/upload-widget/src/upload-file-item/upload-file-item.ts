import { KumoElement } from '@kumo/ui/base';
import {
  closeIcon,
  drawIcon,
  fileIcon,
  imageIcon,
  linkIcon,
  retryIcon,
  trashIcon,
  videoIcon,
} from '@kumo/ui/icon/icon-set';
import { themeStyles } from '@kumo/ui/theme';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { QueueFile } from '../engine/upload-queue.types.js';
import { queueStrings } from '../locales/queue.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { KumoUploadFileActionEvent } from './upload-file-item.events.js';
import { uploadFileItemStyles } from './upload-file-item.styles.js';
import type { FileAction } from './upload-file-item.types.js';

const ACTIVE = new Set(['pending', 'uploading', 'processing']);

/**
 * @summary One file of the upload queue: thumbnail, name, size, status, progress with speed and
 * time left, the error with a retry button, and a cancel or remove button.
 * @tag kumo-upload-file-item
 *
 * @csspart row - The whole row.
 * @csspart thumbnail - The preview (an image's own pixels, or an icon).
 * @csspart name - The file name.
 * @csspart status - The status line.
 * @csspart progress - The progress bar.
 * @csspart error - The error message.
 * @csspart retry - The retry button.
 * @csspart cancel - The cancel button (while the file is waiting or uploading).
 * @csspart remove - The remove button (once the file is finished).
 *
 * @cssproperty --kumo-upload-thumbnail-size - Side of the thumbnail; 3rem.
 *
 * @event kumo-upload-file-action - A button was pressed (`detail.id`, `detail.action`).
 */
export class KumoUploadFileItem extends KumoElement {
  static override styles = [themeStyles, controlStyles, uploadFileItemStyles];

  static override properties: PropertyDeclarations = {
    file: { attribute: false },
    status: { reflect: true },
  };

  /** The file shown. */
  declare file: QueueFile | undefined;
  /** The file's status, reflected for styling (read-only). */
  declare status: QueueFile['status'] | undefined;

  private readonly localize = new UploadLocalizeController(this, queueStrings);
  private thumbnail: { readonly data: Blob; readonly url: string } | undefined;

  constructor() {
    super();
    this.file = undefined;
    this.status = undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.releaseThumbnail();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('file')) this.status = this.file?.status;
  }

  private releaseThumbnail(): void {
    if (this.thumbnail) URL.revokeObjectURL(this.thumbnail.url);
    this.thumbnail = undefined;
  }

  /** An object URL of the file's own bytes, made once per file and revoked when no longer shown. */
  private thumbnailUrl(file: QueueFile): string | undefined {
    const data = file.data;
    if (!data || !/^image\//.test(file.type)) {
      this.releaseThumbnail();
      return undefined;
    }
    if (this.thumbnail?.data !== data) {
      this.releaseThumbnail();
      this.thumbnail = { data, url: URL.createObjectURL(data) };
    }
    return this.thumbnail.url;
  }

  private act(action: FileAction): void {
    if (this.file) this.dispatchEvent(new KumoUploadFileActionEvent(this.file.id, action));
  }

  private renderDetail(file: QueueFile) {
    const l = this.localize;
    if (file.status !== 'uploading' || file.bytesTotal <= 0) return nothing;
    const parts = [
      l.term('queue.bytes_of', { done: l.bytes(file.bytesUploaded), total: l.bytes(file.bytesTotal) }),
      l.percent(file.percent / 100),
    ];
    if (file.speed > 0) parts.push(l.term('queue.speed', { speed: l.bytes(file.speed) }));
    if (file.secondsLeft !== undefined && Number.isFinite(file.secondsLeft)) {
      parts.push(l.term('queue.time_left', { time: l.duration(Math.ceil(file.secondsLeft)) }));
    }
    return html` · <span class="detail">${parts.join(' · ')}</span>`;
  }

  private renderButton(action: FileAction, name: string) {
    const label = { retry: 'queue.retry', cancel: 'queue.cancel', remove: 'queue.remove' } as const;
    const icon = { retry: retryIcon, cancel: closeIcon, remove: trashIcon };
    // The visible word plus the file name, hidden, so each button is told apart by ear.
    return html`<button part=${action} class="button quiet" type="button" @click=${() => this.act(action)}>
      ${drawIcon(icon[action])}<span>${this.localize.term(label[action])}</span
      ><span class="visually-hidden"> ${name}</span>
    </button>`;
  }

  protected override render() {
    const file = this.file;
    if (!file) return nothing;
    const l = this.localize;
    const thumbnail = this.thumbnailUrl(file);
    const statusKey = file.restored && file.status === 'pending' ? 'restored' : file.status;
    const active = ACTIVE.has(file.status);
    const icon = /^video\//.test(file.type) ? videoIcon : file.source === 'url' ? linkIcon : fileIcon;
    return html`<div part="row" class="row">
      <div part="thumbnail" class="thumbnail">
        ${thumbnail ? html`<img src=${thumbnail} alt="" />` : drawIcon(/^image\//.test(file.type) ? imageIcon : icon)}
      </div>
      <div class="main">
        <div class="heading">
          <span part="name" class="name" title=${file.name}>${file.name}</span>
          ${file.size > 0 ? html`<span class="size">${l.bytes(file.size)}</span>` : nothing}
        </div>
        <div part="status" class="status">
          <span class="state">${l.term(`queue.statuses.${statusKey}`)}</span>${this.renderDetail(file)}
        </div>
        ${
          file.status === 'uploading' || file.status === 'processing'
            ? html`<kumo-progress
                part="progress"
                label=${file.name}
                .value=${file.percent}
                ?indeterminate=${file.status === 'processing'}
              ></kumo-progress>`
            : nothing
        }
        ${
          file.status === 'error' && file.error
            ? html`<p part="error" class="error-text">${l.term('errors.upload_failed', { message: file.error.message })}</p>`
            : nothing
        }
      </div>
      <div class="actions">
        ${file.status === 'error' ? this.renderButton('retry', file.name) : nothing}
        ${active ? this.renderButton('cancel', file.name) : this.renderButton('remove', file.name)}
      </div>
    </div>`;
  }
}
