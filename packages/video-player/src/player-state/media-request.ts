import type { CaptionSize } from './media-state.js';

/**
 * What a control (or a keyboard shortcut) asks the player to do. Controls never touch the media
 * element: they send one of these up, and the player acts and pushes the new state down.
 */
export type MediaRequest =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle-play' }
  /** Absolute position, seconds. */
  | { readonly type: 'seek'; readonly time: number }
  /** Relative move, seconds (negative goes back). */
  | { readonly type: 'seek-by'; readonly delta: number }
  /** Position as a fraction (0–1) of the duration. */
  | { readonly type: 'seek-fraction'; readonly fraction: number }
  | { readonly type: 'volume'; readonly volume: number }
  | { readonly type: 'volume-by'; readonly delta: number }
  | { readonly type: 'mute'; readonly muted: boolean }
  | { readonly type: 'toggle-mute' }
  | { readonly type: 'rate'; readonly rate: number }
  /** A level index of `qualityLevels`, or `auto` for adaptive switching. */
  | { readonly type: 'quality'; readonly level: number | 'auto' }
  /** An index of `textTracks`, or -1 for off. */
  | { readonly type: 'text-track'; readonly index: number }
  | { readonly type: 'toggle-captions' }
  | { readonly type: 'caption-size'; readonly size: CaptionSize }
  | { readonly type: 'fullscreen'; readonly on: boolean }
  | { readonly type: 'toggle-fullscreen' }
  | { readonly type: 'pip'; readonly on: boolean }
  | { readonly type: 'retry' }
  | { readonly type: 'next' }
  | { readonly type: 'previous' }
  /** Dismisses the up-next card and cancels the automatic advance. */
  | { readonly type: 'cancel-advance' };

/** The request types. */
export type MediaRequestType = MediaRequest['type'];
