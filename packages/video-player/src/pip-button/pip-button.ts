import { html } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaPipRequestEvent } from '../media-context/media-request.events.js';
import { pipButtonStyles } from './pip-button.styles.js';

/**
 * @summary Enters or leaves picture-in-picture; hidden where the browser has none.
 * @tag kumo-pip-button
 *
 * @csspart button - The native button.
 *
 * @event kumo-media-pip-request - Asks the player to enter or leave picture-in-picture.
 */
export class KumoPipButton extends KumoMediaControl {
  static override styles = [mediaControlStyles, pipButtonStyles];

  protected override isAvailable(): boolean {
    return this.media.pipAvailable;
  }

  private handleClick() {
    this.dispatchEvent(new KumoMediaPipRequestEvent(!this.media.pip));
  }

  protected override render() {
    const on = this.media.pip;
    return html`<button
      class="control"
      part="button"
      type="button"
      aria-label=${on ? this.localize.term('exitPip') : this.localize.term('pip')}
      @click=${this.handleClick}
    >${playerIcon('pip')}</button>`;
  }
}
