import { css } from 'lit';

export const timeDisplayStyles = css`
  :host {
    align-items: center;
    padding-inline: 0.5rem;
    font-size: var(--kumo-font-size-small, 0.8125rem);
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  [part='time'] {
    unicode-bidi: isolate;
  }
`;
