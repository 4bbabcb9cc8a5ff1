import { defineElement } from '../part-kit.js';
import { KumoUploadSourceUrl } from './upload-source-url.js';

defineElement('kumo-upload-source-url', KumoUploadSourceUrl);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-source-url': KumoUploadSourceUrl;
  }
}
