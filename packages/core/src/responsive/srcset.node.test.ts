import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { breakpoints } from './breakpoints.js';
import { breakpointSizes } from './sizes.js';
import { srcset } from './srcset.js';

for (const name of ['CLOUDINARY_URL', 'CLOUDINARY_ACCOUNT_URL', 'CLOUDINARY_API_PROXY'])
  delete process.env[name];
const require = createRequire(import.meta.url);
const cloudinary = require('cloudinary') as typeof import('cloudinary');
const generateBreakpoints = require('cloudinary/lib/utils/generateBreakpoints') as (
  srcset: object,
) => number[];

/** The srcset and sizes attributes of the SDK's `image()` tag, without its analytics parameter. */
function sdkAttributes(
  publicId: string,
  options: Record<string, unknown>,
): { srcset: string; sizes: string } {
  const tag = cloudinary.v2.image(publicId, { urlAnalytics: false, ...options });
  const attribute = (name: string) =>
    (new RegExp(` ${name}='([^']*)'`).exec(tag)?.[1] ?? '').replace(/\?_a=[^ ,]*/g, '');
  return { srcset: attribute('srcset'), sizes: attribute('sizes') };
}

describe('responsive helpers against the SDK', () => {
  it('spreads breakpoints like srcset: { min_width, max_width, max_images }', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4000 }),
        fc.integer({ min: 0, max: 4000 }),
        fc.integer({ min: 1, max: 40 }),
        (min, extra, count) => {
          const max = min + extra;
          assert.deepEqual(
            breakpoints({ min, max, count }),
            generateBreakpoints({ min_width: min, max_width: max, max_images: count }),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('builds the srcset and sizes the SDK puts on <img>', () => {
    const transformation = fc.constantFrom('', 'e_sepia', 'c_fill,g_auto,h_300,w_400', 'e_blur:200/q_auto');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 6 }),
        transformation,
        fc.constantFrom(undefined, 'jpg', 'webp'),
        (widths, tx, format) => {
          const expected = sdkAttributes('folder/sample', {
            cloud_name: 'demo',
            srcset: {
              breakpoints: widths,
              sizes: true,
              ...(tx && { transformation: { raw_transformation: tx } }),
            },
            ...(format && { format }),
          });
          const ours = srcset('folder/sample', {
            cloudName: 'demo',
            widths,
            ...(tx && { transformation: tx }),
            ...(format && { format }),
          });
          assert.equal(ours, expected.srcset);
          assert.equal(breakpointSizes(widths), expected.sizes);
        },
      ),
      { numRuns: 300 },
    );
  });
});
