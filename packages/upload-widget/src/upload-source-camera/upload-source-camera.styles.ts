import { css } from 'lit';

export const uploadSourceCameraStyles = css`
  :host {
    display: block;
  }

  .stage {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: var(--kumo-space-3);
    padding-block: var(--kumo-space-3);
  }

  video,
  img {
    display: block;
    inline-size: 100%;
    max-block-size: var(--kumo-upload-camera-max-height, 20rem);
    border-radius: var(--kumo-radius);
    background: #000;
    object-fit: contain;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: var(--kumo-space-2);
  }

  .message {
    display: flex;
    align-items: flex-start;
    gap: var(--kumo-space-2);
    margin: 0;
    padding: var(--kumo-space-4);
    border-radius: var(--kumo-radius);
    background: var(--kumo-color-surface-muted);
  }
`;
