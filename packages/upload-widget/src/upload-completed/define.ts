import { defineElement } from '@kumo/ui';
import { KumoUploadCompleted } from './upload-completed.js';

defineElement('kumo-upload-completed', KumoUploadCompleted);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-completed': KumoUploadCompleted;
  }
}
