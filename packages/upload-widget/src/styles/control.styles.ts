import { lightColors } from '@kumo/ui/theme/tokens';
import { css, unsafeCSS } from 'lit';

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
  :host {
    color: var(--kumo-color-text);
    font-family: var(--kumo-font-family);
    font-size: var(--kumo-font-size);
    line-height: var(--kumo-line-height);
  }

  * {
    ${inheritColors}
    color-scheme: inherit;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--kumo-space-2);
    min-block-size: 2.5rem;
    padding-block: var(--kumo-space-2);
    padding-inline: var(--kumo-space-4);
    border: 1px solid var(--kumo-color-border);
    border-radius: var(--kumo-radius);
    background: var(--kumo-color-surface);
    color: var(--kumo-color-text);
    font: inherit;
    cursor: pointer;
    transition: background var(--kumo-duration-fast) var(--kumo-easing);
  }

  .button:hover:not(:disabled) {
    background: var(--kumo-color-surface-muted);
  }

  .button.primary {
    border-color: var(--kumo-color-accent);
    background: var(--kumo-color-accent);
    color: var(--kumo-color-text-inverse);
  }

  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--kumo-color-accent) 85%, var(--kumo-color-text));
  }

  .button.quiet {
    border-color: transparent;
    background: transparent;
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .button .icon,
  .icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    flex: none;
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

  :focus-visible {
    outline: var(--kumo-focus-ring-width) solid var(--kumo-color-focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .button.primary {
      border-color: ButtonText;
    }
  }
`;
