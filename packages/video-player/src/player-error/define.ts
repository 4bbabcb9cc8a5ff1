import { defineElement } from '@kumo/ui';
import { KumoPlayerError } from './player-error.js';

defineElement('kumo-player-error', KumoPlayerError);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-player-error': KumoPlayerError;
  }
}
