import { defineElement } from '../part-kit.js';
import { KumoUploadCrop } from './upload-crop.js';

defineElement('kumo-upload-crop', KumoUploadCrop);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-crop': KumoUploadCrop;
  }
}
