import { defineElement } from '@kumo/ui';
import { KumoFullscreenButton } from './fullscreen-button.js';

defineElement('kumo-fullscreen-button', KumoFullscreenButton);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-fullscreen-button': KumoFullscreenButton;
  }
}
