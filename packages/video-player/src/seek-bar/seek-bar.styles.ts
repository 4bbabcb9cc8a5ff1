import { css } from 'lit';

export const seekBarStyles = css`
  :host {
    --_track-height: var(--kumo-video-player-track-height, 0.25rem);
    display: block;
    flex: 1 1 auto;
    min-inline-size: 4rem;
  }

  .bar {
    position: relative;
    block-size: 1.5rem;
    direction: ltr;
  }

  [part='track'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 50%;
    block-size: var(--_track-height);
    transform: translateY(-50%);
    border-radius: var(--kumo-radius-full, 9999px);
    background: rgb(255 255 255 / 0.25);
    overflow: hidden;
    transition: block-size var(--kumo-duration-fast, 120ms);
  }

  .bar:hover [part='track'],
  .bar:focus-within [part='track'] {
    block-size: calc(var(--_track-height) * 1.75);
  }

  [part='buffered'],
  [part='progress'] {
    position: absolute;
    inset-block: 0;
  }

  [part='buffered'] {
    background: rgb(255 255 255 / 0.4);
  }

  [part='progress'] {
    inset-inline-start: 0;
    background: var(--_accent);
  }

  [part='chapter-mark'] {
    position: absolute;
    inset-block: 0;
    inline-size: 3px;
    margin-inline-start: -1px;
    background: rgb(0 0 0 / 0.65);
  }

  input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    background: transparent;
    appearance: none;
    cursor: pointer;
  }

  input::-webkit-slider-runnable-track {
    block-size: 100%;
    background: transparent;
  }

  input::-webkit-slider-thumb {
    appearance: none;
    inline-size: 0.875rem;
    block-size: 0.875rem;
    margin-block-start: 0.3125rem;
    border-radius: 50%;
    background: var(--_accent);
  }

  input::-moz-range-thumb {
    inline-size: 0.875rem;
    block-size: 0.875rem;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
  }

  input:focus-visible {
    outline-offset: 2px;
    border-radius: var(--kumo-radius-small, 4px);
  }

  [part='preview'] {
    position: absolute;
    inset-block-end: calc(100% + 0.5rem);
    display: grid;
    justify-items: center;
    gap: 0.25rem;
    transform: translateX(-50%);
    pointer-events: none;
  }

  [part='preview'][hidden] {
    display: none;
  }

  [part='thumbnail'] {
    border: 2px solid var(--_text);
    border-radius: var(--kumo-radius-small, 4px);
    background-color: #000;
    background-repeat: no-repeat;
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.4);
  }

  [part='preview-time'] {
    padding: 0.125rem 0.375rem;
    border-radius: var(--kumo-radius-small, 4px);
    background: var(--_base);
    font-size: 0.75rem;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
`;
