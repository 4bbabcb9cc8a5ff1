import { playerIcon } from '../icons/player-icons.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaSeekRequestEvent } from '../media-context/media-request.events.js';
import { KumoMediaMenu, type MenuGroup } from '../media-menu/media-menu.js';
import { mediaMenuStyles } from '../media-menu/media-menu.styles.js';
import { chapterIndexAt } from '../player-state/chapters.js';
import { formatMediaTime } from '../player-state/time-format.js';
import { chaptersMenuStyles } from './chapters-menu.styles.js';

/**
 * @summary Chapters menu: each chapter with its start time; choosing one seeks to it. Hidden when
 * the source has no chapters.
 * @tag kumo-chapters-menu
 *
 * @csspart button - The menu button.
 * @csspart menu - The popup menu.
 *
 * @event kumo-media-seek-request - Asks the player to move to the chapter's start.
 */
export class KumoChaptersMenu extends KumoMediaMenu {
  static override styles = [mediaControlStyles, mediaMenuStyles, chaptersMenuStyles];

  protected override isAvailable(): boolean {
    return this.media.chapters.length > 0;
  }

  protected menuLabel(): string {
    return this.localize.term('chapters');
  }

  protected buttonContent() {
    return playerIcon('chapters');
  }

  protected menuGroups(): readonly MenuGroup[] {
    const { chapters, currentTime, duration } = this.media;
    const current = chapterIndexAt(chapters, currentTime);
    return [
      {
        id: 'chapter',
        items: chapters.map((chapter, index) => ({
          value: String(index),
          label: `${chapter.title} · ${formatMediaTime(chapter.start, { reference: duration, locale: this.localize.lang })}`,
          checked: index === current,
        })),
      },
    ];
  }

  protected choose(_group: string, value: string): void {
    const chapter = this.media.chapters[Number(value)];
    if (chapter) this.dispatchEvent(new KumoMediaSeekRequestEvent(chapter.start));
  }
}
