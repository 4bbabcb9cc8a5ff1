/** One storyboard thumbnail: a time range and the rectangle of the sprite image that shows it. */
export interface StoryboardFrame {
  readonly start: number;
  readonly end: number;
  /** Absolute URL of the sprite image. */
  readonly url: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The frame showing `time` (binary search over frames sorted by start); the nearest at the edges. */
export function frameAt(frames: readonly StoryboardFrame[], time: number): StoryboardFrame | undefined {
  if (frames.length === 0 || !Number.isFinite(time)) return undefined;
  let low = 0;
  let high = frames.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (frames[middle]!.start <= time) low = middle;
    else high = middle - 1;
  }
  return frames[low];
}
