import { css } from 'lit';

export const uploadFileItemStyles = css`
  :host {
    display: block;
  }

  .row {
    display: grid;
    grid-template-columns: var(--kumo-upload-thumbnail-size, 3rem) minmax(0, 1fr) auto;
    align-items: center;
    gap: var(--kumo-space-3);
    padding-block: var(--kumo-space-2);
  }

  .thumbnail {
    display: grid;
    place-items: center;
    inline-size: var(--kumo-upload-thumbnail-size, 3rem);
    block-size: var(--kumo-upload-thumbnail-size, 3rem);
    overflow: hidden;
    border-radius: var(--kumo-radius-small);
    background: var(--kumo-color-surface-muted);
    color: var(--kumo-color-icon);
  }

  .thumbnail img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .main {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-1);
    min-inline-size: 0;
  }

  .heading {
    display: flex;
    align-items: baseline;
    gap: var(--kumo-space-2);
  }

  .name {
    overflow: hidden;
    font-weight: var(--kumo-font-weight-bold);
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  .size,
  .status {
    color: var(--kumo-color-muted);
    font-size: var(--kumo-font-size-small);
    white-space: nowrap;
  }

  .status .state {
    font-weight: var(--kumo-font-weight-bold);
  }

  :host([status='done']) .status .state {
    color: var(--kumo-color-success);
  }

  :host([status='error']) .status .state,
  .error-text {
    color: var(--kumo-color-danger);
  }

  .actions {
    display: flex;
    gap: var(--kumo-space-1);
  }

  .button {
    min-block-size: 2.25rem;
    padding-inline: var(--kumo-space-3);
  }
`;
