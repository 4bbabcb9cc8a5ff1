import { defineElement } from '@kumo/ui';
import { KumoPlayButton } from './play-button.js';

defineElement('kumo-play-button', KumoPlayButton);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-play-button': KumoPlayButton;
  }
}
