import { visuallyHiddenStyles } from '@kumo/ui/theme/visually-hidden';
import { css } from 'lit';

/**
 * Shared look of the player's controls. Colours come from the player's custom properties, which
 * inherit into every control; standalone controls fall back to the dark skin.
 */
export const mediaControlStyles = css`
  :host {
    --_text: var(--kumo-video-player-text, #ffffff);
    --_accent: var(--kumo-video-player-accent, #8ab4ff);
    --_base: var(--kumo-video-player-base, rgb(12 14 18 / 0.72));
    --_size: var(--kumo-video-player-control-size, 2.5rem);
    display: inline-flex;
    position: relative;
    color: var(--_text);
    font-family: inherit;
  }

  :host(:state(unavailable)) {
    display: none;
  }

  .control {
    display: inline-grid;
    place-items: center;
    flex: none;
    min-inline-size: var(--_size);
    block-size: var(--_size);
    padding: 0 0.375rem;
    margin: 0;
    border: 0;
    border-radius: var(--kumo-radius-small, 4px);
    background: transparent;
    color: inherit;
    font: inherit;
    font-size: var(--kumo-font-size-small, 0.8125rem);
    font-weight: 600;
    cursor: pointer;
  }

  .control:hover {
    background: rgb(255 255 255 / 0.14);
  }

  .control:focus-visible,
  [role='menuitemradio']:focus-visible,
  input:focus-visible {
    outline: var(--kumo-focus-ring-width, 2px) solid var(--_accent);
    outline-offset: 1px;
  }

  .icon {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  :host(:state(rtl)) .mirror {
    transform: scaleX(-1);
  }

  ${visuallyHiddenStyles}
`;
