import { defineElement } from '@kumo/ui';
import { KumoQualityMenu } from './quality-menu.js';

defineElement('kumo-quality-menu', KumoQualityMenu);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-quality-menu': KumoQualityMenu;
  }
}
