/** The DOM-free player state: state table, reducers and pure helpers the player is built on. */

export { type AnalyticsBatch, AnalyticsBatcher, type AnalyticsRecord } from './analytics-batch.js';
export { chaptersFromMap, chaptersFromVtt } from './chapter-sources.js';
export { type Chapter, chapterIndexAt, chapterMarks } from './chapters.js';
export { chooseHlsEngine, failureFromHls, failureFromMediaError, type HlsEngine } from './engine-choice.js';
export { SHORTCUTS, type ShortcutTarget, shortcutFor } from './keyboard-shortcuts.js';
export type { MediaRequest, MediaRequestType } from './media-request.js';
export {
  bufferedAhead,
  CAPTION_SIZES,
  type CaptionSize,
  INITIAL_MEDIA_STATE,
  MEDIA_ERROR_KINDS,
  type MediaErrorKind,
  type MediaFailure,
  type MediaState,
  patchMediaState,
  type QualityLevel,
  qualityLabel,
  qualityLevels,
  readMediaElement,
  resetForSource,
  type TextTrackInfo,
  type TimeRange,
  type UpNextItem,
} from './media-state.js';
export { nextIndex, previousIndex, sourcesFromTagList, tagListUrl } from './playlist.js';
export {
  newQuartileTracker,
  QUARTILES,
  type Quartile,
  type QuartileTracker,
  trackQuartiles,
} from './quartiles.js';
export { initialRebufferState, type RebufferChange, type RebufferState, stepRebuffer } from './rebuffer.js';
export { chaptersSource, type MediaCandidate, type ResolvedMedia, resolveMedia } from './sources.js';
export { frameAt, type StoryboardFrame } from './storyboard.js';
export { parseStoryboard } from './storyboard-vtt.js';
export { clampTime, formatMediaTime, type MediaTimeOptions } from './time-format.js';
export { type Cue, cuesToVtt, cueText, parseCues, parseTimestamp } from './vtt.js';
