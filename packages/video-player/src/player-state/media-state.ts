import type { Chapter } from './chapters.js';
import type { StoryboardFrame } from './storyboard.js';

/** Caption text sizes the captions menu offers. */
export const CAPTION_SIZES = ['small', 'medium', 'large'] as const;
export type CaptionSize = (typeof CAPTION_SIZES)[number];

/** Why playback failed, as the viewer is told. */
export const MEDIA_ERROR_KINDS = [
  'not-found',
  'network',
  'unsupported',
  'decode',
  'aborted',
  'empty',
  'unknown',
] as const;
export type MediaErrorKind = (typeof MEDIA_ERROR_KINDS)[number];

/** A playback failure. */
export interface MediaFailure {
  readonly kind: MediaErrorKind;
  /** HTTP status of the failed request, when known (404 for a missing public id). */
  readonly status?: number;
  /** Technical detail for developers (hls.js error details, MediaError message). */
  readonly detail: string;
}

/** A caption or subtitle track the captions menu lists. */
export interface TextTrackInfo {
  readonly label: string;
  readonly language: string;
  readonly kind: 'captions' | 'subtitles';
}

/** A time range `[start, end]` in seconds. */
export type TimeRange = readonly [start: number, end: number];

/** A playlist item as the up-next card shows it. */
export interface UpNextItem {
  readonly title: string | undefined;
  readonly poster: string | undefined;
}

/**
 * Everything controls render from, in one immutable object: the player replaces it on every change
 * and pushes it down. This table is the one list of state names.
 */
export interface MediaState {
  /** Not playing (before the first play, paused, or ended). */
  readonly paused: boolean;
  /** Playback position, seconds. */
  readonly currentTime: number;
  /** Length in seconds; NaN until known, Infinity for live streams. */
  readonly duration: number;
  /** Buffered ranges, seconds. */
  readonly buffered: readonly TimeRange[];
  /** Volume, 0–1. */
  readonly volume: number;
  readonly muted: boolean;
  readonly playbackRate: number;
  /** Speeds the rate menu offers (empty hides it). */
  readonly playbackRates: readonly number[];
  /** Renditions of the adaptive stream, highest first; empty for progressive files. */
  readonly qualityLevels: readonly QualityLevel[];
  /** The chosen quality: a level index, or `auto` for adaptive switching. */
  readonly currentQuality: number | 'auto';
  /** The level actually playing (a level index; -1 unknown), shown as "Auto (720p)". */
  readonly playingLevel: number;
  readonly textTracks: readonly TextTrackInfo[];
  /** Index into `textTracks` of the track shown; -1 for off. */
  readonly activeTextTrack: number;
  /** Text of the caption cues showing now (already stripped of markup). */
  readonly captionText: string;
  readonly captionSize: CaptionSize;
  readonly chapters: readonly Chapter[];
  readonly storyboard: readonly StoryboardFrame[];
  readonly fullscreen: boolean;
  /** Fullscreen can be requested here. */
  readonly fullscreenAvailable: boolean;
  readonly pip: boolean;
  /** Picture-in-picture can be requested here. */
  readonly pipAvailable: boolean;
  /** Waiting for data (initial load, seek or stall). */
  readonly waiting: boolean;
  /** Stalled for data after playback had started (not a seek). */
  readonly rebuffering: boolean;
  readonly seeking: boolean;
  /** Playback has started at least once for this source. */
  readonly started: boolean;
  readonly ended: boolean;
  readonly error: MediaFailure | undefined;
  /** Position in the playlist; -1 without one. */
  readonly playlistIndex: number;
  readonly playlistLength: number;
  /** The next playlist item, if any. */
  readonly upNext: UpNextItem | undefined;
  /** Seconds until the next item starts by itself; undefined when no advance is scheduled. */
  readonly advanceIn: number | undefined;
  /** Whether the up-next card is showing. */
  readonly upNextVisible: boolean;
}

/** The state before any source is loaded. */
export const INITIAL_MEDIA_STATE: MediaState = {
  paused: true,
  currentTime: 0,
  duration: Number.NaN,
  buffered: [],
  volume: 1,
  muted: false,
  playbackRate: 1,
  playbackRates: [],
  qualityLevels: [],
  currentQuality: 'auto',
  playingLevel: -1,
  textTracks: [],
  activeTextTrack: -1,
  captionText: '',
  captionSize: 'medium',
  chapters: [],
  storyboard: [],
  fullscreen: false,
  fullscreenAvailable: false,
  pip: false,
  pipAvailable: false,
  waiting: false,
  rebuffering: false,
  seeking: false,
  started: false,
  ended: false,
  error: undefined,
  playlistIndex: -1,
  playlistLength: 0,
  upNext: undefined,
  advanceIn: undefined,
  upNextVisible: false,
};

