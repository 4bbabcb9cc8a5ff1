import { html, nothing } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaRetryRequestEvent } from '../media-context/media-request.events.js';
import type { MediaErrorKind } from '../player-state/media-state.js';
import { playerErrorStyles } from './player-error.styles.js';

const MESSAGE_KEYS = {
  'not-found': 'errorNotFound',
  network: 'errorNetwork',
  unsupported: 'errorUnsupported',
  decode: 'errorDecode',
  aborted: 'errorAborted',
  empty: 'errorNoSource',
  unknown: 'errorUnknown',
} as const satisfies Record<MediaErrorKind, string>;

/**
 * @summary What went wrong when the video cannot play (not found, network, unsupported…), with a
 * retry button, instead of a silent black box. Announced as an alert when it appears.
 * @tag kumo-player-error
 *
 * @csspart panel - The message panel.
 * @csspart message - The message.
 * @csspart code - The HTTP status, when known.
 * @csspart retry - The retry button.
 *
 * @cssproperty --kumo-video-player-error - Colour of the error icon; #ff8a80 by default.
 *
 * @event kumo-media-retry-request - Asks the player to load the source again.
 */
export class KumoPlayerError extends KumoMediaControl {
  static override styles = [mediaControlStyles, playerErrorStyles];

  protected override isAvailable(): boolean {
    return this.media.error !== undefined;
  }

  /** Focuses the retry button (the player does this when an error replaces the focused control). */
  override focus(options?: FocusOptions): void {
    this.shadowRoot?.querySelector<HTMLButtonElement>('[part="retry"]')?.focus(options);
  }

  protected override render() {
    const error = this.media.error;
    if (!error) return html`<div role="alert"></div>`;
    return html`<div role="alert">
      <div part="panel">
        ${playerIcon('error')}
        <p part="message">${this.localize.term(MESSAGE_KEYS[error.kind])}</p>
        ${error.status ? html`<p part="code">${this.localize.term('errorCode', error.status)}</p>` : nothing}
        ${
          error.kind === 'empty'
            ? nothing
            : html`<button part="retry" type="button" @click=${() => this.dispatchEvent(new KumoMediaRetryRequestEvent())}>
                ${playerIcon('retry')}${this.localize.term('retry')}
              </button>`
        }
      </div>
    </div>`;
  }
}
