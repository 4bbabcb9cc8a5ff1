import type { VideoPlayerOptions, VideoSource } from '../video-player/video-player.types.js';

/** The player options that describe a single source. */
export type SingleSourceOptions = Pick<
  VideoPlayerOptions,
  | 'publicId'
  | 'src'
  | 'videoTitle'
  | 'videoSubtitle'
  | 'videoDescription'
  | 'poster'
  | 'posterOptions'
  | 'textTracks'
  | 'chapters'
>;

/**
 * The source in effect: the playlist item at `playlistIndex` (the first one while that is -1),
 * or, without a playlist, the player's own options; undefined when those name nothing to play.
 */
export function sourceInEffect(
  items: readonly VideoSource[],
  playlistIndex: number,
  options: SingleSourceOptions,
): VideoSource | undefined {
  if (items.length) return items[Math.max(0, playlistIndex)];
  if (!options.publicId && !options.src) return undefined;
  const {
    publicId,
    src,
    videoTitle,
    videoSubtitle,
    videoDescription,
    poster,
    posterOptions,
    textTracks,
    chapters,
  } = options;
  return {
    publicId,
    src,
    title: videoTitle,
    subtitle: videoSubtitle,
    description: videoDescription,
    poster,
    posterOptions,
    textTracks,
    chapters,
  } as VideoSource;
}
