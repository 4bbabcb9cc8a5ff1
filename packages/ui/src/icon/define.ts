import { defineElement } from '../define/define-element.js';
import { KumoIcon } from './icon.js';

defineElement('kumo-icon', KumoIcon);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-icon': KumoIcon;
  }
}
