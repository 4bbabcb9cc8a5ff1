/**
 * Batches analytics events for a beacon endpoint: events queue up and go out together when the
 * batch is full, after a delay, or at once when the page is being hidden. Sending and timers are
 * injected, so the batching rules are testable without a network.
 */

/** One analytics record. */
export interface AnalyticsRecord {
  /** Event name, e.g. `play`, `progress-quartile`. */
  readonly type: string;
  /** Wall-clock time of the event (ms since the epoch). */
  readonly at: number;
  /** Media position, seconds. */
  readonly position: number;
  /** Public id or URL of the source. */
  readonly source: string;
  /** Event-specific values. */
  readonly data?: Readonly<Record<string, unknown>>;
}

/** How a batch is delivered; returns whether the browser accepted it. */
export type BatchSender = (body: string, reason: 'full' | 'timer' | 'hidden' | 'manual') => boolean;

/** Options of `AnalyticsBatcher`. */
export interface AnalyticsBatcherOptions {
  readonly send: BatchSender;
  /** Records per batch before it goes out; default 20. */
  readonly maxRecords?: number;
  /** Longest wait before a partial batch goes out (ms); default 10 000. */
  readonly maxDelayMs?: number;
  /** Identifies the viewing session in every batch. */
  readonly sessionId: string;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** The JSON body of one batch. */
export interface AnalyticsBatch {
  readonly session: string;
  readonly events: readonly AnalyticsRecord[];
}

/** Collects records and delivers them in batches. */
export class AnalyticsBatcher {
  private queue: AnalyticsRecord[] = [];
  private timer: unknown;
  private readonly options: Required<AnalyticsBatcherOptions>;

  constructor(options: AnalyticsBatcherOptions) {
    this.options = {
      maxRecords: 20,
      maxDelayMs: 10_000,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** Records waiting to be sent. */
  get pending(): readonly AnalyticsRecord[] {
    return this.queue;
  }

  /** Queues a record; sends the batch when it is full, else makes sure a timer will. */
  add(record: AnalyticsRecord): void {
    this.queue.push(record);
    if (this.queue.length >= this.options.maxRecords) this.flush('full');
    else if (this.timer === undefined) {
      this.timer = this.options.setTimer(() => {
        this.timer = undefined;
        this.flush('timer');
      }, this.options.maxDelayMs);
    }
  }

  /** Sends everything queued now. A batch the sender refuses stays queued for the next flush. */
  flush(reason: 'full' | 'timer' | 'hidden' | 'manual' = 'manual'): void {
    if (this.timer !== undefined) {
      this.options.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.queue.length === 0) return;
    const batch: AnalyticsBatch = { session: this.options.sessionId, events: this.queue };
    if (this.options.send(JSON.stringify(batch), reason)) this.queue = [];
  }

  /** Stops the timer, dropping nothing: call `flush('hidden')` first to deliver what is left. */
  dispose(): void {
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = undefined;
  }
}
