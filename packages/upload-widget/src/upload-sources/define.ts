import { defineElement } from '@kumo/ui/define-element';
import '../upload-source-local/define.js';
import { KumoUploadSources } from './upload-sources.js';

// The web address and camera panels register themselves when their tab is first chosen.
defineElement('kumo-upload-sources', KumoUploadSources);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-sources': KumoUploadSources;
  }
}
