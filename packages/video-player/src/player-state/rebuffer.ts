/**
 * Rebuffer detection: playback that stalls for data after it has started, as opposed to the
 * initial load or a stall caused by seeking. Fed the media element's events with a timestamp,
 * it says when a rebuffer starts and how long it lasted when it ends.
 */

/** Media events the detector reads (others leave it unchanged). */
export type RebufferInput =
  | 'play'
  | 'playing'
  | 'waiting'
  | 'seeking'
  | 'seeked'
  | 'pause'
  | 'timeupdate'
  | 'ended'
  | 'emptied';

/** The detector's memory. */
export interface RebufferState {
  /** Playback has begun since the source loaded (the first `playing`). */
  readonly started: boolean;
  readonly seeking: boolean;
  /** When the current rebuffer began (ms), or undefined while not rebuffering. */
  readonly since: number | undefined;
  /** Position when the rebuffer began; time moving past it ends the rebuffer. */
  readonly at: number;
}

/** What changed. */
export type RebufferChange =
  | { readonly type: 'start' }
  | { readonly type: 'end'; readonly durationMs: number };

export const initialRebufferState: RebufferState = {
  started: false,
  seeking: false,
  since: undefined,
  at: 0,
};

/** Applies one media event at `now` (ms) with the media's current `time`. */
export function stepRebuffer(
  state: RebufferState,
  input: RebufferInput,
  now: number,
  time: number,
): { state: RebufferState; change?: RebufferChange } {
  const end = (next: RebufferState) =>
    state.since === undefined
      ? { state: next }
      : {
          state: { ...next, since: undefined },
          change: { type: 'end', durationMs: Math.max(0, now - state.since) } as const,
        };
  switch (input) {
    case 'emptied':
      return end(initialRebufferState);
    case 'playing':
      return end({ ...state, started: true, seeking: false });
    case 'seeking':
      return end({ ...state, seeking: true });
    case 'seeked':
      return { state: { ...state, seeking: false } };
    case 'pause':
    case 'ended':
      return end(state);
    case 'timeupdate':
      return state.since !== undefined && time > state.at ? end(state) : { state };
    case 'waiting':
      if (!state.started || state.seeking || state.since !== undefined) return { state };
      return { state: { ...state, since: now, at: time }, change: { type: 'start' } };
    default:
      return { state };
  }
}