/** Per-source state that a new source starts again from; the rest (volume, rate, sizes) carries over. */
const PER_SOURCE_KEYS = [
  'paused',
  'currentTime',
  'duration',
  'buffered',
  'qualityLevels',
  'currentQuality',
  'playingLevel',
  'textTracks',
  'activeTextTrack',
  'captionText',
  'chapters',
  'storyboard',
  'waiting',
  'rebuffering',
  'seeking',
  'started',
  'ended',
  'error',
  'advanceIn',
  'upNextVisible',
] as const satisfies readonly (keyof MediaState)[];

/** The state for a new source, keeping what is the viewer's choice rather than the media's. */
export function resetForSource(state: MediaState): MediaState {
  const reset: Record<string, unknown> = { ...state };
  for (const key of PER_SOURCE_KEYS) reset[key] = INITIAL_MEDIA_STATE[key];
  return reset as unknown as MediaState;
}

const sameValue = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  // Buffered ranges are rebuilt on every read; compare them by value so nothing re-renders needlessly.
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.every((item, index) => {
      const other = b[index];
      return Array.isArray(item) && Array.isArray(other)
        ? item[0] === other[0] && item[1] === other[1]
        : Object.is(item, other);
    });
  }
  return false;
};

/**
 * `state` with `patch` applied: the same object when nothing changes (so nothing re-renders),
 * otherwise a new one.
 */
export function patchMediaState(state: MediaState, patch: Partial<MediaState>): MediaState {
  let changed = false;
  for (const key of Object.keys(patch) as (keyof MediaState)[]) {
    if (!sameValue(state[key], patch[key])) {
      changed = true;
      break;
    }
  }
  return changed ? { ...state, ...patch } : state;
}

/** The parts of an `HTMLMediaElement` the state reads; plain objects in tests. */
export interface MediaElementLike {
  readonly paused: boolean;
  readonly currentTime: number;
  readonly duration: number;
  readonly buffered: { readonly length: number; start(index: number): number; end(index: number): number };
  readonly volume: number;
  readonly muted: boolean;
  readonly playbackRate: number;
  readonly seeking: boolean;
  readonly ended: boolean;
}

/** The media element's own facts as a state patch. */
export function readMediaElement(media: MediaElementLike): Partial<MediaState> {
  const buffered: TimeRange[] = [];
  for (let index = 0; index < media.buffered.length; index += 1) {
    buffered.push([media.buffered.start(index), media.buffered.end(index)]);
  }
  return {
    paused: media.paused,
    currentTime: media.currentTime,
    duration: media.duration,
    buffered,
    volume: media.volume,
    muted: media.muted,
    playbackRate: media.playbackRate,
    seeking: media.seeking,
    ended: media.ended,
  };
}

/** Seconds of media buffered ahead of `time` (0 when `time` is outside every range). */
export function bufferedAhead(buffered: readonly TimeRange[], time: number): number {
  for (const [start, end] of buffered) if (time >= start && time <= end) return end - time;
  return 0;
}

// The quality helpers live with the state table rather than in a module of their own: both the
// runtime and the secondary controls use them, and bundlers would give such a module a chunk of
// its own that the runtime could request only once it had arrived itself.

/** One rendition of an adaptive stream, as the quality menu lists it. */
export interface QualityLevel {
  /** Index in the streaming engine's level list (what `currentLevel` takes). */
  readonly index: number;
  readonly width: number;
  readonly height: number;
  /** Bits per second. */
  readonly bitrate: number;
}

/** The fields of an hls.js `Level` the menu needs. */
export interface EngineLevel {
  readonly width?: number;
  readonly height?: number;
  readonly bitrate?: number;
}

/**
 * Quality levels from a streaming engine's level list, highest first for the menu, each keeping its
 * engine index. Levels of the same height keep only the highest bit rate, so the menu has no
 * look-alike entries.
 */
export function qualityLevels(levels: readonly EngineLevel[]): QualityLevel[] {
  const byHeight = new Map<number, QualityLevel>();
  levels.forEach((level, index) => {
    const entry: QualityLevel = {
      index,
      width: level.width ?? 0,
      height: level.height ?? 0,
      bitrate: level.bitrate ?? 0,
    };
    const key = entry.height || -(index + 1);
    const existing = byHeight.get(key);
    if (!existing || existing.bitrate < entry.bitrate) byHeight.set(key, entry);
  });
  return [...byHeight.values()].sort((a, b) => b.height - a.height || b.bitrate - a.bitrate);
}

/** A level's short name: "720p" (the short side, so portrait video reads right), else "1.2 Mbps". */
export function qualityLabel(level: QualityLevel): string {
  const side = Math.min(level.width || level.height, level.height || level.width);
  if (side > 0) return `${side}p`;
  return `${(level.bitrate / 1_000_000).toFixed(1)} Mbps`;
}
