import { defineElement } from '../part-kit.js';
import { KumoUploadAdvanced } from './upload-advanced.js';

defineElement('kumo-upload-advanced', KumoUploadAdvanced);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-advanced': KumoUploadAdvanced;
  }
}
