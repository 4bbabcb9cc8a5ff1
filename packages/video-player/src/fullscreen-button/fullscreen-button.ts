import { html } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaFullscreenRequestEvent } from '../media-context/media-request.events.js';
import { fullscreenButtonStyles } from './fullscreen-button.styles.js';

/**
 * @summary Enters or leaves full screen; hidden where the page may not go full screen.
 * @tag kumo-fullscreen-button
 *
 * @csspart button - The native button.
 *
 * @event kumo-media-fullscreen-request - Asks the player to enter or leave full screen.
 */
export class KumoFullscreenButton extends KumoMediaControl {
  static override styles = [mediaControlStyles, fullscreenButtonStyles];

  protected override isAvailable(): boolean {
    return this.media.fullscreenAvailable;
  }

  private handleClick() {
    this.dispatchEvent(new KumoMediaFullscreenRequestEvent(!this.media.fullscreen));
  }

  protected override render() {
    const on = this.media.fullscreen;
    return html`<button
      class="control"
      part="button"
      type="button"
      aria-label=${on ? this.localize.term('exitFullscreen') : this.localize.term('fullscreen')}
      @click=${this.handleClick}
    >${playerIcon(on ? 'exit-fullscreen' : 'fullscreen')}</button>`;
  }
}
