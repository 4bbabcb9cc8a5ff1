import { css } from 'lit';

export const chaptersMenuStyles = css``;
