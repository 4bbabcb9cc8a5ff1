import { css } from 'lit';

/**
 * The host's type and the buttons, for the widget before its panel loads (its trigger) and, through
 * `controlStyles`, for everything else.
 */
export const buttonStyles = css`
  :host {
    color: var(--kumo-color-text);
    font-family: var(--kumo-font-family);
    font-size: var(--kumo-font-size);
    line-height: var(--kumo-line-height);
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

  :focus-visible {
    outline: var(--kumo-focus-ring-width) solid var(--kumo-color-focus-ring);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    .button.primary {
      border-color: ButtonText;
    }
  }
`;
