import { css } from 'lit';

export const uploadCompletedStyles = css`
  :host {
    display: block;
  }

  .list {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--kumo-upload-completed-size, 7.5rem), 1fr));
    gap: var(--kumo-space-3);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .item a {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-1);
    padding: var(--kumo-space-1);
    border-radius: var(--kumo-radius);
    color: inherit;
    text-decoration: none;
  }

  .item a:hover .name {
    text-decoration: underline;
  }

  .preview {
    display: grid;
    place-items: center;
    aspect-ratio: 1;
    overflow: hidden;
    border-radius: var(--kumo-radius-small);
    background: var(--kumo-color-surface-muted);
    color: var(--kumo-color-icon);
  }

  .preview img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }

  .preview .icon {
    inline-size: 2rem;
    block-size: 2rem;
  }

  .name {
    overflow: hidden;
    color: var(--kumo-color-link);
    font-size: var(--kumo-font-size-small);
    text-overflow: ellipsis;
    white-space: nowrap;
  }
`;
