import { KumoApiError } from '@kumo/core';
import { abortError } from './abort-error.js';

/** Delays before each automatic retry of a failed request, in ms: four retries over about nine seconds. */
export const DEFAULT_RETRY_DELAYS: readonly number[] = [0, 1000, 3000, 5000];

/**
 * Worth trying again: no answer at all (dropped connection, server restarting), a timeout, rate
 * limiting (429, and Cloudinary's 420) or a server error. Other 4xx answers will not change.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof KumoApiError)) return false;
  const { status } = error;
  return status === 0 || status === 408 || status === 420 || status === 429 || status >= 500;
}

/** Resolves after `ms`, or rejects with an AbortError as soon as `signal` fires. */
export function wait(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` and, while it fails with a retryable error, runs it again after each of `delays` in
 * turn. The last error is thrown once the delays are used up or the error is not retryable.
 */
export async function withRetries<T>(
  attempt: (attemptIndex: number) => Promise<T>,
  delays: readonly number[],
  signal?: AbortSignal,
): Promise<T> {
  for (let index = 0; ; index++) {
    try {
      return await attempt(index);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      if (index >= delays.length || !isRetryable(error)) throw error;
      await wait(Math.max(0, delays[index] ?? 0), signal);
    }
  }
}
