import { defineElement } from '../part-kit.js';
import { KumoUploadCompleted } from './upload-completed.js';

defineElement('kumo-upload-completed', KumoUploadCompleted);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-completed': KumoUploadCompleted;
  }
}
