import { describe, it } from 'node:test';
import { KumoApiError, KumoClientError } from '@kumo/core';
import { assert } from 'chai';
import { isAbortError } from './abort-error.js';
import { DEFAULT_RETRY_DELAYS, isRetryable, wait, withRetries } from './request-retry.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return assert.fail('expected a rejection');
}

describe('request retries', () => {
  it('waits 0, 1, 3 and 5 seconds by default', () => {
    assert.deepEqual([...DEFAULT_RETRY_DELAYS], [0, 1000, 3000, 5000]);
  });

  it('retries dropped connections, timeouts, rate limits and server errors only', () => {
    for (const status of [0, 408, 420, 429, 500, 502, 503])
      assert.isTrue(isRetryable(new KumoApiError(status, 'x')), String(status));
    for (const status of [400, 401, 403, 404, 409])
      assert.isFalse(isRetryable(new KumoApiError(status, 'x')), String(status));
    assert.isFalse(isRetryable(new KumoClientError('misconfigured')));
    assert.isFalse(isRetryable(new TypeError('bug')));
  });

  it('tries again after each delay until an attempt succeeds', async () => {
    const started = performance.now();
    const attempts: number[] = [];
    const result = await withRetries(
      async (index) => {
        attempts.push(index);
        if (index < 2) throw new KumoApiError(503, 'busy');
        return 'ok';
      },
      [0, 60, 1000],
    );
    assert.equal(result, 'ok');
    assert.deepEqual(attempts, [0, 1, 2]);
    const elapsed = performance.now() - started;
    assert.isAtLeast(elapsed, 55);
    assert.isBelow(elapsed, 900);
  });

  it('gives up with the last error once the delays are used up', async () => {
    let attempts = 0;
    const error = await rejection(
      withRetries(async () => {
        attempts++;
        throw new KumoApiError(500, `failure ${attempts}`);
      }, [0, 0]),
    );
    assert.equal(attempts, 3);
    assert.equal((error as Error).message, 'failure 3');
  });

  it('fails at once on an answer that will not change', async () => {
    let attempts = 0;
    const error = await rejection(
      withRetries(async () => {
        attempts++;
        throw new KumoApiError(401, 'Invalid Signature');
      }, [0, 0, 0]),
    );
    assert.equal(attempts, 1);
    assert.equal((error as KumoApiError).status, 401);
  });

  it('stops waiting when aborted', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const pending = withRetries(
      async () => {
        throw new KumoApiError(0, 'offline');
      },
      [10_000],
      controller.signal,
    );
    setTimeout(() => controller.abort(), 20);
    assert.isTrue(isAbortError(await rejection(pending)));
    assert.isBelow(performance.now() - started, 5000);
    assert.isTrue(isAbortError(await rejection(wait(5, controller.signal))));
  });
});
