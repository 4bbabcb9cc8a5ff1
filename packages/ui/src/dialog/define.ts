import { defineElement } from '../define/define-element.js';
import { KumoDialog } from './dialog.js';

defineElement('kumo-dialog', KumoDialog);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-dialog': KumoDialog;
  }
}
