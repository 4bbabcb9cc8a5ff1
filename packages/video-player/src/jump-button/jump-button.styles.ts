import { css } from 'lit';

export const jumpButtonStyles = css`
  text {
    font-family: system-ui, sans-serif;
    font-size: 7.5px;
    font-weight: 700;
  }
`;
