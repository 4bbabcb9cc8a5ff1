import { css } from 'lit';

export const playerErrorStyles = css`
  :host {
    display: grid;
    place-items: center;
  }

  [part='panel'] {
    display: grid;
    justify-items: center;
    gap: 0.5rem;
    max-inline-size: 26rem;
    padding: 1rem 1.25rem;
    border-radius: var(--kumo-radius, 8px);
    background: var(--_base);
    color: var(--_text);
    text-align: center;
  }

  [part='panel'] > .icon {
    inline-size: 2rem;
    block-size: 2rem;
    color: var(--kumo-video-player-error, #ff8a80);
  }

  [part='message'] {
    margin: 0;
    font-weight: 600;
  }

  [part='code'] {
    margin: 0;
    font-size: 0.75rem;
    opacity: 0.8;
  }

  [part='retry'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-block-size: 2.25rem;
    padding: 0 0.875rem;
    border: 0;
    border-radius: var(--kumo-radius-small, 4px);
    background: var(--_accent);
    color: #0b1020;
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  [part='retry'] .icon {
    inline-size: 1.125rem;
    block-size: 1.125rem;
  }

  [part='retry']:focus-visible {
    outline: var(--kumo-focus-ring-width, 2px) solid var(--_text);
    outline-offset: 2px;
  }
`;
