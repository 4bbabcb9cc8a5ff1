import { defineElement } from '@kumo/ui';
import { KumoVolumeControl } from './volume-control.js';

defineElement('kumo-volume-control', KumoVolumeControl);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-volume-control': KumoVolumeControl;
  }
}
