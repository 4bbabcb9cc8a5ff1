import { describe, it } from 'node:test';
import { assert } from 'chai';
import { isAbortError } from './abort-error.js';
import { UploadSlots } from './upload-slots.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UploadSlots', () => {
  it('falls back to one slot for a limit that makes no sense', () => {
    assert.equal(new UploadSlots(0).limit, 1);
    assert.equal(new UploadSlots(Number.NaN).limit, 1);
    assert.equal(new UploadSlots(2.7).limit, 2);
  });

  it('lets in up to the limit and the next waiter when a slot is released, in order', async () => {
    const slots = new UploadSlots(2);
    const order: number[] = [];
    const releases = new Map<number, () => void>();
    for (const index of [1, 2, 3, 4]) {
      void slots.acquire().then((release) => {
        order.push(index);
        releases.set(index, release);
      });
    }
    await tick();
    assert.deepEqual(order, [1, 2]);
    assert.equal(slots.running, 2);
    releases.get(2)!();
    releases.get(2)!(); // releasing twice frees one slot only
    await tick();
    assert.deepEqual(order, [1, 2, 3]);
    assert.equal(slots.running, 2);
  });

  it('lets waiting uploads in at once when the limit is raised', async () => {
    const slots = new UploadSlots(1);
    let granted = 0;
    for (let index = 0; index < 3; index++) void slots.acquire().then(() => granted++);
    await tick();
    assert.equal(granted, 1);
    slots.limit = 3;
    await tick();
    assert.equal(granted, 3);
  });

  it('rejects a cancelled wait with an AbortError and does not count it', async () => {
    const slots = new UploadSlots(1);
    const release = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort();
    const error = await waiting.then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.isTrue(isAbortError(error));
    release();
    const next = await slots.acquire();
    assert.equal(slots.running, 1);
    next();
    assert.equal(slots.running, 0);
  });

  it('refuses at once when the signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await new UploadSlots(3).acquire(controller.signal).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.isTrue(isAbortError(error));
  });
});
