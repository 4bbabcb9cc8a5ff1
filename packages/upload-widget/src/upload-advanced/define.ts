import { defineElement } from '@kumo/ui';
import { KumoUploadAdvanced } from './upload-advanced.js';

defineElement('kumo-upload-advanced', KumoUploadAdvanced);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-advanced': KumoUploadAdvanced;
  }
}
