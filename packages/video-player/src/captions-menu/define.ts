import { defineElement } from '@kumo/ui';
import { KumoCaptionsMenu } from './captions-menu.js';

defineElement('kumo-captions-menu', KumoCaptionsMenu);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-captions-menu': KumoCaptionsMenu;
  }
}
