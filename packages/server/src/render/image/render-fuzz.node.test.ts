/**
 * Random but well-formed transformation models (built as models, round-tripped through the core
 * serializer and parser) never make renderImage fail with anything but a RenderError.
 */

import { describe, it } from 'node:test';
import {
  type Component,
  CROP_MODES,
  parseTransformation,
  serializeTransformation,
  type Transformation,
} from '@kumo/core';
import { assert } from 'chai';
import fc from 'fast-check';
import sharp from 'sharp';
import { RenderError, renderImage } from './index.js';

const size = fc.oneof(
  fc.integer({ min: 1, max: 400 }),
  fc.constantFrom(0.25, 0.5, '1.0', 1.5, 'iw_div_2', 'ih_mul_0.3', '$v', 'auto:50', 'auto:100:200'),
  fc.integer({ min: 401, max: 100000 }),
);
const offset = fc.oneof(fc.integer({ min: -300, max: 300 }), fc.constantFrom(0.2, 0.9, 'w_div_4'));
const color = fc.constantFrom('red', 'rgb:00ff0080', 'rgb:abc', 'transparent', 'white', 'auto', 'bogus');
const effect = fc.record(
  {
    name: fc.constantFrom(
      'blur',
      'blur_region',
      'grayscale',
      'sepia',
      'sharpen',
      'unsharp_mask',
      'brightness',
      'contrast',
      'saturation',
      'gamma',
      'negate',
      'pixelate',
      'pixelate_region',
      'vignette',
      'colorize',
      'tint',
      'trim',
      'shadow',
      'hue',
      'blackwhite',
      'multiply',
      'oil_paint',
      'red',
      'auto_contrast',
    ),
    args: fc.array(fc.oneof(fc.integer({ min: -150, max: 2500 }), fc.constantFrom('red', 'blue', '40p')), {
      maxLength: 3,
    }),
  },
  { requiredKeys: ['name'] },
);
const layer = fc.oneof(
  fc.record({
    kind: fc.constant('asset' as const),
    publicId: fc.constantFrom('logo', 'missing', 'folder/logo'),
  }),
  fc.record({
    kind: fc.constant('text' as const),
    text: fc.string({ minLength: 0, maxLength: 30 }),
    style: fc.record(
      {
        fontFamily: fc.constantFrom('Arial', 'Times', 'Courier', 'Unknown'),
        fontSize: fc.integer({ min: 1, max: 120 }),
        fontWeight: fc.constantFrom('bold', 'light', undefined),
        letterSpacing: fc.constantFrom(undefined, -2, 5),
      },
      { requiredKeys: ['fontFamily', 'fontSize'] },
    ),
  }),
);

const fields: Record<string, fc.Arbitrary<unknown>> = {
  crop: fc.constantFrom(...CROP_MODES),
  width: size,
  height: size,
  aspectRatio: fc.constantFrom('16:9', 1.5, '1:3', 0.1),
  gravity: fc.constantFrom(
    'north',
    'south_east',
    'center',
    'xy_center',
    'auto',
    'face',
    'auto:classic',
    'liquid',
    'cat',
  ),
  x: offset,
  y: offset,
  zoom: fc.constantFrom(0.5, 1, 2, 4),
  quality: fc.constantFrom(1, 50, 100, 'auto', 'auto:low', '80:420', 'jpegmini'),
  format: fc.constantFrom('jpg', 'png', 'webp', 'avif', 'gif', 'auto', 'tiff', 'bmp'),
  dpr: fc.constantFrom(1, '2.0', 'auto', 0.5),
  radius: fc.oneof(
    fc.constantFrom('max', 0, 10, 500),
    fc.array(fc.integer({ min: 0, max: 80 }), { minLength: 2, maxLength: 4 }),
  ),
  angle: fc.oneof(
    fc.integer({ min: -720, max: 720 }),
    fc.constantFrom('hflip', 'vflip', 'auto_right', 'auto_left', 'exif', 'ignore'),
  ),
  effect,
  opacity: fc.constantFrom(0, 30, 100, 150),
  border: fc.constantFrom('3px_solid_red', '10px_dashed_blue', '1px_dotted_rgb:00ff00'),
  background: color,
  color,
  flags: fc.subarray([
    'progressive',
    'lossy',
    'relative',
    'no_overflow',
    'tiled',
    'attachment',
    'keep_iptc',
    'png8',
  ]),
  overlay: layer,
  page: fc.constantFrom(1, 2),
  namedTransformation: fc.constantFrom('small', 'missing'),
};

/** A component with one to four fields, like real ones (a component with every field never renders). */
const component: fc.Arbitrary<Component> = fc
  .uniqueArray(fc.constantFrom(...Object.keys(fields)), { minLength: 1, maxLength: 4 })
  .chain((keys) =>
    fc
      .tuple(...keys.map((key) => fields[key]!))
      .map(
        (values) =>
          Object.fromEntries(
            keys.map((key, i) => [key, values[i]]).filter(([, value]) => value !== undefined),
          ) as Component,
      ),
  );

const chain = fc.array(component, { minLength: 1, maxLength: 4 }).map((components) => {
  // A variable used by `$v` sizes, defined up front.
  return [{ variables: [['$v', 40]] }, ...components] as Transformation;
});

describe('renderImage: fuzzing', () => {
  it('throws nothing but RenderError for random valid transformations', async () => {
    const input = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 90, g: 40, b: 200 } },
    })
      .png()
      .toBuffer();
    const logo = await sharp({ create: { width: 16, height: 16, channels: 4, background: 'red' } })
      .png()
      .toBuffer();
    const small = parseTransformation('c_scale,w_20');
    let rendered = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(chain, async (model) => {
        // Only models the grammar accepts: what the server can receive.
        let transformation: Transformation;
        try {
          transformation = parseTransformation(serializeTransformation(model));
        } catch {
          return;
        }
        try {
          const result = await renderImage(input, transformation, {
            accept: 'image/webp',
            clientHints: { dpr: 2, width: 120 },
            limits: { maxOutputPixels: 2_000_000, maxInputPixels: 1_000_000 },
            loadLayer: async (layer) =>
              layer.kind === 'asset' && layer.publicId === 'missing' ? undefined : logo,
            resolveNamed: (name) => (name === 'small' ? small : undefined),
          });
          assert.isAbove(result.data.length, 0);
          rendered++;
        } catch (error) {
          if (!(error instanceof RenderError)) {
            throw new Error(`${serializeTransformation(transformation)} threw ${String(error)}`);
          }
          assert.oneOf(error.status, [400, 404]);
          refused++;
        }
      }),
      { numRuns: 300, seed: 4242 },
    );
    assert.isAbove(rendered, 20, 'a fair share of cases render');
    assert.isAbove(refused, 0);
  });
});
