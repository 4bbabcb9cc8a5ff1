import { css } from 'lit';

export const captionsMenuStyles = css``;
