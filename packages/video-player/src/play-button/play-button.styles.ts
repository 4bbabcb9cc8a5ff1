import { css } from 'lit';

export const playButtonStyles = css`
  :host([big]) .control {
    inline-size: var(--kumo-video-player-big-play-size, 4.5rem);
    block-size: var(--kumo-video-player-big-play-size, 4.5rem);
    border-radius: 50%;
    background: var(--_base);
  }

  :host([big]) .control:hover {
    background: var(--_accent);
    color: #0b1020;
  }

  :host([big]) .icon {
    inline-size: 2.25rem;
    block-size: 2.25rem;
  }
`;
