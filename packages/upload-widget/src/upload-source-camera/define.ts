import { defineElement } from '../part-kit.js';
import { KumoUploadSourceCamera } from './upload-source-camera.js';

defineElement('kumo-upload-source-camera', KumoUploadSourceCamera);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-source-camera': KumoUploadSourceCamera;
  }
}
