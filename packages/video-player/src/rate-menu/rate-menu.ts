import { html } from 'lit';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { KumoMediaRateRequestEvent } from '../media-context/media-request.events.js';
import { KumoMediaMenu, type MenuGroup } from '../media-menu/media-menu.js';
import { mediaMenuStyles } from '../media-menu/media-menu.styles.js';
import { rateMenuStyles } from './rate-menu.styles.js';

/**
 * @summary Playback speed menu over the player's `playbackRates`; hidden when there are none.
 * @tag kumo-rate-menu
 *
 * @csspart button - The menu button, showing the current speed ("1.5×").
 * @csspart menu - The popup menu.
 *
 * @cssproperty --kumo-video-player-menu-max-height - Tallest the menu grows before scrolling; 14rem.
 *
 * @event kumo-media-rate-request - Asks the player for a speed.
 */
export class KumoRateMenu extends KumoMediaMenu {
  static override styles = [mediaControlStyles, mediaMenuStyles, rateMenuStyles];

  private rateText(rate: number): string {
    return `${this.localize.number(rate, { maximumFractionDigits: 2 })}×`;
  }

  protected menuLabel(): string {
    return this.localize.term('playbackSpeed');
  }

  /** The name includes the speed the button shows ("Playback speed 1.5×"). */
  protected override buttonLabel(): string {
    return `${this.menuLabel()} ${this.rateText(this.media.playbackRate)}`;
  }

  protected buttonContent() {
    return html`<span class="rate">${this.rateText(this.media.playbackRate)}</span>`;
  }

  protected menuGroups(): readonly MenuGroup[] {
    const { playbackRates, playbackRate } = this.media;
    const rates = [...new Set(playbackRates)].filter((rate) => rate > 0).sort((a, b) => a - b);
    return [
      {
        id: 'rate',
        items: rates.map((rate) => ({
          value: String(rate),
          label: rate === 1 ? this.localize.term('normalSpeed') : this.rateText(rate),
          checked: rate === playbackRate,
        })),
      },
    ];
  }

  protected choose(_group: string, value: string): void {
    this.dispatchEvent(new KumoMediaRateRequestEvent(Number(value)));
  }
}
