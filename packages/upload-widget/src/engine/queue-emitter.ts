import type { QueueEvent } from './upload-queue.types.js';

/** Hands queue events to listeners, and folds any number of changes into one 'state' event per microtask. */
export class QueueEmitter {
  private readonly listeners = new Set<(event: QueueEvent) => void>();
  private statePending = false;
  private closed = false;

  /** `report` receives what a listener throws; by default it becomes an uncaught error, as in EventTarget. */
  constructor(
    private readonly report: (error: unknown) => void = (error) =>
      queueMicrotask(() => {
        throw error;
      }),
  ) {}

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (event: QueueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Calls every listener; one that throws is reported (as an uncaught error) without stopping the others. */
  emit(event: QueueEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.report(error);
      }
    }
  }

  /** Something changed: one 'state' event follows in a microtask, however many changes come before it. */
  stateChanged(): void {
    if (this.statePending || this.closed) return;
    this.statePending = true;
    queueMicrotask(() => {
      this.statePending = false;
      if (!this.closed) this.emit({ type: 'state' });
    });
  }

  /** Drops every listener and emits nothing more. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
  }
}
