/**
 * What the player needs once there is something to play, loaded as one lazy chunk alongside
 * hls.js: the session (URL building with @kumo/core, the media engine, requests, playlists,
 * playback events, text-track, chapter and storyboard loading). The first render does without it.
 */
export { PlayerSession } from '../controllers/player-session.js';
