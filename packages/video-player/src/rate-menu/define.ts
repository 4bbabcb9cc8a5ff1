import { defineElement } from '@kumo/ui';
import { KumoRateMenu } from './rate-menu.js';

defineElement('kumo-rate-menu', KumoRateMenu);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-rate-menu': KumoRateMenu;
  }
}
