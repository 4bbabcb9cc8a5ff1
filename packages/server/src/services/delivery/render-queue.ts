/** Thrown when every render slot is busy and the queue is full: the route answers 503. */
export class RenderQueueFullError extends Error {
  override name = 'RenderQueueFullError';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many renders in progress, try again shortly');
  }
}

/**
 * A per-process limit on concurrent renders with a bounded FIFO queue. Rendering is CPU-bound, so
 * running more renders than cores only makes every one of them slower; past the queue, refusing
 * quickly lets a CDN or client retry elsewhere instead of piling up memory.
 */
export class RenderQueue {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private recentMs = 1000;

  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
  ) {}

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.waiting.length >= this.queueLength) throw new RenderQueueFullError(this.retryAfter());
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    const started = performance.now();
    try {
      return await task();
    } finally {
      // A moving average of render time sizes Retry-After to how fast the queue actually drains.
      this.recentMs = this.recentMs * 0.8 + (performance.now() - started) * 0.2;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  private retryAfter(): number {
    const drainMs = ((this.waiting.length + this.active) * this.recentMs) / this.concurrency;
    return Math.min(60, Math.max(1, Math.ceil(drainMs / 1000)));
  }
}
