import { defineElement } from '@kumo/ui';
import { KumoPipButton } from './pip-button.js';

defineElement('kumo-pip-button', KumoPipButton);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-pip-button': KumoPipButton;
  }
}
