/**
 * Layer transformations as `@cloudinary/url-gen` writes them (one action per component, overlays as
 * `l_…/…/fl_layer_apply,g_…,x_…,y_…`), parsed by @kumo/core and rendered: the overlay's pixels must
 * sit where gravity and offsets put them, computed here from the placement rules.
 */
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import sharp from 'sharp';
import { renderImage } from './index.js';

const require = createRequire(import.meta.url);
const { Transformation } = require('@cloudinary/url-gen');
const { source } = require('@cloudinary/url-gen/actions/overlay');
const { image } = require('@cloudinary/url-gen/qualifiers/source');
const { Position } = require('@cloudinary/url-gen/qualifiers/position');
const { compass } = require('@cloudinary/url-gen/qualifiers/gravity');
const { scale, fill } = require('@cloudinary/url-gen/actions/resize');

const GRAVITIES = [
  'north_west',
  'north',
  'north_east',
  'west',
  'center',
  'east',
  'south_west',
  'south',
  'south_east',
];

/** Top-left corner of the layer: the gravity's anchor, moved inwards by the offsets. */
function expectedCorner(gravity: string, layer: number, x: number, y: number): [number, number] {
  const fx = gravity.includes('west') ? 0 : gravity.includes('east') ? 1 : 0.5;
  const fy = gravity.includes('north') ? 0 : gravity.includes('south') ? 1 : 0.5;
  const left = (300 - layer) * fx + (fx === 1 ? -x : x);
  const top = (200 - layer) * fy + (fy === 1 ? -y : y);
  return [Math.round(left), Math.round(top)];
}

describe('renderImage: url-gen layers', () => {
  it('places resized overlays for every compass gravity and offset', async () => {
    const base = await sharp({
      create: { width: 600, height: 300, channels: 3, background: { r: 0, g: 0, b: 255 } },
    })
      .png()
      .toBuffer();
    const logo = await sharp({
      create: { width: 100, height: 100, channels: 3, background: { r: 255, g: 0, b: 0 } },
    })
      .png()
      .toBuffer();
    let checked = 0;
    for (const gravity of GRAVITIES) {
      for (const [size, x, y] of [
        [30, 0, 0],
        [40, 12, 7],
        [24, 30, 20],
      ] as const) {
        const t = new Transformation()
          .resize(fill().width(300).height(200))
          .overlay(
            source(image('logo').transformation(new Transformation().resize(scale().width(size)))).position(
              new Position().gravity(compass(gravity)).offsetX(x).offsetY(y),
            ),
          )
          .toString();
        const result = await renderImage(base, parseTransformation(`${t}/f_png`), {
          loadLayer: async () => logo,
        });
        assert.deepEqual([result.width, result.height], [300, 200], t);
        const { data, info } = await sharp(result.data).raw().toBuffer({ resolveWithObject: true });
        const red = (px: number, py: number) => {
          const i = (py * 300 + px) * info.channels;
          return data[i]! > 200 && data[i + 2]! < 50;
        };
        const [left, top] = expectedCorner(gravity, size, x, y);
        assert.isTrue(red(left + 1, top + 1), `${t}: layer's top-left at ${left},${top}`);
        assert.isTrue(red(left + size - 2, top + size - 2), `${t}: layer's bottom-right`);
        if (left > 1) assert.isFalse(red(left - 2, top + 1), `${t}: base left of the layer`);
        if (top > 1) assert.isFalse(red(left + 1, top - 2), `${t}: base above the layer`);
        checked++;
      }
    }
    assert.equal(checked, 27);
  });
});
