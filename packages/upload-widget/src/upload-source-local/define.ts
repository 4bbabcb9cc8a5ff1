import { defineElement } from '@kumo/ui/define-element';
import { KumoUploadSourceLocal } from './upload-source-local.js';

defineElement('kumo-upload-source-local', KumoUploadSourceLocal);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-source-local': KumoUploadSourceLocal;
  }
}
