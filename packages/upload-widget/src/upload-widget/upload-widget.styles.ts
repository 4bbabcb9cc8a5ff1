import { css } from 'lit';

/** What the widget shows before its panel's code loads: the trigger, the inline frame, the body's room. */
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

  .body {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-4);
    min-block-size: var(--kumo-upload-min-height, 18rem);
  }

  .panel .body {
    padding: var(--kumo-space-5);
  }
`;
