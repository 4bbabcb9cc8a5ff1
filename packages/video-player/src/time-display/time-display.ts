import { html, type PropertyDeclarations } from 'lit';
import { KumoMediaControl } from '../media-context/media-control.js';
import { mediaControlStyles } from '../media-context/media-control.styles.js';
import { formatMediaTime } from '../player-state/time-format.js';
import { timeDisplayStyles } from './time-display.styles.js';

/**
 * @summary The current time and the duration ("0:05 / 4:00"), or the time left with `remaining`.
 * Media clocks read left to right in every language, as timelines do.
 * @tag kumo-time-display
 *
 * @csspart time - The clock text.
 */
export class KumoTimeDisplay extends KumoMediaControl {
  static override styles = [mediaControlStyles, timeDisplayStyles];

  static override properties: PropertyDeclarations = {
    ...KumoMediaControl.properties,
    remaining: { type: Boolean, reflect: true },
  };

  /** Shows the time left ("-3:55") instead of elapsed / duration. */
  declare remaining: boolean;

  constructor() {
    super();
    this.remaining = false;
  }

  protected override render() {
    const { currentTime, duration } = this.media;
    const options = { reference: duration, locale: this.localize.lang };
    const text = this.remaining
      ? formatMediaTime(Number.isFinite(duration) ? currentTime - duration : Number.NaN, options)
      : `${formatMediaTime(currentTime, options)} / ${formatMediaTime(duration, options)}`;
    return html`<span part="time" dir="ltr">${text}</span>`;
  }
}
