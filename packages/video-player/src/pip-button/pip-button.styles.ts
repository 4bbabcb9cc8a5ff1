import { css } from 'lit';

export const pipButtonStyles = css``;
