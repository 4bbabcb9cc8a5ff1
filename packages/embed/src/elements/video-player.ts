// The chunk behind <kumo-video-player> and kumo.videoPlayer: the element and the Cloudinary-shaped
// layer over it.
import '@kumo/video-player/define';

export { EmbeddedVideoPlayer } from '../video-player-handle.js';
