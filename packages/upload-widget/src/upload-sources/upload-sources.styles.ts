import { css } from 'lit';

export const uploadSourcesStyles = css`
  :host {
    display: block;
  }

  .tabs {
    display: flex;
    gap: var(--kumo-space-1);
    margin-block-end: var(--kumo-space-4);
    border-block-end: 1px solid var(--kumo-color-border);
    overflow-x: auto;
  }

  .tab {
    display: inline-flex;
    align-items: center;
    gap: var(--kumo-space-2);
    min-block-size: 2.75rem;
    padding-block: var(--kumo-space-2);
    padding-inline: var(--kumo-space-3);
    border: 0;
    border-block-end: 3px solid transparent;
    background: transparent;
    color: var(--kumo-color-muted);
    font: inherit;
    white-space: nowrap;
    cursor: pointer;
  }

  .tab .icon {
    color: var(--kumo-color-tab-icon-inactive);
  }

  .tab[aria-selected='true'] {
    border-block-end-color: var(--kumo-color-accent);
    color: var(--kumo-color-text);
    font-weight: var(--kumo-font-weight-bold);
  }

  .tab[aria-selected='true'] .icon {
    color: var(--kumo-color-tab-icon);
  }

  .tab:hover {
    color: var(--kumo-color-text);
  }
`;
