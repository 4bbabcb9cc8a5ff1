/**
 * Delivery URLs built by the official `cloudinary` SDK (`cloudinary.url()`, host rewritten to the
 * test server) and by `@cloudinary/url-gen`, requested over real HTTP from a server with real SQLite
 * and files. Each answer must be a 200 whose decoded image has the size and format computed here from
 * Cloudinary's documented crop-mode rules, plus sampled pixel properties.
 */
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import sharp from 'sharp';
import { get, inParallel, makeLogo, makePhoto, uploadAsset } from '../testing/delivery-fixtures.js';
import { seededRandom as random } from '../testing/seeded-random.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

const require = createRequire(import.meta.url);
const cloudinary = require('cloudinary').v2 as {
  url(publicId: string, options: Record<string, unknown>): string;
};
const { Cloudinary } = require('@cloudinary/url-gen');
const resize = require('@cloudinary/url-gen/actions/resize');
// Named so that url-gen's `fit` resize mode is not read as a focused test.
const fitWithin = resize.fit;
const { format: formatAction, quality: qualityAction } = require('@cloudinary/url-gen/actions/delivery');
const { grayscale, sepia, blur } = require('@cloudinary/url-gen/actions/effect');
const { byRadius, max: roundMax } = require('@cloudinary/url-gen/actions/roundCorners');
const { source } = require('@cloudinary/url-gen/actions/overlay');
const { image: imageSource, text: textSource } = require('@cloudinary/url-gen/qualifiers/source');
const { TextStyle } = require('@cloudinary/url-gen/qualifiers/textStyle');
const { Position } = require('@cloudinary/url-gen/qualifiers/position');
const { compass } = require('@cloudinary/url-gen/qualifiers/gravity');

