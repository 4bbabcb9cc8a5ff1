/** How far back the speed looks: long enough to smooth out bursts, short enough to follow a changing link. */
export const SPEED_WINDOW_MS = 5_000;

// Below this span a speed is mostly noise (the first progress events of a request arrive in a burst).
const MIN_SPAN_MS = 200;

interface Sample {
  readonly at: number;
  readonly bytes: number;
}

/** Upload speed over a sliding window of progress samples, and the time left at that speed. */
export class ProgressMeter {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = SPEED_WINDOW_MS) {}

  /** Records that `bytes` were sent by `at` (ms). A count going backwards (a resent chunk) starts over. */
  sample(bytes: number, at: number = performance.now()): void {
    const last = this.samples[this.samples.length - 1];
    if (last && bytes < last.bytes) this.samples = [];
    this.samples.push({ at, bytes });
    // Keep one sample older than the window so the window is always fully covered.
    while (this.samples.length > 2 && this.samples[1]!.at <= at - this.windowMs) this.samples.shift();
  }

  /** Forgets every sample (a new attempt, or the upload ended). */
  reset(): void {
    this.samples = [];
  }

  /** Bytes per second over the window; 0 until the samples span enough time. */
  get speed(): number {
    const first = this.samples[0];
    const last = this.samples[this.samples.length - 1];
    if (!first || !last) return 0;
    const span = last.at - first.at;
    if (span < MIN_SPAN_MS) return 0;
    return ((last.bytes - first.bytes) * 1000) / span;
  }

  /** Seconds until `total` bytes at the current speed; undefined while the speed is unknown. */
  secondsLeft(total: number): number | undefined {
    const speed = this.speed;
    const last = this.samples[this.samples.length - 1];
    if (!last || speed <= 0) return undefined;
    return Math.max(0, (total - last.bytes) / speed);
  }
}
