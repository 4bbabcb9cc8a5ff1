// Video.js 8 as its docs set it up: the default export (which includes VHS, its built-in HLS and DASH
// engine) and the default skin's CSS.
import videojs from 'video.js';
import 'video.js/dist/video-js.css';

export { videojs };
