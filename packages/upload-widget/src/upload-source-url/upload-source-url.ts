import { KumoElement } from '@kumo/ui/base';
import { themeStyles } from '@kumo/ui/theme';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { sourceUrlStrings } from '../locales/source-url.strings.js';
import { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import { controlStyles } from '../styles/control.styles.js';
import { fieldStyles } from '../styles/field.styles.js';
import { KumoUploadUrlSubmitEvent } from './upload-source-url.events.js';
import { uploadSourceUrlStyles } from './upload-source-url.styles.js';

/** Whether `text` is an absolute http(s) URL the server could fetch. */
export function isFetchableUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * @summary The "Web address" source: a form for the URL of a file the server fetches.
 * @tag kumo-upload-source-url
 *
 * @csspart form - The form.
 * @csspart input - The URL field.
 * @csspart submit - The upload button.
 *
 * @event kumo-upload-url-submit - A valid URL was submitted (`detail.url`).
 */
export class KumoUploadSourceUrl extends KumoElement {
  static override styles = [themeStyles, controlStyles, fieldStyles, uploadSourceUrlStyles];

  static override properties: PropertyDeclarations = {
    disabled: { type: Boolean, reflect: true },
    invalid: { state: true },
  };

  /** No URL is taken. */
  declare disabled: boolean;
  declare private invalid: boolean;

  private readonly localize = new UploadLocalizeController(this, sourceUrlStrings);

  constructor() {
    super();
    this.disabled = false;
    this.invalid = false;
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  private handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const input = this.input;
    if (!input || this.disabled) return;
    const url = input.value.trim();
    this.invalid = !isFetchableUrl(url);
    if (this.invalid) {
      input.focus();
      return;
    }
    input.value = '';
    this.dispatchEvent(new KumoUploadUrlSubmitEvent(url));
  }

  protected override render() {
    const term = this.localize.term.bind(this.localize);
    // The browser's own URL check would speak English; the form validates in the page's language.
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <div class="field">
        <label for="url">${term('url.label')}</label>
        <div class="row">
          <input
            part="input"
            class="input"
            id="url"
            type="url"
            inputmode="url"
            autocomplete="url"
            spellcheck="false"
            required
            placeholder="https://"
            aria-invalid=${this.invalid ? 'true' : 'false'}
            aria-describedby=${this.invalid ? 'hint error' : 'hint'}
            ?disabled=${this.disabled}
            @input=${() => {
              this.invalid = false;
            }}
          />
          <button part="submit" class="button primary" type="submit" ?disabled=${this.disabled}>
            ${term('url.upload')}
          </button>
        </div>
        <p class="hint" id="hint">${term('url.hint')}</p>
        ${this.invalid ? html`<p class="error-text" id="error">${term('url.invalid')}</p>` : nothing}
      </div>
    </form>`;
  }
}
