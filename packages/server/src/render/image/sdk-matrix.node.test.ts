/**
 * Differential matrix: option sets turned into transformation strings by the official `cloudinary` SDK,
 * parsed by @kumo/core, rendered, and checked against sizes computed here from the crop-mode rules in
 * README.md (written out again below, independently of crop-geometry.ts).
 */
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import sharp from 'sharp';
import { seededRandom as random } from '../../testing/seeded-random.js';
import { renderImage } from './index.js';

const require = createRequire(import.meta.url);
const cloudinary = require('cloudinary').v2 as {
  utils: { generate_transformation_string(options: Record<string, unknown>): string };
};

type Options = Record<string, unknown>;

const CROPS = [
  'scale',
  'fit',
  'limit',
  'mfit',
  'fill',
  'lfill',
  'pad',
  'lpad',
  'mpad',
  'fill_pad',
  'crop',
  'thumb',
  undefined,
];
const GRAVITIES = [undefined, 'north', 'south_east', 'west', 'center', 'auto', 'face', 'faces'];
const QUALITIES = [undefined, 'auto', 'auto:eco', 'auto:best', 60, '80:444'];
const FORMATS = [undefined, 'jpg', 'png', 'webp', 'avif', 'gif', 'auto'];
const EFFECTS = [
  undefined,
  'sepia',
  'grayscale',
  'blur:200',
  'sharpen',
  'negate',
  'pixelate:5',
  'brightness:30',
  'vignette',
  'saturation:-50',
  'contrast:20',
  'gamma:50',
  'unsharp_mask',
  'tint:40:blue',
];
const ANGLES = [undefined, 0, 90, 180, 270, -90, 'hflip', 'vflip'];
const DPRS = [undefined, '1.0', '2.0', 1.5];
const WIDTHS = [undefined, 50, 120, 300, 0.5];
const HEIGHTS = [undefined, 40, 100, 250];

function optionSets(count: number): Options[] {
  const next = random(20261122);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sets: Options[] = [];
  while (sets.length < count) {
    const options: Options = {};
    const set = (key: string, value: unknown) => {
      if (value !== undefined) options[key] = value;
    };
    set('width', pick(WIDTHS));
    set('height', pick(HEIGHTS));
    if (options['width'] === undefined && options['height'] === undefined) set('width', 80);
    if ((options['width'] === undefined) !== (options['height'] === undefined) && next() < 0.2) {
      set('aspect_ratio', pick(['16:9', 1.5, '1:1']));
    }
    set('crop', pick(CROPS));
    set('gravity', options['crop'] && options['crop'] !== 'scale' ? pick(GRAVITIES) : undefined);
    set('quality', pick(QUALITIES));
    set('fetch_format', pick(FORMATS));
    set('radius', pick([undefined, undefined, 10, 'max']));
    set('effect', pick(EFFECTS));
    set('angle', pick(ANGLES));
    set('dpr', pick(DPRS));
    set('background', pick([undefined, '#ff0000', 'red']));
    if (next() < 0.15) set('border', { width: 2, color: 'blue' });
    sets.push(options);
  }
  return sets;
}

