import { describe, it } from 'node:test';
import { assert } from 'chai';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { type BreakpointOptions, breakpoints } from './breakpoints.js';

describe('breakpoints', () => {
  it('steps from min to max, always ending at max', () => {
    assert.deepEqual(breakpoints({ min: 100, max: 1000, step: 250 }), [100, 350, 600, 850, 1000]);
    assert.deepEqual(breakpoints({ min: 200, max: 800, step: 200 }), [200, 400, 600, 800]);
    assert.deepEqual(breakpoints({ min: 500, max: 500, step: 100 }), [500]);
  });

  it('spreads a count of widths like the SDK (ceil of the step)', () => {
    assert.deepEqual(breakpoints({ min: 100, max: 1000, count: 4 }), [100, 400, 700, 1000]);
    assert.deepEqual(breakpoints({ min: 100, max: 1000, count: 1 }), [1000]);
    assert.deepEqual(breakpoints({ min: 100, max: 101, count: 7 }), [100, 101]);
    assert.deepEqual(breakpoints({ min: 100, max: 200, count: 3 }), [100, 150, 200]);
  });

  it('rejects impossible ranges with DeliveryUrlError', () => {
    const bad: unknown[] = [
      { min: 0, max: 100, step: 10 },
      { min: 200, max: 100, step: 10 },
      { min: 100, max: 200, step: 0 },
      { min: 100, max: 200, count: 0 },
      { min: 100, max: 200, count: 2.5 },
      { min: 100, max: 200 },
      { min: Number.NaN, max: 200, step: 1 },
      null,
    ];
    for (const options of bad) {
      assert.throws(() => breakpoints(options as BreakpointOptions), DeliveryUrlError, /breakpoints/);
    }
  });
});
