import { playerIcon } from '../icons/player-icons.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaQualityRequestEvent } from '../media-context/media-request.events.js';
import { KumoMediaMenu, type MenuGroup } from '../media-menu/media-menu.js';
import { mediaMenuStyles } from '../media-menu/media-menu.styles.js';
import { qualityLabel } from '../player-state/media-state.js';
import { qualityMenuStyles } from './quality-menu.styles.js';

/**
 * @summary Quality menu of an adaptive stream: Auto (adaptive switching) and each rendition;
 * hidden for progressive files and single-rendition streams.
 * @tag kumo-quality-menu
 *
 * @csspart button - The menu button.
 * @csspart menu - The popup menu.
 *
 * @event kumo-media-quality-request - Asks the player for a level index or `auto`.
 */
export class KumoQualityMenu extends KumoMediaMenu {
  static override styles = [mediaControlStyles, mediaMenuStyles, qualityMenuStyles];

  protected override isAvailable(): boolean {
    return this.media.qualityLevels.length > 1;
  }

  protected menuLabel(): string {
    return this.localize.term('quality');
  }

  protected buttonContent() {
    return playerIcon('settings');
  }

  protected menuGroups(): readonly MenuGroup[] {
    const { qualityLevels, currentQuality, playingLevel } = this.media;
    const playing = qualityLevels.find((level) => level.index === playingLevel);
    return [
      {
        id: 'quality',
        items: [
          {
            value: 'auto',
            label:
              currentQuality === 'auto' && playing
                ? this.localize.term('autoWithLevel', qualityLabel(playing))
                : this.localize.term('auto'),
            checked: currentQuality === 'auto',
          },
          ...qualityLevels.map((level) => ({
            value: String(level.index),
            label: qualityLabel(level),
            checked: currentQuality === level.index,
          })),
        ],
      },
    ];
  }

  protected choose(_group: string, value: string): void {
    this.dispatchEvent(new KumoMediaQualityRequestEvent(value === 'auto' ? 'auto' : Number(value)));
  }
}
