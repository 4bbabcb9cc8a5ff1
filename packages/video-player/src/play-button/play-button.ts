import { html, type PropertyDeclarations } from 'lit';
import { playerIcon } from '../icons/player-icons.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import {
  KumoMediaPauseRequestEvent,
  KumoMediaPlayRequestEvent,
} from '../media-context/media-request.events.js';
import { playButtonStyles } from './play-button.styles.js';

/**
 * @summary Plays or pauses the video; reads "Replay" once it has ended.
 * @tag kumo-play-button
 *
 * @csspart button - The native button.
 *
 * @cssproperty --kumo-video-player-control-size - Size of the button; 2.5rem by default.
 * @cssproperty --kumo-video-player-big-play-size - Size of the `big` variant; 4.5rem by default.
 *
 * @event kumo-media-play-request - Asks the player to play.
 * @event kumo-media-pause-request - Asks the player to pause.
 */
export class KumoPlayButton extends KumoMediaControl {
  static override styles = [mediaControlStyles, playButtonStyles];

  static override properties: PropertyDeclarations = {
    ...KumoMediaControl.properties,
    big: { type: Boolean, reflect: true },
  };

  /** The large round variant shown over the poster before playback starts. */
  declare big: boolean;

  constructor() {
    super();
    this.big = false;
  }

  private handleClick() {
    const { paused, ended } = this.media;
    this.dispatchEvent(paused || ended ? new KumoMediaPlayRequestEvent() : new KumoMediaPauseRequestEvent());
  }

  protected override render() {
    const { paused, ended } = this.media;
    const label = ended
      ? this.localize.term('replay')
      : paused
        ? this.localize.term('play')
        : this.localize.term('pause');
    const icon = ended ? 'retry' : paused ? 'play' : 'pause';
    return html`<button class="control" part="button" type="button" aria-label=${label} @click=${this.handleClick}>
      ${playerIcon(icon)}
    </button>`;
  }
}
