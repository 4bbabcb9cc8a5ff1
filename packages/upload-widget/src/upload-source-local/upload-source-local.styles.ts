import { css } from 'lit';

export const uploadSourceLocalStyles = css`
  :host {
    display: block;
  }

  .zone {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--kumo-space-3);
    min-block-size: var(--kumo-upload-dropzone-min-height, 14rem);
    padding: var(--kumo-space-5);
    border: var(--kumo-upload-dropzone-border, 2px dashed var(--kumo-color-border));
    border-radius: var(--kumo-radius-large);
    background: var(--kumo-color-surface-muted);
    text-align: center;
    transition:
      border-color var(--kumo-duration-fast) var(--kumo-easing),
      background var(--kumo-duration-fast) var(--kumo-easing);
  }

  .zone.dragging {
    border-color: var(--kumo-color-accent);
    background: color-mix(in srgb, var(--kumo-color-accent) 12%, var(--kumo-color-surface));
  }

  .zone .big-icon {
    inline-size: 2.5rem;
    block-size: 2.5rem;
    color: var(--kumo-color-tab-icon);
  }

  .title {
    margin: 0;
    font-size: var(--kumo-font-size-large);
    font-weight: var(--kumo-font-weight-bold);
  }

  .or {
    margin: 0;
    color: var(--kumo-color-muted);
  }

  :host([disabled]) .zone {
    opacity: 0.6;
  }
`;
