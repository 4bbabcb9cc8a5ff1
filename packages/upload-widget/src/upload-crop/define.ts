import { defineElement } from '@kumo/ui';
import { KumoUploadCrop } from './upload-crop.js';

defineElement('kumo-upload-crop', KumoUploadCrop);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-crop': KumoUploadCrop;
  }
}