const SDK_HOST = 'http://res.cloudinary.com';
const PHOTO = { width: 400, height: 300 };
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
  'crop',
  'thumb',
  undefined,
];
const GRAVITIES = [undefined, 'north', 'south_east', 'center', 'auto', 'face'];
const FORMATS = [undefined, 'jpg', 'png', 'webp', 'avif', 'gif', 'auto'];
const ACCEPTS = ['image/avif,image/webp,*/*', 'image/webp,*/*', '*/*'];
const EFFECTS = [undefined, 'sepia', 'grayscale', 'blur:200', 'sharpen', 'negate', 'pixelate:5', 'vignette'];
const DECODED: Record<string, string> = { jpg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif', gif: 'gif' };

/** Output size by Cloudinary's crop rules (written independently of the renderer). */
function expectedSize(options: Options): [number, number] {
  const { width: W, height: H } = PHOTO;
  const dpr = options.dpr === undefined ? 1 : Number(options.dpr);
  const w = options.width === undefined ? undefined : Math.round(Number(options.width) * dpr);
  const h = options.height === undefined ? undefined : Math.round(Number(options.height) * dpr);
  const both = w !== undefined && h !== undefined;
  const fit = both ? Math.min(w / W, h / H) : w !== undefined ? w / W : h! / H;
  const scaled = (s: number): [number, number] => [Math.round(W * s), Math.round(H * s)];
  const crop = (options.crop as string | undefined) ?? 'scale';
  let size: [number, number];
  if (['scale', 'fill', 'thumb'].includes(crop)) {
    size = both ? [w, h] : w !== undefined ? [w, Math.round((H * w) / W)] : [Math.round((W * h!) / H), h!];
  } else if (crop === 'fit') size = scaled(fit);
  else if (crop === 'limit') size = scaled(Math.min(fit, 1));
  else if (crop === 'mfit') size = scaled(Math.max(fit, 1));
  else if (crop === 'pad') size = both ? [w, h] : scaled(fit);
  else if (crop === 'lpad') size = both ? [w, h] : scaled(Math.min(fit, 1));
  else if (crop === 'mpad') size = fit < 1 ? [W, H] : both ? [w, h] : scaled(fit);
  else if (crop === 'lfill')
    size = !both ? scaled(Math.min(fit, 1)) : w <= W && h <= H ? [w, h] : [Math.min(w, W), Math.min(h, H)];
  else size = [Math.min(w ?? W, W), Math.min(h ?? H, H)];
  if (options.angle === 90) size = [size[1], size[0]];
  return size;
}

function sdkOptionSets(count: number): Options[] {
  const next = random(4242);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sets: Options[] = [];
  for (let i = 0; i < count; i++) {
    const options: Options = {};
    const set = (key: string, value: unknown) => {
      if (value !== undefined) options[key] = value;
    };
    set('width', pick([undefined, 60, 150, 320, 640]));
    set('height', pick([undefined, 50, 120, 280]));
    if (options.width === undefined && options.height === undefined) options.width = 100;
    set('crop', pick(CROPS));
    if (options.crop && options.crop !== 'scale') set('gravity', pick(GRAVITIES));
    set('quality', pick([undefined, 'auto', 'auto:eco', 60]));
    set('fetch_format', pick(FORMATS));
    set('dpr', pick([undefined, '1.0', '2.0']));
    set('effect', pick(EFFECTS));
    set('angle', pick([undefined, 180, 'hflip', 90]));
    set('radius', pick([undefined, undefined, 12]));
    sets.push(options);
  }
  return sets;
}

function expectedFormat(options: Options, accept: string, requested = 'jpg'): string {
  const format = (options.fetch_format as string | undefined) ?? requested;
  if (format !== 'auto') return DECODED[format]!;
  if (accept.includes('avif')) return 'heif';
  if (accept.includes('webp')) return 'webp';
  // Without AVIF or WebP, f_auto keeps transparency (rounded corners) in PNG.
  return options.radius !== undefined ? 'png' : 'jpeg';
}

describe('delivery: URLs from the official SDKs', () => {
  let server: TestServer;
  const local = (url: string) => url.replace(SDK_HOST, server.url);

  before(async () => {
    server = await startTestServer();
    await uploadAsset(server, await makePhoto(), { public_id: 'photo', filename: 'photo.jpg' });
    await uploadAsset(server, await makeLogo(), { public_id: 'logo', filename: 'logo.png' });
  });
  after(() => server.close());

  it('answers 260 cloudinary.url() option sets with the expected size and format', async () => {
    const sets = sdkOptionSets(260);
    const urls = new Set(sets.map((options) => cloudinary.url('photo', { cloud_name: 'demo', ...options })));
    assert.isAtLeast(urls.size, 200);
    const failures: string[] = [];
    await inParallel([...sets.entries()], 3, async ([index, options]) => {
      const accept = ACCEPTS[index % ACCEPTS.length]!;
      const url = local(
        cloudinary.url('photo', { cloud_name: 'demo', secure: false, format: 'jpg', ...options }),
      );
      const response = await get(url, { accept });
      if (response.status !== 200) {
        failures.push(`${url}: ${response.status} ${response.headers.get('x-kumo-error')}`);
        return;
      }
      const metadata = await sharp(response.body).metadata();
      const [width, height] = expectedSize(options);
      const got = `${metadata.width}x${metadata.height} ${metadata.format}`;
      const want = `${width}x${height} ${expectedFormat(options, accept)}`;
      if (got !== want) failures.push(`${url} (Accept ${accept}): got ${got}, expected ${want}`);
      if (options.fetch_format === 'auto' && response.headers.get('vary') !== 'Accept')
        failures.push(`${url}: f_auto without Vary: Accept`);
    });
    assert.deepEqual(failures, []);
  });

  it('answers @cloudinary/url-gen URLs with the expected size and format', async () => {
    const cld = new Cloudinary({ cloud: { cloudName: 'demo' }, url: { secure: false } });
    const cases: { build: () => string; size: [number, number]; format: string }[] = [];
    const modes: [string, (w: number, h: number) => unknown, string][] = [
      ['fill', (w, h) => resize.fill().width(w).height(h), 'fill'],
      ['scale', (w, h) => resize.scale().width(w).height(h), 'scale'],
      ['fit', (w, h) => fitWithin().width(w).height(h), 'fit'],
      ['limitFit', (w, h) => resize.limitFit().width(w).height(h), 'limit'],
      ['pad', (w, h) => resize.pad().width(w).height(h), 'pad'],
      ['crop', (w, h) => resize.crop().width(w).height(h), 'crop'],
      ['thumbnail', (w, h) => resize.thumbnail().width(w).height(h), 'thumb'],
      ['minimumFit', (w, h) => resize.minimumFit().width(w).height(h), 'mfit'],
    ];
    for (const [, action, crop] of modes) {
      for (const [w, h] of [
        [120, 90],
        [500, 200],
        [64, 64],
      ] as const) {
        for (const format of ['jpg', 'png', 'webp']) {
          cases.push({
            build: () =>
              cld
                .image('photo')
                .resize(action(w, h))
                .delivery(formatAction(format))
                .delivery(qualityAction('auto'))
                .toURL(),
            size: expectedSize({ crop, width: w, height: h }),
            format: DECODED[format]!,
          });
        }
        cases.push({
          build: () =>
            cld.image('photo').resize(action(w, h)).effect(grayscale()).roundCorners(byRadius(8)).toURL(),
          size: expectedSize({ crop, width: w, height: h }),
          format: 'jpeg',
        });
        cases.push({
          build: () =>
            cld
              .image('photo')
              .resize(action(w, h))
              .overlay(source(imageSource('logo')).position(new Position().gravity(compass('north_east'))))
              .toURL(),
          // The logo is smaller than every base here except 64×64, where it overflows and grows the canvas.
          size: w === 64 ? [-1, -1] : expectedSize({ crop, width: w, height: h }),
          format: 'jpeg',
        });
      }
    }
    cases.push({
      build: () =>
        cld
          .image('photo')
          .effect(sepia())
          .effect(blur(100))
          .overlay(source(textSource('Kumo', new TextStyle('Arial', 24))))
          .roundCorners(roundMax())
          .delivery(formatAction('png'))
          .toURL(),
      size: [400, 300],
      format: 'png',
    });
    assert.isAtLeast(cases.length, 90);
    const failures: string[] = [];
    await inParallel(cases, 3, async ({ build, size, format }) => {
      const url = local(build());
      const response = await get(url);
      if (response.status !== 200) {
        failures.push(`${url}: ${response.status} ${response.headers.get('x-kumo-error')}`);
        return;
      }
      const metadata = await sharp(response.body).metadata();
      if (metadata.format !== format) failures.push(`${url}: format ${metadata.format}, expected ${format}`);
      if (size[0] > 0 && (metadata.width !== size[0] || metadata.height !== size[1]))
        failures.push(`${url}: ${metadata.width}x${metadata.height}, expected ${size.join('x')}`);
    });
    assert.deepEqual(failures, []);
  });

  describe('sampled pixels', () => {
    async function pixels(options: Options) {
      const url = local(cloudinary.url('photo', { cloud_name: 'demo', secure: false, ...options }));
      const response = await get(url);
      assert.equal(response.status, 200, `${url}: ${response.headers.get('x-kumo-error')}`);
      const { data, info } = await sharp(response.body)
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      const at = (x: number, y: number) => {
        const offset = (y * info.width + x) * 4;
        return [...data.subarray(offset, offset + 4)] as [number, number, number, number];
      };
      return { info, at };
    }

    it('c_pad,b_red pads with red', async () => {
      const { info, at } = await pixels({
        width: 200,
        height: 200,
        crop: 'pad',
        background: 'red',
        format: 'png',
      });
      assert.deepEqual([info.width, info.height], [200, 200]);
      const [r, g, b] = at(100, 3);
      assert.isAbove(r, 240);
      assert.isBelow(g + b, 20);
      const [, , blue] = at(100, 100);
      assert.isAbove(blue, 200, 'the photo is in the middle');
    });

    it('r_max makes the corners of a PNG transparent', async () => {
      const { at } = await pixels({ radius: 'max', format: 'png' });
      assert.equal(at(0, 0)[3], 0);
      assert.equal(at(399, 299)[3], 0);
      assert.equal(at(200, 150)[3], 255);
    });

    it('e_grayscale gives equal channels', async () => {
      const { at } = await pixels({ effect: 'grayscale', format: 'png' });
      const [r, g, b] = at(10, 10);
      assert.isAtMost(Math.max(r, g, b) - Math.min(r, g, b), 1);
    });

    it('c_limit never upscales', async () => {
      const { info } = await pixels({ width: 1600, height: 1200, crop: 'limit', format: 'png' });
      assert.deepEqual([info.width, info.height], [400, 300]);
    });

    it('dpr_2.0 doubles the size', async () => {
      const one = await pixels({ width: 120, crop: 'scale', format: 'png' });
      const two = await pixels({ width: 120, crop: 'scale', dpr: '2.0', format: 'png' });
      assert.deepEqual([two.info.width, two.info.height], [one.info.width * 2, one.info.height * 2]);
    });

    it('an overlay of the uploaded logo shows its pixels where gravity puts it', async () => {
      const { at } = await pixels({
        transformation: [{ overlay: 'logo' }, { flags: 'layer_apply', gravity: 'north_west' }],
        format: 'png',
      });
      const [r, g, b] = at(5, 5);
      assert.isBelow(r, 30);
      assert.isAbove(g, 220);
      assert.isBelow(b, 30);
      assert.isAbove(at(300, 200)[2], 200, 'outside the logo the photo is unchanged');
    });

    it('a text overlay renders dark text over the photo', async () => {
      const { at, info } = await pixels({
        transformation: [{ overlay: { font_family: 'Arial', font_size: 60, text: 'MMMM' }, color: 'black' }],
        format: 'png',
      });
      assert.deepEqual([info.width, info.height], [400, 300]);
      let dark = 0;
      for (let x = 100; x < 300; x += 2) if (at(x, 150)[0] + at(x, 150)[1] + at(x, 150)[2] < 150) dark++;
      assert.isAbove(dark, 5);
    });
  });
});
