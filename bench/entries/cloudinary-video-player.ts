// Cloudinary's Video Player as its README sets it up for bundlers: the default entry and the skin's
// CSS. The default entry is a small proxy: Video.js, the player core and, for HLS sources, the
// adaptive-streaming plugin with its hls.js load through dynamic imports when a player is created,
// so almost all of it shows in the lazy figure.
import cloudinary from 'cloudinary-video-player';
import 'cloudinary-video-player/cld-video-player.min.css';

export { cloudinary };
