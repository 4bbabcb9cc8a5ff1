import { css } from 'lit';

export const uploadSourceUrlStyles = css`
  :host {
    display: block;
  }

  form {
    display: flex;
    flex-direction: column;
    gap: var(--kumo-space-3);
    padding-block: var(--kumo-space-4);
  }

  .row {
    display: flex;
    gap: var(--kumo-space-2);
  }

  .row .input {
    flex: 1;
    min-inline-size: 0;
  }
`;
