import { KumoElement } from '@kumo/ui/base';
import { themeStyles } from '@kumo/ui/theme';
import { html, type PropertyDeclarations } from 'lit';
import { advancedStrings } from '../locales/advanced.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { KumoUploadAdvancedChangeEvent } from './upload-advanced.events.js';
import { uploadAdvancedStyles } from './upload-advanced.styles.js';

/**
 * @summary Advanced options for the next uploads: a disclosure with public id and tags fields.
 * @tag kumo-upload-advanced
 *
 * @csspart disclosure - The `<details>` element.
 *
 * @event kumo-upload-advanced-change - A field changed (`detail.publicId`, `detail.tags`).
 */
export class KumoUploadAdvanced extends KumoElement {
  static override styles = [themeStyles, controlStyles, fieldStyles, uploadAdvancedStyles];

  static override properties: PropertyDeclarations = {
    publicId: { attribute: 'public-id' },
    tags: { attribute: false },
    open: { type: Boolean, reflect: true },
  };

  /** The public id field's text. */
  declare publicId: string;
  /** The tags typed so far. */
  declare tags: readonly string[];
  /** Whether the disclosure is expanded. */
  declare open: boolean;

  private readonly localize = new UploadLocalizeController(this, advancedStrings);

  constructor() {
    super();
    this.publicId = '';
    this.tags = [];
    this.open = false;
  }

  private handleInput(): void {
    this.publicId = this.renderRoot.querySelector<HTMLInputElement>('#public-id')?.value ?? '';
    const tagsText = this.renderRoot.querySelector<HTMLInputElement>('#tags')?.value ?? '';
    this.tags = tagsText
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    this.dispatchEvent(new KumoUploadAdvancedChangeEvent(this.publicId.trim(), this.tags));
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    return html`<details
      part="disclosure"
      ?open=${this.open}
      @toggle=${(event: Event) => {
        this.open = (event.target as HTMLDetailsElement).open;
      }}
    >
      <summary>${term('advanced')}</summary>
      <div class="fields">
        <div class="field">
          <label for="public-id">${term('advanced.public_id')}</label>
          <input
            class="input"
            id="public-id"
            autocomplete="off"
            spellcheck="false"
            .value=${this.publicId}
            @input=${this.handleInput}
          />
        </div>
        <div class="field">
          <label for="tags">${term('advanced.tags')}</label>
          <input
            class="input"
            id="tags"
            autocomplete="off"
            aria-describedby="tags-hint"
            value=${this.tags.join(', ')}
            @change=${this.handleInput}
          />
          <p class="hint" id="tags-hint">${term('advanced.tags_hint')}</p>
        </div>
      </div>
    </details>`;
  }
}
