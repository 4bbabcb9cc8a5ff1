import { defineElement, KumoUploadSources } from '../part-kit.js';
import '../upload-source-local/define.js';

// The web address and camera panels register themselves when their tab is first chosen.
defineElement('kumo-upload-sources', KumoUploadSources);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-upload-sources': KumoUploadSources;
  }
}
