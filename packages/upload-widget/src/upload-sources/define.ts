import { defineElement } from '@kumo/ui';
import '../upload-source-camera/define.js';
import '../upload-source-local/define.js';
import '../upload-source-url/define.js';
import { KumoUploadSources } from './upload-sources.js';

defineElement('kumo-upload-sources', KumoUploadSources);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-sources': KumoUploadSources;
  }
}
