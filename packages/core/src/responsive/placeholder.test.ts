import { describe, it } from 'node:test';
import { assert } from 'chai';
import { parseTransformation } from '../transformation/index.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { parseUrl } from '../url/parse.js';
import { type PlaceholderMode, placeholderTransformation, placeholderUrl } from './placeholder.js';

// The placeholder chains are the ones Cloudinary's front-end placeholder plugin applies, with
// quality 1 (README, "Responsive images").
const base = 'https://res.cloudinary.com/demo/image/upload';

describe('placeholders', () => {
  it('blurs by default', () => {
    assert.equal(placeholderUrl('sample', { cloudName: 'demo' }), `${base}/e_blur:2000,f_auto,q_1/sample`);
  });

  it('pixelates after the image transformation', () => {
    assert.equal(
      placeholderUrl('sample', { cloudName: 'demo', mode: 'pixelate', transformation: 'c_fill,w_400' }),
      `${base}/c_fill,w_400/e_pixelate,f_auto,q_1/sample`,
    );
  });

  it('fills the frame with the predominant colour', () => {
    assert.equal(
      placeholderUrl('sample', { cloudName: 'demo', mode: 'predominant-color', format: 'jpg' }),
      `${base}/ar_1,b_auto,c_pad,w_iw_div_2/c_crop,g_north_east,h_1,w_1/c_fill,h_ih,w_iw/f_auto,q_1/sample.jpg`,
    );
  });

  it('builds chains the strict parser reads back', () => {
    for (const mode of ['blur', 'pixelate', 'predominant-color'] as const) {
      const parsed = parseUrl(placeholderUrl('sample', { cloudName: 'demo', mode }));
      assert.deepEqual(parseTransformation(parsed.transformation), placeholderTransformation(mode));
    }
  });

  it('hands out copies and rejects unknown modes', () => {
    const first = placeholderTransformation('blur') as { quality?: unknown }[];
    first[0]!.quality = 99;
    assert.equal(placeholderUrl('sample', { cloudName: 'demo' }), `${base}/e_blur:2000,f_auto,q_1/sample`);
    assert.throws(
      () => placeholderTransformation('sepia' as PlaceholderMode),
      DeliveryUrlError,
      /placeholder mode/,
    );
  });
});
