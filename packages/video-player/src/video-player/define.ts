import { defineElement } from '@kumo/ui';
import { KumoVideoPlayer } from './video-player.js';

defineElement('kumo-video-player', KumoVideoPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'kumo-video-player': KumoVideoPlayer;
  }
}
