import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { KumoElement } from '../base/kumo-element.js';
import { warnInDev } from '../dev/warn.js';
import { themeStyles } from '../theme/theme.styles.js';
import { iconStyles } from './icon.styles.js';
import { ICON_NAMES, type IconName, isIconName } from './icon.types.js';
import { ICONS } from './icon-set.js';

/**
 * @summary One of Kumo's built-in icons, drawn inline as SVG in `currentColor`.
 * @tag kumo-icon
 *
 * Decorative (hidden from assistive technology) unless `label` is set, in which case it is an
 * image with that name. Icons that point along the reading direction mirror right to left.
 *
 * @csspart svg - The `<svg>` element.
 * @cssproperty --kumo-icon-size - Width and height; 1.25em by default.
 * @cssproperty --kumo-icon-stroke-width - Stroke width on the 24-unit grid; 2 by default.
 */
export class KumoIcon extends KumoElement {
  static override styles = [themeStyles, iconStyles];

  static override properties: PropertyDeclarations = {
    name: { reflect: true },
    label: {},
  };

  /** Which icon to draw (see `ICON_NAMES`). */
  declare name: IconName | undefined;
  /** Accessible name; without one the icon is decorative. */
  declare label: string | undefined;

  constructor() {
    super();
    this.name = undefined;
    this.label = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('name') && this.name !== undefined && !isIconName(this.name)) {
      warnInDev(
        'unknown-icon',
        `<kumo-icon name="${this.name}">: no such icon; known: ${ICON_NAMES.join(', ')}.`,
      );
    }
  }

  protected override render() {
    const name = this.name;
    if (!name || !isIconName(name)) return nothing;
    const icon = ICONS[name];
    const labelled = Boolean(this.label);
    return html`<svg
      part="svg"
      class=${icon.mirrorInRtl ? 'mirror' : ''}
      viewBox="0 0 24 24"
      fill=${icon.filled ? 'currentColor' : 'none'}
      stroke=${icon.filled ? 'none' : 'currentColor'}
      stroke-linecap="round"
      stroke-linejoin="round"
      focusable="false"
      role=${labelled ? 'img' : nothing}
      aria-label=${labelled ? this.label! : nothing}
      aria-hidden=${labelled ? nothing : 'true'}
    >${icon.shapes}</svg>`;
  }
}
