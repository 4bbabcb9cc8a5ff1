import { css } from 'lit';

export const videoPlayerStyles = css`
  :host {
    --_base: var(--kumo-video-player-base, rgb(12 14 18 / 0.72));
    --_accent: var(--kumo-video-player-accent, #8ab4ff);
    --_text: var(--kumo-video-player-text, #ffffff);
    display: block;
    position: relative;
    aspect-ratio: var(--kumo-video-player-aspect-ratio, 16 / 9);
    inline-size: 100%;
    color: var(--_text);
    font-family: var(--kumo-video-player-font, var(--kumo-font-family));
    font-size: var(--kumo-font-size, 0.9375rem);
    line-height: var(--kumo-line-height, 1.5);
    outline: none;
  }

  :host(:state(light)) {
    --_base: var(--kumo-video-player-base, rgb(255 255 255 / 0.86));
    --_text: var(--kumo-video-player-text, #111418);
    --_accent: var(--kumo-video-player-accent, #2f5bd3);
  }

  :host(:focus-visible) [part='frame'] {
    outline: var(--kumo-focus-ring-width, 2px) solid var(--_accent);
    outline-offset: 2px;
  }

  [part='frame'] {
    position: absolute;
    inset: 0;
    overflow: hidden;
    border-radius: var(--kumo-video-player-radius, 0);
    background: var(--kumo-video-player-background, #000);
  }

  :host(:state(floating)) [part='frame'] {
    position: fixed;
    inset: auto;
    inset-block-end: 1rem;
    inline-size: min(300px, 60vw);
    aspect-ratio: var(--kumo-video-player-aspect-ratio, 16 / 9);
    z-index: var(--kumo-z-overlay, 1000);
    border-radius: var(--kumo-radius, 8px);
    box-shadow: var(--kumo-shadow-overlay, 0 20px 48px rgb(0 0 0 / 0.28));
  }

  :host([floating-when-not-visible='left']:state(floating)) [part='frame'] {
    left: 1rem;
  }

  :host([floating-when-not-visible='right']:state(floating)) [part='frame'],
  :host(:not([floating-when-not-visible='left']):state(floating)) [part='frame'] {
    right: 1rem;
  }

  video {
    display: block;
    inline-size: 100%;
    block-size: 100%;
    object-fit: contain;
    background: inherit;
  }

  .layer {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }

  .layer > * {
    pointer-events: auto;
  }

  [part='title-bar'] {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    padding: 0.75rem 1rem 2rem;
    background: linear-gradient(rgb(0 0 0 / 0.6), transparent);
    color: #fff;
    transition: opacity var(--kumo-duration, 200ms);
  }

  [part='title'] {
    margin: 0;
    font-size: var(--kumo-font-size-large, 1.125rem);
    font-weight: 600;
    line-height: 1.3;
  }

  [part='subtitle'],
  [part='description'] {
    margin: 0.125rem 0 0;
    font-size: var(--kumo-font-size-small, 0.8125rem);
    opacity: 0.9;
  }

  .center {
    display: grid;
    place-items: center;
  }

  [part='spinner'] {
    inline-size: 3rem;
    block-size: 3rem;
    border: 4px solid rgb(255 255 255 / 0.25);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation: spin 900ms linear infinite;
  }

  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='spinner'] {
      animation-duration: 3s;
    }
  }

  [part='captions'] {
    position: absolute;
    inset-inline: 5%;
    inset-block-end: 4.75rem;
    display: flex;
    justify-content: center;
    text-align: center;
    pointer-events: none;
    transition: inset-block-end var(--kumo-duration, 200ms);
  }

  :host(:state(idle)) [part='captions'] {
    inset-block-end: 1.5rem;
  }

  [part='caption-text'] {
    padding: 0.125em 0.5em;
    border-radius: 2px;
    background: rgb(0 0 0 / 0.78);
    color: #fff;
    white-space: pre-line;
    font-size: calc(var(--_caption-scale, 1) * clamp(0.875rem, 3.6cqi, 1.75rem));
    line-height: 1.35;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }

  [part='frame'] {
    container-type: inline-size;
  }

  [part='captions'].small {
    --_caption-scale: 0.75;
  }

  [part='captions'].large {
    --_caption-scale: 1.4;
  }

  kumo-up-next {
    position: absolute;
    inset-inline-end: 1rem;
    inset-block-end: 5rem;
  }

  kumo-player-error {
    position: absolute;
    inset: 0;
    background: rgb(0 0 0 / 0.55);
  }

  [part='controls'] {
    position: absolute;
    inset-inline: 0;
    inset-block-end: 0;
    display: grid;
    gap: 0.125rem;
    padding: 1.5rem 0.5rem 0.375rem;
    background: linear-gradient(transparent, rgb(0 0 0 / 0.7));
    transition: opacity var(--kumo-duration, 200ms);
  }

  :host(:state(light)) [part='controls'] {
    background: linear-gradient(transparent, var(--_base) 60%);
  }

  :host(:state(idle)) [part='controls'],
  :host(:state(idle)) [part='title-bar'] {
    opacity: 0;
  }

  :host(:state(idle)) {
    cursor: none;
  }

  .row {
    display: flex;
    align-items: center;
    gap: 0.125rem;
  }

  .row .spacer {
    flex: 1 1 auto;
  }

  [part='logo'] {
    display: inline-flex;
    align-items: center;
    block-size: 2.5rem;
    padding-inline: 0.375rem;
  }

  [part='logo'] img {
    max-block-size: 1.5rem;
    max-inline-size: 5rem;
  }

  .nav,
  [part='close-mini'] {
    display: inline-grid;
    place-items: center;
    min-inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: var(--kumo-radius-small, 4px);
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  .nav:hover,
  [part='close-mini']:hover {
    background: rgb(255 255 255 / 0.14);
  }

  .nav:focus-visible,
  [part='close-mini']:focus-visible,
  [part='logo']:focus-visible {
    outline: var(--kumo-focus-ring-width, 2px) solid var(--_accent);
    outline-offset: 1px;
  }

  .nav svg,
  [part='close-mini'] svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  :host(:state(rtl)) .nav svg {
    transform: scaleX(-1);
  }

  [part='close-mini'] {
    position: absolute;
    inset-block-start: 0.25rem;
    inset-inline-end: 0.25rem;
    background: var(--_base);
  }

  @container (max-width: 30rem) {
    kumo-volume-control {
      --kumo-video-player-volume-width: 3.5rem;
    }

    kumo-up-next {
      inset-block-end: 4.25rem;
      inset-inline-end: 0.5rem;
    }
  }
`;
