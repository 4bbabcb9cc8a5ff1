import { css } from 'lit';

export const mediaMenuStyles = css`
  [part='menu'] {
    position: absolute;
    inset-block-end: calc(100% + 0.25rem);
    inset-inline-end: 0;
    z-index: 2;
    min-inline-size: 10rem;
    max-block-size: var(--kumo-video-player-menu-max-height, 14rem);
    overflow-y: auto;
    padding: 0.25rem;
    border-radius: var(--kumo-radius, 8px);
    background: var(--_base);
    color: var(--_text);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.35);
    backdrop-filter: blur(6px);
  }

  [part='menu'][hidden] {
    display: none;
  }

  .group-label {
    padding: 0.375rem 0.625rem 0.125rem;
    font-size: 0.75rem;
    opacity: 0.8;
  }

  [role='menuitemradio'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    inline-size: 100%;
    min-block-size: 2rem;
    padding: 0.25rem 0.625rem;
    border: 0;
    border-radius: var(--kumo-radius-small, 4px);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: var(--kumo-font-size-small, 0.8125rem);
    text-align: start;
    white-space: nowrap;
    cursor: pointer;
  }

  [role='menuitemradio']:hover,
  [role='menuitemradio']:focus {
    background: rgb(255 255 255 / 0.14);
  }

  .check {
    display: inline-flex;
    inline-size: 1rem;
    block-size: 1rem;
    color: var(--_accent);
  }

  .check svg {
    inline-size: 100%;
    block-size: 100%;
  }

  [aria-checked='false'] .check {
    visibility: hidden;
  }
`;
