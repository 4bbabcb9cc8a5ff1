import { describe, it } from 'node:test';
import { assert } from 'chai';
import { parseTransformation } from '../transformation/index.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { parseUrl } from '../url/parse.js';
import { dprSrcset, srcset } from './srcset.js';

const base = 'https://res.cloudinary.com/demo/image/upload';

function candidates(value: string): [string, string][] {
  return value.split(', ').map((entry) => entry.split(' ') as [string, string]);
}

describe('srcset', () => {
  it('chains c_scale,w_<width> after the transformation, one candidate per width', () => {
    assert.equal(
      srcset('sample', { cloudName: 'demo', widths: [320, 640], transformation: 'e_sepia' }),
      `${base}/e_sepia/c_scale,w_320/sample 320w, ${base}/e_sepia/c_scale,w_640/sample 640w`,
    );
  });

  it('takes widths from a breakpoint range and keeps the URL options', () => {
    const value = srcset('folder/sample', {
      cloudName: 'demo',
      baseUrl: 'http://127.0.0.1:3000',
      format: 'webp',
      breakpoints: { min: 100, max: 1000, count: 4 },
      crop: 'limit',
    });
    const entries = candidates(value);
    assert.deepEqual(
      entries.map(([, descriptor]) => descriptor),
      ['100w', '400w', '700w', '1000w'],
    );
    for (const [url, descriptor] of entries) {
      const parsed = parseUrl(url);
      assert.equal(parsed.origin, 'http://127.0.0.1:3000');
      assert.equal(parsed.publicId, 'folder/sample');
      assert.equal(parsed.format, 'webp');
      assert.deepEqual(parseTransformation(parsed.transformation), [
        { crop: 'limit', width: Number.parseInt(descriptor, 10) },
      ]);
    }
  });

  it('rejects a missing or empty width list', () => {
    assert.throws(() => srcset('sample', { cloudName: 'demo' }), DeliveryUrlError, /widths/);
    assert.throws(() => srcset('sample', { cloudName: 'demo', widths: [] }), DeliveryUrlError, /widths/);
    assert.throws(
      () => srcset('sample', { cloudName: 'demo', widths: [100, -5] }),
      DeliveryUrlError,
      /positive/,
    );
  });
});

describe('dprSrcset', () => {
  it('delivers one CSS size at each density with dpr_<n>.0', () => {
    assert.equal(
      dprSrcset('sample', { cloudName: 'demo', width: 300 }),
      [1, 2, 3].map((d) => `${base}/c_scale,dpr_${d}.0,w_300/sample ${d}x`).join(', '),
    );
  });

  it('joins the DPR to the last component of a transformation that already sizes the image', () => {
    const value = dprSrcset('sample', {
      cloudName: 'demo',
      transformation: 'e_sepia/c_fill,w_300',
      dprs: [1, 1.5],
    });
    assert.equal(
      value,
      `${base}/e_sepia/c_fill,dpr_1.0,w_300/sample 1x, ${base}/e_sepia/c_fill,dpr_1.5,w_300/sample 1.5x`,
    );
    const model = dprSrcset('sample', {
      cloudName: 'demo',
      transformation: [{ crop: 'fill', width: 300, height: 200 }],
      dprs: [2],
    });
    assert.equal(model, `${base}/c_fill,dpr_2.0,h_200,w_300/sample 2x`);
  });

  it('needs something to size', () => {
    assert.throws(() => dprSrcset('sample', { cloudName: 'demo' }), DeliveryUrlError, /width/);
    assert.throws(
      () => dprSrcset('sample', { cloudName: 'demo', width: 100, dprs: [0] }),
      DeliveryUrlError,
      /dprs/,
    );
  });
});
