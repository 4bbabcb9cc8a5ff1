import { defineElement } from '@kumo/ui';
import '@kumo/ui/dialog/define';
import '@kumo/ui/progress/define';
import '../upload-advanced/define.js';
import '../upload-completed/define.js';
import '../upload-crop/define.js';
import '../upload-file-item/define.js';
import '../upload-sources/define.js';
import { KumoUploadWidget } from './upload-widget.js';

defineElement('kumo-upload-widget', KumoUploadWidget);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-widget': KumoUploadWidget;
  }
}
