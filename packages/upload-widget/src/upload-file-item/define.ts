import { defineElement } from '../part-kit.js';
import '@kumo/ui/progress/define';
import { KumoUploadFileItem } from './upload-file-item.js';

defineElement('kumo-upload-file-item', KumoUploadFileItem);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-file-item': KumoUploadFileItem;
  }
}
