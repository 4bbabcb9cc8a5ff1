import { defineElement } from '../define/define-element.js';
import { KumoProgress } from './progress.js';

defineElement('kumo-progress', KumoProgress);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-progress': KumoProgress;
  }
}
