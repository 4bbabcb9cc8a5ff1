import { css } from 'lit';

export const fullscreenButtonStyles = css``;
