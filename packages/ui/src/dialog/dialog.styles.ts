import { css } from 'lit';

export const dialogStyles = css`
  :host {
    display: contents;
  }

  .dialog {
    box-sizing: border-box;
    inline-size: var(--kumo-dialog-width, min(36rem, calc(100vw - 2rem)));
    max-inline-size: calc(100vw - 2rem);
    max-block-size: var(--kumo-dialog-max-height, calc(100dvh - 2rem));
    padding: 0;
    border: 1px solid var(--kumo-color-border);
    border-radius: var(--kumo-radius-large);
    background: var(--kumo-color-surface);
    color: var(--kumo-color-text);
    box-shadow: var(--kumo-shadow-overlay);
    font-family: var(--kumo-font-family);
    font-size: var(--kumo-font-size);
    line-height: var(--kumo-line-height);
    overscroll-behavior: contain;
    opacity: 1;
    transition:
      opacity var(--kumo-duration) var(--kumo-easing),
      translate var(--kumo-duration) var(--kumo-easing);
  }

  @starting-style {
    .dialog[open] {
      opacity: 0;
      translate: 0 0.5rem;
    }
  }

  .dialog::backdrop {
    background: var(--kumo-dialog-backdrop, var(--kumo-color-backdrop));
  }

  .panel {
    display: flex;
    flex-direction: column;
    max-block-size: inherit;
  }

  .header {
    display: flex;
    align-items: center;
    gap: var(--kumo-space-3);
    padding-block: var(--kumo-space-3);
    padding-inline: var(--kumo-space-5) var(--kumo-space-3);
    border-block-end: 1px solid var(--kumo-color-border);
  }

  .heading {
    flex: 1;
    min-inline-size: 0;
    font-size: var(--kumo-font-size-heading);
    font-weight: var(--kumo-font-weight-bold);
  }

  .heading ::slotted(*) {
    margin: 0;
    font: inherit;
  }

  .close {
    display: inline-grid;
    place-items: center;
    margin-inline-start: auto;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0;
    border: 0;
    border-radius: var(--kumo-radius);
    background: transparent;
    color: var(--kumo-color-icon);
    cursor: pointer;
  }

  .close:hover {
    background: var(--kumo-color-surface-muted);
    color: var(--kumo-color-text);
  }

  .close:focus-visible {
    outline: var(--kumo-focus-ring-width) solid var(--kumo-color-focus-ring);
    outline-offset: 2px;
  }

  .close .icon {
    inline-size: 1.25rem;
    block-size: 1.25rem;
  }

  .body {
    flex: 1;
    overflow: auto;
    padding: var(--kumo-space-5);
  }

  .footer {
    display: flex;
    justify-content: flex-end;
    gap: var(--kumo-space-2);
    padding: var(--kumo-space-3) var(--kumo-space-5);
    border-block-start: 1px solid var(--kumo-color-border);
  }

  .footer[hidden] {
    display: none;
  }

  @media (max-width: 30rem) {
    .dialog {
      inline-size: 100vw;
      max-inline-size: 100vw;
      block-size: 100dvh;
      max-block-size: 100dvh;
      margin: 0;
      border-radius: 0;
    }

    .panel {
      block-size: 100%;
    }
  }
`;
