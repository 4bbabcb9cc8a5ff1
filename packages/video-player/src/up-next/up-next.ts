import { html, nothing } from 'lit';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import {
  KumoMediaCancelAdvanceRequestEvent,
  KumoMediaNextRequestEvent,
} from '../media-context/media-request.events.js';
import { upNextStyles } from './up-next.styles.js';

/**
 * @summary The card announcing the next playlist item near the end of the current one, with its
 * poster, title and a countdown, and buttons to play it now or stay.
 * @tag kumo-up-next
 *
 * @csspart card - The card.
 * @csspart poster - The next item's poster image.
 * @csspart title - The next item's title.
 * @csspart play-now - The "Play now" button.
 * @csspart cancel - The "Cancel" button.
 *
 * @event kumo-media-next-request - Asks the player to play the next item now.
 * @event kumo-media-cancel-advance-request - Asks the player to stay on the current item.
 */
export class KumoUpNext extends KumoMediaControl {
  static override styles = [mediaControlStyles, upNextStyles];

  protected override isAvailable(): boolean {
    return this.media.upNextVisible && this.media.upNext !== undefined;
  }

  protected override render() {
    const next = this.media.upNext;
    if (!this.isAvailable() || !next) return nothing;
    const title = next.title ?? this.localize.term('untitled');
    const seconds = this.media.advanceIn;
    return html`<section part="card" aria-labelledby="heading">
      ${next.poster ? html`<img part="poster" src=${next.poster} alt="" />` : html`<span part="poster"></span>`}
      <div class="text">
        <h2 class="heading" id="heading">${this.localize.term('upNext')}</h2>
        <p part="title">${title}</p>
        ${seconds === undefined ? nothing : html`<p class="countdown">${this.localize.term('playingIn', Math.ceil(seconds))}</p>`}
      </div>
      <div class="actions">
        <button part="play-now" type="button" @click=${() => this.dispatchEvent(new KumoMediaNextRequestEvent())}>
          ${this.localize.term('playNow')}
        </button>
        <button part="cancel" type="button" @click=${() => this.dispatchEvent(new KumoMediaCancelAdvanceRequestEvent())}>
          ${this.localize.term('cancel')}
        </button>
      </div>
    </section>`;
  }
}
