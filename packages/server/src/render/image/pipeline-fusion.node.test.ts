import { describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import sharp from 'sharp';
import { planGeometry } from './crop-geometry.js';
import { openImage } from './image-source.js';
import { cropInPipeline } from './pipeline-crop.js';
import { renderImage } from './render-image.js';

/** A smooth picture with structure: gradient, soft stripes every 40 px, one bright blob on the right. */
async function picture(): Promise<{ png: Buffer; jpeg: Buffer; oriented: Buffer }> {
  const stripes = Array.from(
    { length: 16 },
    (_, i) =>
      `<rect x="${i * 40}" y="0" width="16" height="480"/><rect x="0" y="${i * 40 + 5}" width="640" height="10"/>`,
  ).join('');
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><defs>' +
    '<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#3060a0"/><stop offset="1" stop-color="#d0c090"/></linearGradient>' +
    '<radialGradient id="r"><stop offset="0" stop-color="#ff3020"/><stop offset="0.6" stop-color="#ffd040"/><stop offset="1" stop-color="#ffd040" stop-opacity="0"/></radialGradient>' +
    `</defs><rect width="640" height="480" fill="url(#g)"/><g fill="#102040" fill-opacity="0.5">${stripes}</g>` +
    '<circle cx="500" cy="160" r="90" fill="url(#r)"/></svg>';
  const png = await sharp(Buffer.from(svg)).blur(3).png().toBuffer();
  const jpeg = await sharp(png).jpeg({ quality: 95 }).toBuffer();
  // Stored turned a quarter turn, with the EXIF orientation that turns it back.
  const oriented = await sharp(png)
    .rotate(-90)
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  return { png, jpeg, oriented };
}

interface Pixels {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

async function pixels(encoded: Buffer): Promise<Pixels> {
  const { data, info } = await sharp(encoded).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Mean and 99th percentile of the absolute channel differences. */
function difference(a: Pixels, b: Pixels): { mean: number; p99: number } {
  assert.deepEqual([a.width, a.height], [b.width, b.height], 'same size');
  const counts = new Array<number>(256).fill(0);
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i]! - b.data[i]!);
    counts[d]! += 1;
    sum += d;
  }
  let seen = 0;
  let p99 = 0;
  while (seen + counts[p99]! < a.data.length * 0.99) seen += counts[p99++]!;
  return { mean: sum / a.data.length, p99 };
}

const GREY: [[number, number, number], [number, number, number], [number, number, number]] = [
  [0.2126, 0.7152, 0.0722],
  [0.2126, 0.7152, 0.0722],
  [0.2126, 0.7152, 0.0722],
];

const render = async (input: Buffer, chain: string, fusePipeline: boolean) =>
  pixels((await renderImage(input, parseTransformation(chain), { format: 'png' }, { fusePipeline })).data);

// Resampling noise on this deliberately striped picture: JPEG originals are decoded at a reduced size in
// the fused pipeline, and a cut placed after the resize (or chosen by sharp at the output scale) lands on
// a sampling phase up to half an output pixel away. A cut misplaced by 12 source pixels is far above it.
const MEAN_TOLERANCE = 4;
const P99_TOLERANCE = 24;

/** Chains the fused pipeline takes in whole or in part. */
const FUSED_CHAINS = [
  'c_fill,h_150,w_150',
  'c_fill,g_north_west,h_100,w_180',
  'c_fill,g_south_east,h_160,w_90,x_20,y_10',
  'c_lfill,g_west,h_200,w_150',
  'c_fill,g_xy_center,h_90,w_120,x_400,y_300',
  'c_thumb,g_auto,h_120,w_200',
  'c_fill,g_auto,h_150,w_100/e_grayscale',
  'c_fill_pad,g_auto,h_200,w_250',
  'c_scale,w_320/e_sepia:60',
  'c_scale,w_320/e_blur:300',
  'c_fill,h_200,w_200/e_brightness:30',
  'c_scale,w_300/e_saturation:-60',
  'c_scale,w_300/e_hue:40',
  'c_scale,w_400/e_sharpen:200',
  'c_scale,w_400/e_unsharp_mask',
  'c_scale,w_300/e_contrast:50',
  'c_scale,w_300/e_blue:40',
  'c_scale,w_300/co_rgb:20a0f0,e_colorize:40',
  'c_fill,h_200,w_200/e_negate',
  // Effects out of sharp's order: the second one must see the first one's result.
  'c_fill,h_200,w_200/e_negate/e_brightness:60',
  'c_fill,g_east,h_200,w_200/e_sepia/e_blur:300',
  'c_fill,h_120,w_120,e_grayscale/e_vignette',
];

