import { css } from 'lit';

export const qualityMenuStyles = css``;
