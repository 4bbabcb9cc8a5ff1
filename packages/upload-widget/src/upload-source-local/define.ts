import { defineElement, KumoUploadSourceLocal } from '../part-kit.js';

defineElement('kumo-upload-source-local', KumoUploadSourceLocal);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-source-local': KumoUploadSourceLocal;
  }
}
