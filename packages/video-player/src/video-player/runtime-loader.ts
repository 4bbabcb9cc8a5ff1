import type { SourceType, VideoSource } from './video-player.types.js';

/** The lazily loaded runtime chunk. */
export function loadPlayerRuntime(): Promise<typeof import('./player-runtime.js')> {
  return import('./player-runtime.js');
}

/**
 * Whether `source` will start as HLS played through hls.js: its first delivery form is HLS (an
 * explicit `.m3u8` URL, or HLS first among the source types) and Media Source Extensions exist.
 * Only a hint for preloading: `resolveMedia` and `MediaEngine` decide for real, from the runtime
 * chunk, which this module stays out of so the initial load gains no shared chunk.
 */
function startsWithHlsJs(source: VideoSource | undefined, sourceTypes: readonly SourceType[]): boolean {
  const global = globalThis as { MediaSource?: unknown; ManagedMediaSource?: unknown };
  if (typeof global.MediaSource !== 'function' && typeof global.ManagedMediaSource !== 'function')
    return false;
  if (source?.src) return /\.m3u8$/i.test(source.src.split(/[?#]/)[0]!);
  const types = source?.sourceTypes?.length ? source.sourceTypes : sourceTypes;
  return (types[0] ?? 'hls') === 'hls';
}

/**
 * Starts fetching what playing `source` takes while the element is still rendering: the runtime,
 * and hls.js when the source starts as HLS through Media Source Extensions. The session's own
 * imports of these modules later share the requests.
 */
export function preloadPlayback(source: VideoSource | undefined, sourceTypes: readonly SourceType[]): void {
  if (startsWithHlsJs(source, sourceTypes)) void import('hls.js').catch(() => {});
  void loadPlayerRuntime().catch(() => {});
}
