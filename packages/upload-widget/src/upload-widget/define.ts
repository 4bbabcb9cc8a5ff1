import { defineElement } from '@kumo/ui/define-element';
import '@kumo/ui/dialog/define';
import '../upload-sources/define.js';
import { KumoUploadWidget } from './upload-widget.js';

// What opening the widget and picking files needs; the other parts (queue rows, crop step, camera,
// web address, uploaded files, advanced options) register themselves when first shown.
defineElement('kumo-upload-widget', KumoUploadWidget);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-widget': KumoUploadWidget;
  }
}
