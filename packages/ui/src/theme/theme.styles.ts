import { css, unsafeCSS } from 'lit';
import { darkColors, lightColors, reducedMotionTokens, sharedTokens } from './tokens.js';

// The token tables are the single source; the CSS is generated from them so the light and dark
// blocks (one per way of asking for dark) cannot drift apart.
const declarations = (tokens: Readonly<Record<string, string>>) =>
  unsafeCSS(
    Object.entries(tokens)
      .map(([name, value]) => `${name}: ${value};`)
      .join('\n'),
  );

/**
 * The `--kumo-*` tokens on `:host`: light by default, dark when the person prefers it unless
 * `theme="light"` is set on the element or an ancestor, and dark whenever `theme="dark"` is.
 * `KumoElement` turns the inherited `theme` attribute into the `light`/`dark` custom states.
 */
export const themeStyles = css`
  :host {
    ${declarations(sharedTokens)}
    ${declarations(lightColors)}
    color-scheme: light;
  }

  @media (prefers-color-scheme: dark) {
    :host(:not(:state(light))) {
      ${declarations(darkColors)}
      color-scheme: dark;
    }
  }

  :host(:state(dark)) {
    ${declarations(darkColors)}
    color-scheme: dark;
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      ${declarations(reducedMotionTokens)}
    }
  }
`;

/**
 * Host rules every Kumo element wants: border-box sizing, a working `hidden` attribute, and the
 * direction `KumoElement` resolved (so `lang="ar"` alone lays the element out right to left).
 */
export const hostStyles = css`
  :host {
    box-sizing: border-box;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  :host([hidden]) {
    display: none !important;
  }

  :host(:state(rtl)) {
    direction: rtl;
  }

  :host(:state(ltr)) {
    direction: ltr;
  }
`;
