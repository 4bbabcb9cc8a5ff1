// What a page loads before <kumo-video-player> can render: the element and the controls every video
// shows, Lit, @kumo/ui and the parts of @kumo/core the element uses. The playback runtime, hls.js,
// the menus and other locales load as separate chunks (a dynamic `import()`) and are reported apart.
import '@kumo/video-player/define';
