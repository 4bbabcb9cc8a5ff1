import { defineElement } from '@kumo/ui';
import { KumoSeekBar } from './seek-bar.js';

defineElement('kumo-seek-bar', KumoSeekBar);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-seek-bar': KumoSeekBar;
  }
}
