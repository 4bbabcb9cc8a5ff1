import { describe, it } from 'node:test';
import { assert } from 'chai';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { breakpointSizes, type SizesRule, sizes } from './sizes.js';

describe('sizes', () => {
  it('writes media conditions, slot widths and the fallback last', () => {
    assert.equal(
      sizes(
        [
          { maxWidth: 600, size: '100vw' },
          { minWidth: 601, maxWidth: 1200, size: '50vw' },
        ],
        800,
      ),
      '(max-width: 600px) 100vw, (min-width: 601px) and (max-width: 1200px) 50vw, 800px',
    );
    assert.equal(
      sizes([{ media: '(orientation: portrait)', size: 'calc(100vw - 2rem)' }]),
      '(orientation: portrait) calc(100vw - 2rem)',
    );
    assert.equal(sizes([], '100vw'), '100vw');
  });

  it('gives the SDK form for a breakpoint list', () => {
    assert.equal(breakpointSizes([320, 640]), '(max-width: 320px) 320px, (max-width: 640px) 640px');
  });

  it('rejects rules without a usable size', () => {
    assert.throws(() => sizes([{ maxWidth: 10 } as unknown as SizesRule]), DeliveryUrlError, /size/);
    assert.throws(() => sizes([{ size: -1 }]), DeliveryUrlError, /size/);
    assert.throws(() => sizes('100vw' as unknown as SizesRule[]), DeliveryUrlError, /array/);
  });
});
