import { defineElement } from '@kumo/ui';
import { KumoChaptersMenu } from './chapters-menu.js';

defineElement('kumo-chapters-menu', KumoChaptersMenu);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-chapters-menu': KumoChaptersMenu;
  }
}
