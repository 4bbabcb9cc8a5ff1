import { defineElement } from '@kumo/ui';
import { KumoUpNext } from './up-next.js';

defineElement('kumo-up-next', KumoUpNext);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-up-next': KumoUpNext;
  }
}
