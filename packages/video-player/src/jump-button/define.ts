import { defineElement } from '@kumo/ui';
import { KumoJumpButton } from './jump-button.js';

defineElement('kumo-jump-button', KumoJumpButton);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-jump-button': KumoJumpButton;
  }
}
