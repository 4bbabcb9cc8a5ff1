import type { ComplexAttributeConverter, PropertyDeclaration } from 'lit';
import type { AutoAdvance, ChaptersOption, VideoPlayerOptions, VideoSource } from './video-player.types.js';

/** A space- or comma-separated attribute as a list of words. */
const wordList: ComplexAttributeConverter<readonly string[]> = {
  fromAttribute: (value) => (value ?? '').split(/[\s,]+/).filter(Boolean),
  toAttribute: (value) => value.join(' '),
};

/** A space- or comma-separated attribute as a list of numbers (non-numbers dropped). */
const numberList: ComplexAttributeConverter<readonly number[]> = {
  fromAttribute: (value) =>
    (value ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number)
      .filter((rate) => Number.isFinite(rate) && rate > 0),
  toAttribute: (value) => value.join(' '),
};

/** `no-seek-thumbnails` turns the default-on option off (boolean attributes can only add). */
const negated: ComplexAttributeConverter<boolean> = {
  fromAttribute: (value) => value === null,
  toAttribute: (value) => (value ? null : ''),
};

/** `auto-advance="5"` waits five seconds, `auto-advance="false"` stops after each item. */
const autoAdvance: ComplexAttributeConverter<AutoAdvance> = {
  fromAttribute: (value) => {
    if (value === null || value.trim() === '') return 0;
    if (value === 'false') return false;
    const seconds = Number(value);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : 0;
  },
};

/** `chapters` (empty or `true`) takes chapters from the text tracks; any other value is a URL. */
const chapters: ComplexAttributeConverter<ChaptersOption | undefined> = {
  fromAttribute: (value) => {
    if (value === null) return undefined;
    if (value === '' || value === 'true') return true;
    if (value === 'false') return false;
    return value;
  },
};

/** Every option's property declaration; the keys are exactly those of `VideoPlayerOptions`. */
export const playerProperties: Record<keyof VideoPlayerOptions, PropertyDeclaration> = {
  apiBase: { attribute: 'api-base' },
  cloudName: { attribute: 'cloud-name' },
  publicId: { attribute: 'public-id' },
  src: {},
  sourceTypes: { attribute: 'source-types', converter: wordList },
  transformation: {},
  poster: {},
  posterOptions: { attribute: false },
  textTracks: { attribute: false },
  chapters: { converter: chapters },
  seekThumbnails: { attribute: 'no-seek-thumbnails', converter: negated },
  playbackRates: { attribute: 'playback-rates', converter: numberList },
  showJumpControls: { type: Boolean, attribute: 'show-jump-controls' },
  chaptersButton: { type: Boolean, attribute: 'chapters-button' },
  pictureInPictureToggle: { type: Boolean, attribute: 'picture-in-picture-toggle' },
  hideControls: { attribute: 'hide-controls', converter: wordList },
  noControls: { type: Boolean, attribute: 'no-controls' },
  autoplayMode: { attribute: 'autoplay-mode' },
  loop: { type: Boolean },
  muted: { type: Boolean },
  preload: {},
  floatingWhenNotVisible: { attribute: 'floating-when-not-visible', reflect: true },
  videoTitle: { attribute: 'video-title' },
  videoSubtitle: { attribute: 'video-subtitle' },
  videoDescription: { attribute: 'video-description' },
  colors: { attribute: false },
  fontFace: { attribute: 'font-face' },
  logo: { attribute: false },
  playlist: { attribute: false },
  playlistByTag: { attribute: 'playlist-by-tag' },
  autoAdvance: { attribute: 'auto-advance', converter: autoAdvance },
  repeat: { type: Boolean },
  presentUpcoming: { type: Number, attribute: 'present-upcoming' },
  beaconUrl: { attribute: 'beacon-url' },
};

/**
 * The options `source(publicIdOrUrl, options)` sets: a public id, or a URL (anything with a scheme
 * or starting with `/`), with the source's own title, poster and tracks; any playlist is left.
 */
export function sourceOptions(
  publicIdOrUrl: string,
  options: Omit<VideoSource, 'publicId' | 'src'>,
): Partial<VideoPlayerOptions> {
  const isUrl = /^([a-z][a-z0-9+.-]*:|\/)/i.test(publicIdOrUrl);
  return {
    playlist: undefined,
    playlistByTag: undefined,
    publicId: isUrl ? undefined : publicIdOrUrl,
    src: isUrl ? publicIdOrUrl : undefined,
    videoTitle: options.title,
    videoSubtitle: options.subtitle,
    videoDescription: options.description,
    poster: options.poster,
    posterOptions: options.posterOptions,
    textTracks: options.textTracks,
    chapters: options.chapters,
    ...(options.transformation !== undefined && { transformation: options.transformation }),
    ...(options.sourceTypes && { sourceTypes: options.sourceTypes }),
  };
}
