import { defineElement } from '@kumo/ui';
import '@kumo/ui/progress/define';
import { KumoUploadFileItem } from './upload-file-item.js';

defineElement('kumo-upload-file-item', KumoUploadFileItem);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-file-item': KumoUploadFileItem;
  }
}
