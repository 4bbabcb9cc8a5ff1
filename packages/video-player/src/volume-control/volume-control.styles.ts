import { css } from 'lit';

export const volumeControlStyles = css`
  :host {
    align-items: center;
  }

  input {
    inline-size: var(--kumo-video-player-volume-width, 5rem);
    block-size: 1.5rem;
    margin: 0 0.25rem;
    accent-color: var(--_accent);
    cursor: pointer;
    background: transparent;
  }
`;
