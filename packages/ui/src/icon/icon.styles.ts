import { css } from 'lit';

export const iconStyles = css`
  :host {
    display: inline-flex;
    flex: none;
    inline-size: var(--kumo-icon-size, 1.25em);
    block-size: var(--kumo-icon-size, 1.25em);
    color: inherit;
    vertical-align: middle;
  }

  svg {
    inline-size: 100%;
    block-size: 100%;
    stroke-width: var(--kumo-icon-stroke-width, 2);
  }

  :host(:state(rtl)) .mirror {
    transform: scaleX(-1);
  }
`;
