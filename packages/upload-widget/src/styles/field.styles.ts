import { css } from 'lit';

/** Labelled text fields, for the parts that have them (web address, advanced options). */
export const fieldStyles = css`
  .field {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-1);
  }

  .field label {
    font-weight: var(--kumo-font-weight-bold);
  }

  .input {
    min-block-size: 2.5rem;
    padding-block: var(--kumo-space-2);
    padding-inline: var(--kumo-space-3);
    border: 1px solid var(--kumo-color-border);
    border-radius: var(--kumo-radius);
    background: var(--kumo-color-surface);
    color: var(--kumo-color-text);
    font: inherit;
  }

  .input[aria-invalid='true'] {
    border-color: var(--kumo-color-danger);
  }
`;
