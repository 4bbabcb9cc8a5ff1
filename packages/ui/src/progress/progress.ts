import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { KumoElement } from '../base/kumo-element.js';
import { warnInDev } from '../dev/warn.js';
import { uiStrings } from '../locales/strings.js';
import { LocalizeController } from '../localize/localize-controller.js';
import { themeStyles } from '../theme/theme.styles.js';
import { progressStyles } from './progress.styles.js';
import { PROGRESS_STATES, type ProgressState } from './progress.types.js';

/**
 * @summary A progress bar, determinate (value of max) or indeterminate, announced as a
 * `progressbar` with a localized percentage.
 * @tag kumo-progress
 *
 * @csspart track - The bar's background.
 * @csspart indicator - The filled part; grows from the inline start (the right in RTL).
 *
 * @cssproperty --kumo-progress-height - Thickness; 0.5rem by default.
 * @cssproperty --kumo-progress-color - Fill colour; `--kumo-color-progress` by default.
 * @cssproperty --kumo-progress-track-color - Track colour; `--kumo-color-surface-muted` by default.
 */
export class KumoProgress extends KumoElement {
  static override styles = [themeStyles, progressStyles];

  static override properties: PropertyDeclarations = {
    value: { type: Number },
    max: { type: Number },
    indeterminate: { type: Boolean, reflect: true },
    label: {},
    valueText: { attribute: 'value-text' },
    state: { reflect: true },
  };

  /** Work done, from 0 to `max`. */
  declare value: number;
  /** Work in total; 100 by default. */
  declare max: number;
  /** The amount of work is unknown: an animated bar, no value announced. */
  declare indeterminate: boolean;
  /** Accessible name ("Uploading photo.jpg"); a localized "Progress" when unset. */
  declare label: string | undefined;
  /** Spoken value instead of the localized percentage ("3 of 5 files"). */
  declare valueText: string | undefined;
  /** Colouring: `active`, `complete` or `error`. */
  declare state: ProgressState;

  private readonly localize = new LocalizeController(this, uiStrings);

  constructor() {
    super();
    this.value = 0;
    this.max = 100;
    this.indeterminate = false;
    this.label = undefined;
    this.valueText = undefined;
    this.state = 'active';
  }

  /** The completed fraction, 0–1, after clamping out-of-range values. */
  get fraction(): number {
    const max = Number.isFinite(this.max) && this.max > 0 ? this.max : 100;
    const value = Number.isFinite(this.value) ? this.value : 0;
    return Math.min(1, Math.max(0, value / max));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('max') && !(Number.isFinite(this.max) && this.max > 0)) {
      warnInDev(
        'progress-invalid-max',
        `<kumo-progress max="${this.max}">: max must be a positive number; using 100.`,
      );
    }
    if ((changed.has('value') || changed.has('max')) && !this.indeterminate) {
      const max = this.max > 0 ? this.max : 100;
      if (!Number.isFinite(this.value) || this.value < 0 || this.value > max) {
        warnInDev(
          'progress-value-out-of-range',
          `<kumo-progress value="${this.value}">: value must be between 0 and ${max}; clamped.`,
        );
      }
    }
    if (changed.has('state') && !(PROGRESS_STATES as readonly string[]).includes(this.state)) {
      warnInDev(
        'progress-invalid-state',
        `<kumo-progress state="${this.state}">: use ${PROGRESS_STATES.join(', ')}.`,
      );
    }
  }

  protected override render() {
    const fraction = this.fraction;
    const max = this.max > 0 ? this.max : 100;
    const determinate = !this.indeterminate;
    return html`<div
      part="track"
      class="track"
      role="progressbar"
      aria-label=${this.label || this.localize.term('progress')}
      aria-valuemin="0"
      aria-valuemax=${determinate ? max : nothing}
      aria-valuenow=${determinate ? Math.round(fraction * max * 100) / 100 : nothing}
      aria-valuetext=${determinate ? this.valueText || this.localize.percent(fraction) : this.localize.term('loading')}
    >
      <div
        part="indicator"
        class="indicator"
        style=${styleMap(determinate ? { '--_kumo-progress-fill': `${fraction * 100}%` } : {})}
      ></div>
    </div>`;
  }
}
