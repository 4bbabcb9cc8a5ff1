import { defineElement } from '@kumo/ui/define-element';
import { KumoUploadWidget } from './upload-widget.js';

// Only the element itself: its parts (the dialog, the source tabs, queue rows, crop step, camera, web
// address, uploaded files, advanced options) register themselves when first shown, and the dialog
// and source tabs are fetched ahead of that once the page is idle or the person reaches for the
// trigger.
defineElement('kumo-upload-widget', KumoUploadWidget);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-widget': KumoUploadWidget;
  }
}
