import { css } from 'lit';

export const uploadCropStyles = css`
  :host {
    display: block;
  }

  .crop {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-3);
  }

  .stage {
    display: grid;
    place-items: center;
    padding: var(--kumo-space-2);
    border-radius: var(--kumo-radius);
    background: var(--kumo-color-surface-muted);
  }

  /* Image pixels are physical: the overlay uses left/top in every writing direction. */
  .frame {
    position: relative;
    display: inline-block;
    line-height: 0;
    touch-action: none;
  }

  .frame img {
    max-inline-size: 100%;
    max-block-size: var(--kumo-upload-crop-max-height, 50vh);
  }

  .area {
    position: absolute;
    box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.5);
    outline: 2px solid #fff;
    cursor: move;
  }

  .frame {
    overflow: hidden;
  }

  .cropper {
    inline-size: 100%;
  }

  .cropper cropper-canvas {
    block-size: var(--kumo-upload-crop-max-height, 50vh);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--kumo-space-2);
  }

  .ratios {
    display: flex;
    flex-wrap: wrap;
    gap: var(--kumo-space-1);
  }

  .button[aria-pressed='true'] {
    border-color: var(--kumo-color-accent);
    background: color-mix(in srgb, var(--kumo-color-accent) 15%, var(--kumo-color-surface));
    font-weight: var(--kumo-font-weight-bold);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--kumo-space-2);
  }

  .stage:focus-visible {
    outline: var(--kumo-focus-ring-width) solid var(--kumo-color-focus-ring);
    outline-offset: 2px;
  }
`;
