import { defineElement } from '@kumo/ui';
import { KumoTimeDisplay } from './time-display.js';

defineElement('kumo-time-display', KumoTimeDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-time-display': KumoTimeDisplay;
  }
}
