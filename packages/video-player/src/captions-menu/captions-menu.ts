import { playerIcon } from '../icons/player-icons.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import {
  KumoMediaCaptionSizeRequestEvent,
  KumoMediaTextTrackRequestEvent,
} from '../media-context/media-request.events.js';
import { KumoMediaMenu, type MenuGroup } from '../media-menu/media-menu.js';
import { mediaMenuStyles } from '../media-menu/media-menu.styles.js';
import { CAPTION_SIZES, type CaptionSize } from '../player-state/media-state.js';
import { captionsMenuStyles } from './captions-menu.styles.js';

/**
 * @summary Captions menu: Off or one of the source's caption and subtitle tracks, and the caption
 * text size; hidden when the source has no tracks.
 * @tag kumo-captions-menu
 *
 * @csspart button - The menu button.
 * @csspart menu - The popup menu.
 *
 * @event kumo-media-text-track-request - Asks the player to show a track (index) or none (-1).
 * @event kumo-media-caption-size-request - Asks the player for a caption size.
 */
export class KumoCaptionsMenu extends KumoMediaMenu {
  static override styles = [mediaControlStyles, mediaMenuStyles, captionsMenuStyles];

  protected override isAvailable(): boolean {
    return this.media.textTracks.length > 0;
  }

  protected menuLabel(): string {
    return this.localize.term('captions');
  }

  protected buttonContent() {
    return playerIcon('captions');
  }

  protected menuGroups(): readonly MenuGroup[] {
    const { textTracks, activeTextTrack, captionSize } = this.media;
    return [
      {
        id: 'track',
        items: [
          { value: '-1', label: this.localize.term('captionsOff'), checked: activeTextTrack < 0 },
          ...textTracks.map((track, index) => ({
            value: String(index),
            label: track.label,
            checked: index === activeTextTrack,
          })),
        ],
      },
      {
        id: 'size',
        label: this.localize.term('captionSize'),
        items: CAPTION_SIZES.map((size) => ({
          value: size,
          label: this.localize.term(size),
          checked: size === captionSize,
        })),
      },
    ];
  }

  protected choose(group: string, value: string): void {
    this.dispatchEvent(
      group === 'size'
        ? new KumoMediaCaptionSizeRequestEvent(value as CaptionSize)
        : new KumoMediaTextTrackRequestEvent(Number(value)),
    );
  }
}