/** Output size from the documented rules. */
function expectedSize(inWidth: number, inHeight: number, options: Options): [number, number] {
  const dpr = options['dpr'] === undefined ? 1 : Number(options['dpr']);
  const length = (value: unknown, reference: number): number | undefined => {
    if (value === undefined) return undefined;
    const n = Number(value);
    const fraction = !Number.isInteger(n) || String(value).includes('.');
    return Math.round((fraction ? n * reference : n) * dpr);
  };
  let w = length(options['width'], inWidth);
  let h = length(options['height'], inHeight);
  if (options['aspect_ratio'] !== undefined) {
    const [a, b = 1] = String(options['aspect_ratio']).split(':').map(Number);
    const ratio = a! / b;
    if (w !== undefined && h === undefined) h = Math.round(w / ratio);
    else if (h !== undefined && w === undefined) w = Math.round(h * ratio);
  }
  const crop = (options['crop'] as string | undefined) ?? 'scale';
  const scaled = (s: number): [number, number] => [Math.round(inWidth * s), Math.round(inHeight * s)];
  const fitScale =
    w !== undefined && h !== undefined
      ? Math.min(w / inWidth, h / inHeight)
      : w !== undefined
        ? w / inWidth
        : h! / inHeight;
  const both = w !== undefined && h !== undefined;
  let size: [number, number];
  if (['scale', 'fill', 'thumb', 'fill_pad', 'auto'].includes(crop)) {
    size = both
      ? [w!, h!]
      : w !== undefined
        ? [w, Math.round((inHeight * w) / inWidth)]
        : [Math.round((inWidth * h!) / inHeight), h!];
  } else if (crop === 'fit') {
    size = scaled(fitScale);
  } else if (crop === 'limit') {
    size = scaled(Math.min(fitScale, 1));
  } else if (crop === 'mfit') {
    size = scaled(Math.max(fitScale, 1));
  } else if (crop === 'pad') {
    size = both ? [w!, h!] : scaled(fitScale);
  } else if (crop === 'lpad') {
    size = both ? [w!, h!] : scaled(Math.min(fitScale, 1));
  } else if (crop === 'mpad') {
    size = fitScale < 1 ? [inWidth, inHeight] : both ? [w!, h!] : scaled(fitScale);
  } else if (crop === 'lfill') {
    if (!both) size = scaled(Math.min(fitScale, 1));
    else size = w! <= inWidth && h! <= inHeight ? [w!, h!] : [Math.min(w!, inWidth), Math.min(h!, inHeight)];
  } else if (crop === 'crop') {
    size = [Math.min(w ?? inWidth, inWidth), Math.min(h ?? inHeight, inHeight)];
  } else {
    throw new Error(`no rule for ${crop}`);
  }
  const border = options['border'] ? 2 * Math.round(2 * dpr) : 0;
  size = [size[0] + border, size[1] + border];
  const angle = options['angle'];
  if (angle === 90 || angle === 270 || angle === -90) size = [size[1], size[0]];
  return size;
}

const DECODED_FORMAT: Readonly<Record<string, string>> = {
  jpg: 'jpeg',
  png: 'png',
  webp: 'webp',
  avif: 'heif',
  gif: 'gif',
};

describe('renderImage: SDK option matrix', () => {
  const sets = optionSets(240);

  it('generates at least 200 distinct transformation strings', () => {
    const strings = new Set(
      sets.map((options) => cloudinary.utils.generate_transformation_string({ ...options })),
    );
    assert.isAtLeast(strings.size, 200);
  });

  it('renders every option set with the expected size and format', async () => {
    const landscape = await sharp({
      create: { width: 240, height: 160, channels: 3, background: { r: 30, g: 140, b: 90 } },
    })
      .jpeg()
      .toBuffer();
    const portrait = await sharp({
      create: { width: 150, height: 200, channels: 4, background: { r: 200, g: 40, b: 90, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const failures: string[] = [];
    for (const [index, options] of sets.entries()) {
      const text = cloudinary.utils.generate_transformation_string({ ...options });
      const [input, inWidth, inHeight, ext] =
        index % 2 === 0 ? [landscape, 240, 160, 'jpg'] : [portrait, 150, 200, 'png'];
      const [width, height] = expectedSize(inWidth, inHeight, options);
      const requested = options['fetch_format'] as string | undefined;
      const format = requested === 'auto' ? 'webp' : (requested ?? ext);
      try {
        const result = await renderImage(input, parseTransformation(text), {
          format: ext,
          accept: 'image/webp,*/*',
        });
        const metadata = await sharp(result.data).metadata();
        const got = `${result.width}x${result.height} ${result.format} (decoded ${metadata.width}x${metadata.height} ${metadata.format})`;
        const want = `${width}x${height} ${format} (decoded ${width}x${height} ${DECODED_FORMAT[format]})`;
        if (got !== want) failures.push(`${text} on ${inWidth}x${inHeight}: got ${got}, expected ${want}`);
      } catch (error) {
        failures.push(`${text} on ${inWidth}x${inHeight}: threw ${(error as Error).message}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});
