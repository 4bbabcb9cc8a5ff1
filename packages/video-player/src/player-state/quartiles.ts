/**
 * Quartile tracking for analytics: 25, 50, 75 and 100 % of a video reached by playing through it.
 * Seeking past a quartile does not count as watching it, and each quartile is reported once per
 * source.
 */

/** The quartiles, in percent. */
export const QUARTILES = [25, 50, 75, 100] as const;
export type Quartile = (typeof QUARTILES)[number];

/** What the tracker remembers between time updates. */
export interface QuartileTracker {
  /** Last position seen while playing, seconds. */
  readonly lastTime: number;
  /** Quartiles already reported. */
  readonly reached: readonly Quartile[];
}

/** A tracker for a new source. */
export const newQuartileTracker = (): QuartileTracker => ({ lastTime: 0, reached: [] });

/** Longest jump between two time updates still counted as playback (longer is a seek). */
const MAX_PLAYBACK_STEP = 2;

/**
 * Advances the tracker to `time`: returns the new tracker and the quartiles crossed since the last
 * update, in order. `seeking` (or a jump longer than a normal update interval) moves the position
 * without crediting what was skipped. `ended` credits the last quartile.
 */
export function trackQuartiles(
  tracker: QuartileTracker,
  update: {
    readonly time: number;
    readonly duration: number;
    readonly seeking?: boolean;
    readonly ended?: boolean;
  },
): { tracker: QuartileTracker; crossed: Quartile[] } {
  const { time, duration } = update;
  if (!(duration > 0) || !Number.isFinite(duration) || !Number.isFinite(time)) {
    return { tracker, crossed: [] };
  }
  const step = time - tracker.lastTime;
  const playedThrough = !update.seeking && step >= 0 && step <= MAX_PLAYBACK_STEP;
  const from = tracker.lastTime / duration;
  const to = time / duration;
  const crossed: Quartile[] = [];
  for (const quartile of QUARTILES) {
    if (tracker.reached.includes(quartile)) continue;
    const mark = quartile / 100;
    // Time updates rarely land on the very end, so the last quartile also counts from 99.5 %.
    const hit =
      quartile === 100
        ? !!update.ended || (playedThrough && to >= 0.995)
        : playedThrough && from < mark && to >= mark;
    if (hit) crossed.push(quartile);
  }
  return {
    tracker: { lastTime: time, reached: crossed.length ? [...tracker.reached, ...crossed] : tracker.reached },
    crossed,
  };
}
