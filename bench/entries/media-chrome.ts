// Media Chrome as its docs set it up: every control element registered by the package's main entry
// (no menus). It brings no streaming engine: HLS needs the separate hls-video-element package, which
// is not installed here, so this entry plays progressive files only and has no HLS figure.
import 'media-chrome';
