import { css } from 'lit';

export const rateMenuStyles = css`
  .rate {
    min-inline-size: 2.5em;
    font-variant-numeric: tabular-nums;
  }
`;
