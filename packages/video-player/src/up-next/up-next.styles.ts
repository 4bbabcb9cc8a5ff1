import { css } from 'lit';

export const upNextStyles = css`
  [part='card'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.5rem 0.75rem;
    inline-size: min(20rem, 100%);
    padding: 0.625rem;
    border-radius: var(--kumo-radius, 8px);
    background: var(--_base);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.35);
  }

  [part='poster'] {
    grid-row: span 2;
    inline-size: 6.5rem;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--kumo-radius-small, 4px);
    background: #000;
  }

  .text {
    min-inline-size: 0;
  }

  .heading {
    margin: 0;
    font-size: 0.75rem;
    font-weight: 400;
    opacity: 0.85;
  }

  [part='title'] {
    margin: 0.125rem 0 0;
    overflow: hidden;
    font-weight: 600;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .countdown {
    margin: 0.125rem 0 0;
    font-size: 0.75rem;
    opacity: 0.85;
  }

  .actions {
    display: flex;
    gap: 0.375rem;
  }

  .actions button {
    min-block-size: 2rem;
    padding: 0 0.75rem;
    border: 1px solid rgb(255 255 255 / 0.4);
    border-radius: var(--kumo-radius-small, 4px);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: var(--kumo-font-size-small, 0.8125rem);
    cursor: pointer;
  }

  .actions [part='play-now'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: #0b1020;
  }

  .actions button:focus-visible {
    outline: var(--kumo-focus-ring-width, 2px) solid var(--_accent);
    outline-offset: 2px;
  }
`;
