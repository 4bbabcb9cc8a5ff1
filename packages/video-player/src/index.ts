/**
 * @kumo/video-player — `<kumo-video-player>` and its controls. Importing this module registers
 * nothing; import `@kumo/video-player/define` to register every element.
 */

export { KumoCaptionsMenu } from './captions-menu/captions-menu.js';
export { KumoChaptersMenu } from './chapters-menu/chapters-menu.js';
export type { StreamingEngine } from './controllers/media-engine.js';
export { KumoFullscreenButton } from './fullscreen-button/fullscreen-button.js';
export { KumoJumpButton } from './jump-button/jump-button.js';
export { type PlayerStrings, playerStrings } from './locales/strings.js';
export { KumoMediaControl } from './media-context/media-control.js';
export * from './media-context/media-request.events.js';
export { KumoMediaMenu, type MenuGroup, type MenuItem } from './media-menu/media-menu.js';
export { KumoPipButton } from './pip-button/pip-button.js';
export { KumoPlayButton } from './play-button/play-button.js';
export { KumoPlayerError } from './player-error/player-error.js';
export * from './player-state/index.js';
export { KumoQualityMenu } from './quality-menu/quality-menu.js';
export { KumoRateMenu } from './rate-menu/rate-menu.js';
export { KumoSeekBar } from './seek-bar/seek-bar.js';
export { KumoTimeDisplay } from './time-display/time-display.js';
export { KumoUpNext } from './up-next/up-next.js';
export * from './video-player/video-player.events.js';
export { KumoVideoPlayer } from './video-player/video-player.js';
export * from './video-player/video-player.types.js';
export { KumoVolumeControl } from './volume-control/volume-control.js';
