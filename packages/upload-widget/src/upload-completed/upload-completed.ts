import type { UploadResponse } from '@kumo/core';
import { KumoElement } from '@kumo/ui/base';
import { drawIcon, fileIcon, videoIcon } from '@kumo/ui/icon/icon-set';
import { themeStyles } from '@kumo/ui/theme';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { completedStrings } from '../locales/completed.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { THUMBNAIL_SIZE, thumbnailUrl } from './thumbnail-url.js';
import { uploadCompletedStyles } from './upload-completed.styles.js';

/** The name people recognise: the original file name with its extension, else the public id. */
export function displayName(info: UploadResponse): string {
  if (info.original_filename) {
    const extension = info.original_extension ?? info.format;
    return extension ? `${info.original_filename}.${extension}` : info.original_filename;
  }
  return info.public_id;
}

/**
 * @summary What was uploaded: each asset's delivery thumbnail (built from its public id) and name,
 * linking to the asset.
 * @tag kumo-upload-completed
 *
 * @csspart list - The list of assets.
 * @csspart item - One asset.
 * @csspart thumbnail - An asset's thumbnail.
 *
 * @cssproperty --kumo-upload-completed-size - Smallest width of a tile; 7.5rem.
 */
export class KumoUploadCompleted extends KumoElement {
  static override styles = [themeStyles, controlStyles, uploadCompletedStyles];

  static override properties: PropertyDeclarations = {
    assets: { attribute: false },
    apiBase: { attribute: 'api-base' },
    cloudName: { attribute: 'cloud-name' },
  };

  /** The Upload API responses of the uploaded files. */
  declare assets: readonly UploadResponse[];
  /** Origin of the server delivering thumbnails; the page's own when empty. */
  declare apiBase: string;
  /** Cloud the assets are in. */
  declare cloudName: string;

  private readonly localize = new UploadLocalizeController(this, completedStrings);

  constructor() {
    super();
    this.assets = [];
    this.apiBase = '';
    this.cloudName = '';
  }

  private thumbnail(info: UploadResponse) {
    let url: string | undefined;
    try {
      url = this.cloudName
        ? thumbnailUrl(info, { cloudName: this.cloudName, baseUrl: this.apiBase || location.origin })
        : undefined;
    } catch {
      url = undefined;
    }
    return url
      ? html`<img part="thumbnail" src=${url} alt="" width=${THUMBNAIL_SIZE} height=${THUMBNAIL_SIZE} />`
      : drawIcon(info.resource_type === 'video' ? videoIcon : fileIcon);
  }

  protected override render() {
    if (this.assets.length === 0) return nothing;
    return html`<ul part="list" class="list" aria-label=${this.localize.term('completed.title')}>
      ${repeat(
        this.assets,
        (info) => info.asset_id || info.public_id,
        (info) => html`<li part="item" class="item">
          <a href=${info.secure_url} target="_blank" rel="noopener">
            <span class="preview">${this.thumbnail(info)}</span>
            <span class="name">${displayName(info)}</span>
          </a>
        </li>`,
      )}
    </ul>`;
  }
}