describe('renderImage: fused pipeline', () => {
  it('joins typical chains into the decoder pipeline, and only when asked to', async () => {
    const { jpeg, png } = await picture();
    const open = (input: Buffer, fuse: boolean) =>
      openImage(input, { autoOrient: true, maxInputPixels: 1e8, label: 'original', fuse });
    const fill = planGeometry(640, 480, { mode: 'fill', width: 100, height: 100 });
    assert.equal(fill.kind, 'crop');
    if (fill.kind !== 'crop') return;
    const compass = { kind: 'compass', gravity: 'center' } as const;
    const attention = { kind: 'smart', strategy: 'attention' } as const;

    const fused = (await open(jpeg, true)).canvas;
    assert.isTrue(fused.decodesReduced, 'a fresh JPEG pipeline can decode at a reduced size');
    assert.isTrue(await cropInPipeline(fused, fill, compass, undefined, undefined));
    assert.deepEqual([fused.width, fused.height], [100, 100]);
    await fused.effect('recomb', (image) => image.recomb(GREY));
    assert.isTrue(fused.effectsPending, 'the effect waits in the pipeline');

    const stepwise = (await open(jpeg, false)).canvas;
    assert.isFalse(await cropInPipeline(stepwise, fill, attention, undefined, undefined));
    await stepwise.effect('recomb', (image) => image.recomb(GREY));
    assert.isFalse(stepwise.effectsPending, 'without fusion the effect materialises the pixels');

    const lossless = (await open(png, true)).canvas;
    assert.isFalse(lossless.decodesReduced, 'PNG has no reduced-size decoding');
    assert.isFalse(await cropInPipeline(lossless, fill, compass, undefined, undefined));
    assert.isTrue(await cropInPipeline(lossless, fill, attention, undefined, undefined), 'g_auto');

    const entropy = { kind: 'smart', strategy: 'entropy' } as const;
    assert.isFalse(
      await cropInPipeline((await open(jpeg, true)).canvas, fill, entropy, undefined, undefined),
    );
    const zoomed = planGeometry(640, 480, { mode: 'fill', width: 100, height: 100, zoom: 2 });
    if (zoomed.kind !== 'crop') return assert.fail('a zoomed fill cuts');
    assert.isFalse(await cropInPipeline((await open(jpeg, true)).canvas, zoomed, attention, 0, 0));
    const enlarging = planGeometry(640, 480, { mode: 'fill', width: 1000, height: 1000 });
    if (enlarging.kind !== 'crop') return assert.fail('an enlarging fill cuts');
    assert.isFalse(await cropInPipeline((await open(jpeg, true)).canvas, enlarging, compass, 0, 0));

    const transparent = await sharp(png).ensureAlpha(0.5).png().toBuffer();
    const alpha = (await open(transparent, true)).canvas;
    await alpha.effect('recomb', (image) => image.recomb(GREY));
    assert.isFalse(alpha.effectsPending, 'premultiplied alpha would change the effect: not fused');
  });

  it('tells a misplaced cut and a swapped effect order apart (the tolerances are meaningful)', async () => {
    const { png } = await picture();
    const base = await render(png, 'c_crop,g_north_west,h_200,w_200,x_100,y_100', false);
    const shifted = await render(png, 'c_crop,g_north_west,h_200,w_200,x_112,y_100', false);
    assert.isAbove(difference(base, shifted).mean, MEAN_TOLERANCE);
    const ordered = await render(png, 'c_fill,h_200,w_200/e_negate/e_brightness:60', false);
    const swapped = await render(png, 'c_fill,h_200,w_200/e_brightness:60/e_negate', false);
    assert.isAbove(difference(ordered, swapped).p99, P99_TOLERANCE);
  });

  for (const kind of ['jpeg', 'png', 'oriented'] as const) {
    it(`gives the stepwise pixels for a ${kind} original`, async () => {
      const pictures = await picture();
      const input = pictures[kind];
      if (kind === 'oriented') {
        const upright = await render(pictures.jpeg, 'c_scale,w_320', true);
        const turned = await render(input, 'c_scale,w_320', true);
        assert.isAtMost(difference(turned, upright).mean, MEAN_TOLERANCE, 'the EXIF orientation is applied');
      }
      for (const chain of FUSED_CHAINS) {
        const fused = await render(input, chain, true);
        const stepwise = await render(input, chain, false);
        const { mean, p99 } = difference(fused, stepwise);
        assert.isAtMost(mean, MEAN_TOLERANCE, `${chain}: mean difference`);
        assert.isAtMost(p99, P99_TOLERANCE, `${chain}: 99th percentile difference`);
      }
    });
  }
});
