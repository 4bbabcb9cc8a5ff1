import { abortError } from './abort-error.js';

/** When to give up on a page's function that has not answered. */
export interface AnswerDeadline {
  readonly ms: number;
  /** What the upload fails with then. */
  readonly error: () => Error;
}

/**
 * Calls one of the page's Cloudinary-style functions (`uploadSignature`, `prepareUploadParams`),
 * which answer through the callback they are given or by returning a promise (`undefined` from a
 * promise counts as no answer yet). Resolves with the first answer; rejects with what the function
 * throws or rejects with, with an AbortError as soon as `signal` fires, or at the `deadline`. Later
 * answers are ignored.
 */
export function askPage(
  call: (answer: (value: unknown) => void) => unknown,
  signal?: AbortSignal,
  deadline?: AnswerDeadline,
): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    let settled = false;
    // A function that never answers must not keep a cancelled upload waiting.
    const onAbort = () => finish(() => reject(abortError()));
    const timer = deadline && setTimeout(() => finish(() => reject(deadline.error())), deadline.ms);
    const finish = (end: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      end();
    };
    const fail = (error: unknown) => finish(() => reject(error));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const returned = call((value) => finish(() => resolve(value)));
      if (returned && typeof (returned as Promise<unknown>).then === 'function') {
        (returned as Promise<unknown>).then((value) => {
          if (value !== undefined) finish(() => resolve(value));
        }, fail);
      }
    } catch (error) {
      fail(error);
    }
  });
}
