/** What a single-flight task produces: its value, and optionally work that must finish before the key is free. */
export interface FlightOutcome<T> {
  readonly value: T;
  /** While this runs (storing the rendering), later callers still get `value` instead of starting again. */
  readonly settled?: Promise<unknown>;
}

/**
 * Shares one in-flight promise per key inside this process, so concurrent requests for the same
 * not-yet-rendered derived asset wait for one render. Several processes can still render the same
 * key at once; the derived catalog keeps the first row and the others delete their blob.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  /** Runs `task` unless a call with this key is already running; `shared` tells which happened. */
  async run(key: string, task: () => Promise<FlightOutcome<T>>): Promise<{ value: T; shared: boolean }> {
    const existing = this.inFlight.get(key);
    if (existing) return { value: await existing, shared: true };
    const outcome = task();
    const value = outcome.then((result) => result.value);
    this.inFlight.set(key, value);
    void outcome
      .then((result) => result.settled)
      .catch(() => undefined)
      .finally(() => this.inFlight.delete(key));
    return { value: await value, shared: false };
  }
}
