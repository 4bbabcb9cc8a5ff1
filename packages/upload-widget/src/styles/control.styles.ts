import { lightColors } from '@kumo/ui/theme/tokens';
import { visuallyHiddenStyles } from '@kumo/ui/theme/visually-hidden';
import { css, unsafeCSS } from 'lit';
import { buttonStyles } from './button.styles.js';

// Every Kumo element declares the theme's colours on its own host (so it works on its own), which
// would hide the widget's palette from the elements inside it; declared from outside, `inherit`
// wins over their own declaration and passes the widget's colours through. On any other element
// `inherit` is what custom properties do anyway, so the rule names no tags.
const inheritColors = unsafeCSS(
  Object.keys(lightColors)
    .map((name) => `${name}: inherit;`)
    .join('\n'),
);

/** Buttons and helpers shared by the widget and its parts (form fields are in field.styles.ts). */
export const controlStyles = css`
  ${buttonStyles}

  * {
    ${inheritColors}
    color-scheme: inherit;
  }

  :host(:state(rtl)) .icon.mirror {
    transform: scaleX(-1);
  }

  .hint {
    margin: 0;
    color: var(--kumo-color-muted);
    font-size: var(--kumo-font-size-small);
  }

  .error-text {
    margin: 0;
    color: var(--kumo-color-danger);
    font-size: var(--kumo-font-size-small);
  }

  ${visuallyHiddenStyles}
`;
