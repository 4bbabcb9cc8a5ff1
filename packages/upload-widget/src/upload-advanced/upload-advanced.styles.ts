import { css } from 'lit';

export const uploadAdvancedStyles = css`
  :host {
    display: block;
  }

  details {
    border: 1px solid var(--kumo-color-border);
    border-radius: var(--kumo-radius);
  }

  summary {
    padding: var(--kumo-space-2) var(--kumo-space-3);
    font-weight: var(--kumo-font-weight-bold);
    cursor: pointer;
  }

  .fields {
    display: grid;
    gap: var(--kumo-space-3);
    padding: 0 var(--kumo-space-3) var(--kumo-space-3);
  }
`;
