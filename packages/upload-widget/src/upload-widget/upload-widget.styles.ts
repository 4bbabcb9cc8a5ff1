import { css } from 'lit';

export const uploadWidgetStyles = css`
  :host {
    display: inline-block;
  }

  :host([mode='inline']) {
    display: block;
    max-inline-size: var(--kumo-upload-width, 40rem);
  }

  /* Until its code arrives (on first opening) the dialog stays out of sight, children included. */
  kumo-dialog:not(:defined) {
    display: none;
  }

  kumo-dialog {
    --kumo-dialog-width: var(--kumo-upload-width, min(40rem, calc(100vw - 2rem)));
  }

  .panel {
    display: flex;
    flex-direction: column;
    border: 1px solid var(--kumo-color-border);
    border-radius: var(--kumo-radius-large);
    background: var(--kumo-color-surface);
    color: var(--kumo-color-text);
  }

  .panel[hidden] {
    display: none;
  }

  .header {
    padding-block: var(--kumo-space-3);
    padding-inline: var(--kumo-space-5);
    border-block-end: 1px solid var(--kumo-color-border);
  }

  .title {
    margin: 0;
    font-size: var(--kumo-font-size-heading);
    font-weight: var(--kumo-font-weight-bold);
  }

  .title:focus {
    outline: none;
  }

  .title:focus-visible {
    outline: var(--kumo-focus-ring-width) solid var(--kumo-color-focus-ring);
  }

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-4);
    min-block-size: var(--kumo-upload-min-height, 18rem);
  }

  .panel .body {
    padding: var(--kumo-space-5);
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--kumo-space-2);
  }

  .panel .footer {
    padding: var(--kumo-space-3) var(--kumo-space-5);
    border-block-start: 1px solid var(--kumo-color-border);
  }

  .notices {
    display: flex;
    align-items: flex-start;
    gap: var(--kumo-space-2);
    padding: var(--kumo-space-3);
    border: 1px solid var(--kumo-color-danger);
    border-radius: var(--kumo-radius);
    background: color-mix(in srgb, var(--kumo-color-danger) 8%, var(--kumo-color-surface));
  }

  .notices ul {
    flex: 1;
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-1);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .notices li {
    display: flex;
    gap: var(--kumo-space-2);
  }

  .notices .icon {
    color: var(--kumo-color-danger);
  }
`;
