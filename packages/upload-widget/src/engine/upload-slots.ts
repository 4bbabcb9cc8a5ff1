import { abortError } from './abort-error.js';

interface Waiter {
  readonly grant: () => void;
}

/**
 * Limits how many files upload at once (`parallelUploads`). Waiting is first come, first served; a
 * wait can be cancelled, and raising the limit lets waiting uploads in at once.
 */
export class UploadSlots {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private currentLimit: number;

  constructor(limit: number) {
    this.currentLimit = UploadSlots.sanitize(limit);
  }

  private static sanitize(limit: number): number {
    return Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : 1;
  }

  /** Files allowed to upload at the same time. */
  get limit(): number {
    return this.currentLimit;
  }

  set limit(value: number) {
    this.currentLimit = UploadSlots.sanitize(value);
    this.drain();
  }

  /** Uploads holding a slot now. */
  get running(): number {
    return this.active;
  }

  /** Resolves with a release function once a slot is free; rejects with an AbortError if `signal` fires first. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        this.active--;
        this.drain();
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          this.active++;
          resolve(release);
        },
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
      this.drain();
    });
  }

  private drain(): void {
    while (this.active < this.currentLimit && this.waiting.length) this.waiting.shift()!.grant();
  }
}
