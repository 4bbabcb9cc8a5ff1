import { html, type PropertyDeclarations } from 'lit';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaSeekRequestEvent } from '../media-context/media-request.events.js';
import { clampTime } from '../player-state/time-format.js';
import { jumpButtonStyles } from './jump-button.styles.js';

/**
 * @summary Jumps back or forward by a number of seconds (10 by default).
 * @tag kumo-jump-button
 *
 * @csspart button - The native button.
 *
 * @cssproperty --kumo-video-player-control-size - Size of the button; 2.5rem by default.
 *
 * @event kumo-media-seek-request - Asks the player to move to the new position.
 */
export class KumoJumpButton extends KumoMediaControl {
  static override styles = [mediaControlStyles, jumpButtonStyles];

  static override properties: PropertyDeclarations = {
    ...KumoMediaControl.properties,
    seconds: { type: Number },
  };

  /** Seconds to move: positive goes forward, negative back. Default 10. */
  declare seconds: number;

  constructor() {
    super();
    this.seconds = 10;
  }

  private handleClick() {
    const { currentTime, duration } = this.media;
    this.dispatchEvent(new KumoMediaSeekRequestEvent(clampTime(currentTime + this.seconds, duration)));
  }

  protected override render() {
    const back = this.seconds < 0;
    const amount = Math.abs(this.seconds);
    const label = back ? this.localize.term('jumpBack', amount) : this.localize.term('jumpForward', amount);
    return html`<button class="control" part="button" type="button" aria-label=${label} @click=${this.handleClick}>
      <svg
        class="icon"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        stroke-width="2"
        stroke-linecap="round"
        stroke-linejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        <path d=${back ? 'M4 12a8 8 0 1 0 2.34-5.66M4 4v5h5' : 'M20 12a8 8 0 1 1-2.34-5.66M20 4v5h-5'}></path>
        <text x="12" y="15.5" text-anchor="middle" stroke="none" fill="currentColor">${amount}</text>
      </svg>
    </button>`;
  }
}
