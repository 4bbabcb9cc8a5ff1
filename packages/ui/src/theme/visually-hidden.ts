import { css, unsafeCSS } from 'lit';

/** Out of sight but read by screen readers: the declarations, for inline `style` text. */
export const VISUALLY_HIDDEN =
  'position:absolute;inline-size:1px;block-size:1px;margin:-1px;padding:0;border:0;' +
  'overflow:hidden;clip-path:inset(50%);white-space:nowrap;';

/** The `.visually-hidden` class for an element's shadow root. */
export const visuallyHiddenStyles = css`
  .visually-hidden {
    ${unsafeCSS(VISUALLY_HIDDEN)}
  }
`;
