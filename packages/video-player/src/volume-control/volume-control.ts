import { html, type PropertyDeclarations } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import {
  KumoMediaMuteRequestEvent,
  KumoMediaVolumeRequestEvent,
} from '../media-context/media-request.events.js';
import { volumeControlStyles } from './volume-control.styles.js';

const SLIDER_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];

/**
 * @summary A mute button and a volume slider.
 * @tag kumo-volume-control
 *
 * @csspart button - The mute button.
 * @csspart slider - The volume slider (a native range input).
 *
 * @cssproperty --kumo-video-player-volume-width - Width of the slider; 5rem by default.
 *
 * @event kumo-media-mute-request - Asks the player to mute or unmute.
 * @event kumo-media-volume-request - Asks the player for a volume (0–1).
 */
export class KumoVolumeControl extends KumoMediaControl {
  static override styles = [mediaControlStyles, volumeControlStyles];

  static override properties: PropertyDeclarations = {
    ...KumoMediaControl.properties,
    noSlider: { type: Boolean, attribute: 'no-slider' },
  };

  /** Shows only the mute button (for narrow players). */
  declare noSlider: boolean;

  constructor() {
    super();
    this.noSlider = false;
  }

  private handleMuteClick() {
    const { muted, volume } = this.media;
    // Unmuting at volume 0 would still be silent, so it brings the volume back up too.
    if (muted || volume === 0) {
      this.dispatchEvent(new KumoMediaMuteRequestEvent(false));
      if (volume === 0) this.dispatchEvent(new KumoMediaVolumeRequestEvent(0.5));
    } else this.dispatchEvent(new KumoMediaMuteRequestEvent(true));
  }

  private handleInput(event: Event) {
    const value = Number((event.target as HTMLInputElement).value) / 100;
    this.dispatchEvent(new KumoMediaVolumeRequestEvent(value));
    if (this.media.muted && value > 0) this.dispatchEvent(new KumoMediaMuteRequestEvent(false));
  }

  private handleKeyDown(event: KeyboardEvent) {
    // The slider moves itself; the player's own arrow shortcuts must not act as well.
    if (SLIDER_KEYS.includes(event.key)) event.stopPropagation();
  }

  protected override render() {
    const { muted, volume } = this.media;
    const silent = muted || volume === 0;
    const level = silent ? 0 : Math.round(volume * 100);
    return html`
      <button
        class="control"
        part="button"
        type="button"
        aria-label=${silent ? this.localize.term('unmute') : this.localize.term('mute')}
        @click=${this.handleMuteClick}
      >${playerIcon(silent ? 'muted' : 'volume')}</button>
      ${
        this.noSlider
          ? ''
          : html`<input
              part="slider"
              type="range"
              min="0"
              max="100"
              step="5"
              .value=${String(level)}
              aria-label=${this.localize.term('volume')}
              aria-valuetext=${this.localize.percent(level / 100)}
              @input=${this.handleInput}
              @keydown=${this.handleKeyDown}
            />`
      }
    `;
  }
}
