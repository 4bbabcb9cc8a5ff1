import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { parseTransformation, type Transformation } from '@kumo/core';
import { assert } from 'chai';
import sharp from 'sharp';
import { RenderError, renderImage } from './index.js';
import type { RenderContext, RenderResult } from './render-types.js';

type Color = readonly [number, number, number];

function solid(width: number, height: number, color: Color, alpha = 1): Promise<Buffer> {
  return sharp({
    create: { width, height, channels: 4, background: { r: color[0], g: color[1], b: color[2], alpha } },
  })
    .png()
    .toBuffer();
}

/** Left half red, right half blue. */
function halves(width: number, height: number): Promise<Buffer> {
  const half = Math.floor(width / 2);
  return sharp({ create: { width, height, channels: 3, background: { r: 255, g: 0, b: 0 } } })
    .composite([
      {
        input: { create: { width: width - half, height, channels: 3, background: { r: 0, g: 0, b: 255 } } },
        left: half,
        top: 0,
      },
    ])
    .png()
    .toBuffer();
}

interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  at(x: number, y: number): number[];
}

async function decode(data: Buffer): Promise<Decoded> {
  const { data: pixels, info } = await sharp(data).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    channels: info.channels,
    at: (x, y) => [...pixels.subarray((y * info.width + x) * 4, (y * info.width + x) * 4 + 4)],
  };
}

const render = (input: Buffer, t: string, context: RenderContext = {}): Promise<RenderResult> =>
  renderImage(input, parseTransformation(t), context);

async function rejection(promise: Promise<unknown>): Promise<RenderError> {
  try {
    await promise;
  } catch (error) {
    assert.instanceOf(error, RenderError);
    return error as RenderError;
  }
  return assert.fail('expected a RenderError');
}

function near(actual: readonly number[], expected: readonly number[], tolerance: number, what: string): void {
  expected.forEach((value, i) => {
    assert.isAtMost(
      Math.abs(actual[i]! - value),
      tolerance,
      `${what}: channel ${i} is ${actual[i]}, expected ≈ ${value}`,
    );
  });
}

describe('renderImage: sizes', () => {
  it('c_limit never enlarges and c_mfit never shrinks', async () => {
    const small = await solid(100, 50, [10, 20, 30]);
    const limited = await render(small, 'c_limit,w_400,h_400');
    assert.deepEqual([limited.width, limited.height], [100, 50]);
    const shrunk = await render(small, 'c_limit,w_50,h_50');
    assert.deepEqual([shrunk.width, shrunk.height], [50, 25]);
    const enlarged = await render(small, 'c_mfit,w_400,h_400');
    assert.deepEqual([enlarged.width, enlarged.height], [400, 200]);
    const kept = await render(small, 'c_mfit,w_50,h_20');
    assert.deepEqual([kept.width, kept.height], [100, 50]);
  });

  it('dpr_2.0 doubles the requested size', async () => {
    const input = await solid(300, 200, [10, 20, 30]);
    const one = await render(input, 'c_scale,w_100');
    const two = await render(input, 'c_scale,dpr_2.0,w_100');
    assert.deepEqual([one.width, one.height], [100, 67]);
    assert.deepEqual([two.width, two.height], [200, 133]);
  });

  it('reads relative sizes, aspect ratios and expressions', async () => {
    const input = await solid(300, 200, [10, 20, 30]);
    const half = await render(input, 'c_scale,w_0.5');
    assert.deepEqual([half.width, half.height], [150, 100]);
    const wide = await render(input, 'ar_16:9,c_fill,w_160');
    assert.deepEqual([wide.width, wide.height], [160, 90]);
    const square = await render(input, 'ar_1.0,c_crop');
    assert.deepEqual([square.width, square.height], [200, 200]);
    const expression = await render(input, 'c_scale,w_iw_div_3');
    assert.deepEqual([expression.width, expression.height], [100, 67]);
  });

  it('takes dpr_auto and w_auto from client hints and says so in vary', async () => {
    const input = await solid(1000, 500, [10, 20, 30]);
    const dpr = await render(input, 'c_scale,dpr_auto,w_100', { clientHints: { dpr: 3 } });
    assert.equal(dpr.width, 300);
    assert.include(dpr.vary ?? [], 'DPR');
    const auto = await render(input, 'c_limit,w_auto:100', { clientHints: { width: 333 } });
    assert.equal(auto.width, 400);
    assert.include(auto.vary ?? [], 'Width');
    const fallback = await render(input, 'c_limit,w_auto:100:250');
    assert.equal(fallback.width, 250);
  });

  it('applies chained components in order', async () => {
    const input = await halves(200, 100);
    const cropFirst = await decode(
      (await render(input, 'c_crop,g_west,h_100,w_100/c_scale,w_50/f_png')).data,
    );
    assert.deepEqual([cropFirst.width, cropFirst.height], [50, 50]);
    near(cropFirst.at(45, 25), [255, 0, 0, 255], 2, 'cropped first: all red');
    const scaleFirst = await decode(
      (await render(input, 'c_scale,w_50/c_crop,g_west,h_100,w_100/f_png')).data,
    );
    assert.deepEqual([scaleFirst.width, scaleFirst.height], [50, 25]);
    near(scaleFirst.at(45, 12), [0, 0, 255, 255], 2, 'scaled first: right side blue');
  });

  it('crops at custom coordinates with c_crop,x,y,w,h', async () => {
    const input = await halves(200, 100);
    const right = await decode((await render(input, 'c_crop,h_20,w_20,x_150,y_10/f_png')).data);
    assert.deepEqual([right.width, right.height], [20, 20]);
    near(right.at(10, 10), [0, 0, 255, 255], 2, 'region on the blue half');
  });

  it('moves the fill window with gravity', async () => {
    const input = await halves(200, 100);
    const east = await decode((await render(input, 'c_fill,g_east,h_100,w_50/f_png')).data);
    near(east.at(25, 50), [0, 0, 255, 255], 2, 'g_east keeps the blue side');
    const west = await decode((await render(input, 'c_fill,g_west,h_100,w_50/f_png')).data);
    near(west.at(25, 50), [255, 0, 0, 255], 2, 'g_west keeps the red side');
  });

  it('finds the interesting part with g_auto', async () => {
    const input = await sharp({
      create: { width: 400, height: 100, channels: 3, background: { r: 128, g: 128, b: 128 } },
    })
      .composite([
        {
          input: await sharp(
            Buffer.from(
              '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="60"><rect width="60" height="60" fill="#f00"/><circle cx="30" cy="30" r="20" fill="#ff0"/></svg>',
            ),
          )
            .png()
            .toBuffer(),
          left: 320,
          top: 20,
        },
      ])
      .png()
      .toBuffer();
    const crop = await decode((await render(input, 'c_fill,g_auto,h_100,w_100/f_png')).data);
    const center = crop.at(50, 50);
    assert.isAbove(center[0]!, 200, 'the salient block is in the crop');
    assert.isFalse(center[0] === 128 && center[1] === 128, 'not the grey background');
  });
});

describe('renderImage: pixels', () => {
  it('pads with the b_ colour', async () => {
    const input = await solid(200, 100, [0, 255, 0]);
    const out = await decode((await render(input, 'b_red,c_pad,h_200,w_200/f_png')).data);
    assert.deepEqual([out.width, out.height], [200, 200]);
    near(out.at(100, 10), [255, 0, 0, 255], 1, 'padding above');
    near(out.at(100, 190), [255, 0, 0, 255], 1, 'padding below');
    near(out.at(100, 100), [0, 255, 0, 255], 1, 'image in the middle');
  });

  it('r_max makes PNG corners transparent and JPEG corners the background colour', async () => {
    const input = await solid(100, 100, [0, 0, 255]);
    const png = await decode((await render(input, 'r_max/f_png')).data);
    assert.equal(png.at(1, 1)[3], 0);
    assert.equal(png.at(98, 98)[3], 0);
    assert.equal(png.at(50, 50)[3], 255);
    const jpg = await decode((await render(input, 'b_yellow,r_max/f_jpg,q_95:444')).data);
    near(jpg.at(0, 0), [255, 255, 0, 255], 24, 'JPEG corner (lossy)');
  });

  it('rounds only the corners given with r_a:b:c:d', async () => {
    const input = await solid(100, 100, [0, 0, 255]);
    const out = await decode((await render(input, 'r_0:40:0:0/f_png')).data);
    assert.equal(out.at(1, 1)[3], 255, 'top-left stays square');
    assert.equal(out.at(98, 1)[3], 0, 'top-right is rounded');
  });

  it('e_grayscale makes the channels equal', async () => {
    const input = await halves(100, 50);
    const out = await decode((await render(input, 'e_grayscale/f_png')).data);
    for (const [x, y] of [
      [10, 10],
      [90, 40],
    ] as const) {
      const [r, g, b] = out.at(x, y);
      assert.equal(r, g);
      assert.equal(g, b);
    }
  });

  it('o_50 halves alpha', async () => {
    const input = await solid(40, 40, [200, 100, 50]);
    const out = await decode((await render(input, 'o_50/f_png')).data);
    assert.approximately(out.at(20, 20)[3]!, 128, 2);
  });

  it('draws a border around the image', async () => {
    const input = await solid(50, 40, [0, 0, 255]);
    const out = await decode((await render(input, 'bo_5px_solid_red/f_png')).data);
    assert.deepEqual([out.width, out.height], [60, 50]);
    near(out.at(2, 25), [255, 0, 0, 255], 1, 'border');
    near(out.at(30, 25), [0, 0, 255, 255], 1, 'image');
  });

  it('rotates, flips and fills the corners of odd angles', async () => {
    const input = await halves(100, 50);
    const turned = await decode((await render(input, 'a_90/f_png')).data);
    assert.deepEqual([turned.width, turned.height], [50, 100]);
    near(turned.at(25, 10), [255, 0, 0, 255], 2, 'red (left) goes to the top');
    const flipped = await decode((await render(input, 'a_hflip/f_png')).data);
    near(flipped.at(10, 25), [0, 0, 255, 255], 2, 'hflip mirrors');
    const odd = await decode((await render(input, 'a_45/f_png')).data);
    assert.equal(odd.at(0, 0)[3], 0, 'transparent corner');
    const filled = await decode((await render(input, 'a_45,b_green/f_png')).data);
    near(filled.at(0, 0), [0, 128, 0, 255], 2, 'b_ fills the corner');
  });

  it('applies colour effects', async () => {
    const input = await solid(20, 20, [100, 150, 200]);
    const negated = await decode((await render(input, 'e_negate/f_png')).data);
    near(negated.at(5, 5), [155, 105, 55, 255], 1, 'negate');
    const sepia = await decode((await render(input, 'e_sepia:100/f_png')).data);
    const [r, g, b] = sepia.at(5, 5);
    assert.isTrue(r! > g! && g! > b!, 'sepia is warm');
    const colorized = await decode((await render(input, 'co_red,e_colorize:100/f_png')).data);
    near(colorized.at(5, 5), [255, 0, 0, 255], 1, 'colorize 100 paints the colour');
    const darker = await decode((await render(input, 'e_brightness:-50/f_png')).data);
    assert.isBelow(darker.at(5, 5)[0]!, 100);
  });

  it('pixelates only the region of e_pixelate_region', async () => {
    const input = await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><defs><linearGradient id="g"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#fff"/></linearGradient></defs><rect width="100" height="100" fill="url(#g)"/></svg>',
      ),
    )
      .png()
      .toBuffer();
    const original = await decode(input);
    const out = await decode((await render(input, 'e_pixelate_region:10,h_50,w_50,x_0,y_0/f_png')).data);
    assert.deepEqual(out.at(1, 1).slice(0, 3), out.at(8, 8).slice(0, 3), 'one block inside the region');
    assert.deepEqual(out.at(80, 80), original.at(80, 80), 'outside the region untouched');
  });

  it('sets JPEG chroma subsampling and progressive encoding', async () => {
    const input = await halves(64, 64);
    const full = await sharp((await render(input, 'f_jpg,q_80:444')).data).metadata();
    assert.equal(full.chromaSubsampling, '4:4:4');
    const progressive = await sharp((await render(input, 'f_jpg,fl_progressive')).data).metadata();
    assert.isTrue(progressive.isProgressive);
    const lossy = await sharp((await render(input, 'f_png,fl_lossy')).data).metadata();
    assert.isTrue(lossy.isPalette);
  });
});

describe('renderImage: formats', () => {
  it('f_auto picks AVIF, WebP or JPEG by Accept and varies on Accept', async () => {
    const input = await solid(64, 48, [1, 2, 3]);
    const avif = await render(input, 'f_auto', { accept: 'image/avif,image/webp,*/*' });
    assert.equal(avif.format, 'avif');
    assert.equal(avif.contentType, 'image/avif');
    assert.deepEqual(avif.vary, ['Accept']);
    assert.equal((await sharp(avif.data).metadata()).format, 'heif');
    const webp = await render(input, 'f_auto', { accept: 'image/webp,*/*' });
    assert.equal(webp.format, 'webp');
    assert.equal((await sharp(webp.data).metadata()).format, 'webp');
    const jpeg = await render(input, 'f_auto', { accept: 'text/html,*/*' });
    assert.equal(jpeg.format, 'jpg');
    assert.equal((await sharp(jpeg.data).metadata()).format, 'jpeg');
    const transparent = await render(await solid(64, 48, [1, 2, 3], 0.5), 'f_auto', { accept: '*/*' });
    assert.equal(transparent.format, 'png');
  });

  it('uses the requested extension, and f_ over it', async () => {
    const input = await solid(10, 10, [1, 2, 3]);
    assert.equal((await render(input, '', { format: 'webp' })).format, 'webp');
    assert.equal((await render(input, 'f_gif', { format: 'webp' })).format, 'gif');
    assert.equal((await render(input, '')).format, 'png', 'original format by default');
    assert.equal((await render(input, '', { format: 'jpeg' })).contentType, 'image/jpeg');
  });

  it('strips metadata unless fl_keep_iptc', async () => {
    const input = await sharp(await solid(80, 40, [9, 9, 9]))
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Kumo test' } })
      .toBuffer();
    const stripped = await sharp((await render(input, 'c_scale,w_40')).data).metadata();
    assert.isUndefined(stripped.exif);
    const kept = await sharp((await render(input, 'c_scale,fl_keep_iptc,w_40')).data).metadata();
    assert.include(kept.exif?.toString('latin1') ?? '', 'Kumo test');
  });

  it('reports fl_attachment and answers fl_getinfo with JSON', async () => {
    const input = await solid(120, 80, [1, 2, 3]);
    const attached = await render(input, 'fl_attachment:my_photo');
    assert.deepEqual(attached.attachment, { filename: 'my_photo' });
    const info = await render(input, 'c_scale,w_60/fl_getinfo', { format: 'jpg' });
    assert.equal(info.format, 'json');
    assert.equal(info.contentType, 'application/json');
    const json = JSON.parse(info.data.toString());
    assert.deepInclude(json.input, { width: 120, height: 80, format: 'png' });
    assert.deepInclude(json.output, { width: 60, height: 40, format: 'jpg' });
  });

  it('selects a frame of an animated GIF with pg_', async () => {
    const frames = await Promise.all(
      (
        [
          [255, 0, 0],
          [0, 255, 0],
          [0, 0, 255],
        ] as const
      ).map((c) => solid(20, 10, c)),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    const second = await decode((await render(gif, 'pg_2/f_png')).data);
    assert.deepEqual([second.width, second.height], [20, 10]);
    near(second.at(5, 5), [0, 255, 0, 255], 8, 'second frame is green');
    const error = await rejection(render(gif, 'pg_9'));
    assert.equal(error.status, 400);
    assert.match(error.message, /Page 9/);
  });

  it('keeps animations for GIF and WebP output, one frame otherwise', async () => {
    const frames = await Promise.all(
      (
        [
          [255, 0, 0],
          [0, 255, 0],
          [0, 0, 255],
        ] as const
      ).map((c) => solid(40, 20, c)),
    );
    const gif = await sharp(frames, { join: { animated: true } })
      .gif({ delay: [100, 200, 300] })
      .toBuffer();
    const scaled = await render(gif, 'c_scale,w_20');
    assert.equal(scaled.format, 'gif');
    assert.deepEqual([scaled.width, scaled.height], [20, 10]);
    const metadata = await sharp(scaled.data).metadata();
    assert.equal(metadata.pages, 3);
    assert.deepEqual(metadata.delay, [100, 200, 300]);
    const third = await decode(await sharp(scaled.data, { page: 2 }).png().toBuffer());
    near(third.at(10, 5), [0, 0, 255, 255], 8, 'third frame stays blue');
    const webp = await render(gif, 'c_scale,w_20/dl_50', { format: 'webp' });
    const webpMetadata = await sharp(webp.data).metadata();
    assert.equal(webpMetadata.pages, 3);
    assert.deepEqual(webpMetadata.delay, [50, 50, 50]);
    const still = await render(gif, 'c_scale,w_20', { format: 'png' });
    assert.equal((await sharp(still.data).metadata()).pages ?? 1, 1);
  });

  it('auto-orients by EXIF unless a_ignore', async () => {
    const input = await sharp(await halves(80, 40))
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const oriented = await render(input, '');
    assert.deepEqual([oriented.width, oriented.height], [40, 80]);
    const ignored = await render(input, 'a_ignore');
    assert.deepEqual([ignored.width, ignored.height], [80, 40]);
  });
});

describe('renderImage: layers', () => {
  const logo = () => solid(20, 10, [255, 0, 0]);
  const base = () => solid(200, 100, [0, 0, 255]);

  it('places an overlay by gravity and offsets (url-gen style)', async () => {
    const out = await decode(
      (
        await render(await base(), 'l_logo/fl_layer_apply,g_north_west,x_30,y_40/f_png', {
          loadLayer: async () => logo(),
        })
      ).data,
    );
    near(out.at(35, 45), [255, 0, 0, 255], 1, 'inside the overlay');
    near(out.at(25, 45), [0, 0, 255, 255], 1, 'left of it');
    near(out.at(35, 55), [0, 0, 255, 255], 1, 'below it');
  });

  it('places a legacy one-component overlay from the south-east corner', async () => {
    const out = await decode(
      (
        await render(await base(), 'g_south_east,l_logo,w_40,x_10,y_10/f_png', {
          loadLayer: async () => logo(),
        })
      ).data,
    );
    near(out.at(200 - 10 - 5, 100 - 10 - 5), [255, 0, 0, 255], 1, 'overlay corner');
    near(out.at(200 - 10 - 45, 100 - 10 - 5), [0, 0, 255, 255], 1, 'left of the 40px-wide overlay');
  });

  it('sizes the layer relative to the base with fl_relative', async () => {
    const out = await decode(
      (
        await render(await base(), 'l_logo/c_scale,fl_relative,w_0.5/fl_layer_apply,g_west/f_png', {
          loadLayer: async () => logo(),
        })
      ).data,
    );
    near(out.at(95, 50), [255, 0, 0, 255], 1, 'layer spans half the base');
    near(out.at(105, 50), [0, 0, 255, 255], 1, 'base beyond');
  });

  it('puts an underlay behind transparent parts', async () => {
    const holey = await solid(40, 40, [0, 0, 0], 0);
    const out = await decode(
      (await render(holey, 'u_logo,w_40,h_40,c_scale/f_png', { loadLayer: async () => logo() })).data,
    );
    near(out.at(20, 20), [255, 0, 0, 255], 1, 'underlay shows through');
  });

  it('answers 404 for a missing layer asset and 400 for a video layer', async () => {
    const missing = await rejection(render(await base(), 'l_nothing', { loadLayer: async () => undefined }));
    assert.equal(missing.status, 404);
    assert.match(missing.message, /nothing/);
    const video = await rejection(render(await base(), 'l_video:clip', { loadLayer: async () => logo() }));
    assert.equal(video.status, 400);
  });

  it('draws text where the gravity puts it', async () => {
    const white = await solid(300, 100, [255, 255, 255]);
    const out = await decode(
      (await render(white, 'co_black,l_text:Arial_40_bold:Hello/fl_layer_apply,g_north_west,x_5,y_5/f_png'))
        .data,
    );
    let darkLeft = 0;
    let darkRight = 0;
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 300; x++) {
        if (out.at(x, y)[0]! < 100) {
          if (x < 150) darkLeft++;
          else darkRight++;
        }
      }
    }
    assert.isAbove(darkLeft, 200, 'text pixels at the top left');
    assert.equal(darkRight, 0, 'nothing on the right half');
  });

  it('wraps text with c_fit,w_ and escapes markup', async () => {
    const white = await solid(400, 300, [255, 255, 255]);
    const text = 'l_text:Arial_20:%3Cb%3E%20one%20two%20three%20four%20five%20six%20%26';
    const heightOf = async (t: string) => {
      const out = await decode((await render(white, `${t}/f_png`)).data);
      let top = out.height;
      let bottom = 0;
      for (let y = 0; y < out.height; y++) {
        for (let x = 0; x < out.width; x += 2) {
          if (out.at(x, y)[0]! < 128) {
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
      }
      return bottom - top;
    };
    const single = await heightOf(`${text}/fl_layer_apply`);
    const wrapped = await heightOf(`${text}/c_fit,w_80/fl_layer_apply`);
    assert.isAbove(wrapped, single * 2, 'wrapped onto several lines');
    const styled = await heightOf(`co_black,${text}/c_fit,w_80/fl_layer_apply`);
    assert.equal(styled, wrapped, 'co_ next to l_text does not stop the wrapping');
  });
});

describe('renderImage: conditions, variables, named transformations', () => {
  it('follows if/else/end blocks and one-component conditions', async () => {
    const input = await solid(300, 100, [1, 2, 3]);
    const wide = await render(input, 'if_ar_gt_1/c_scale,w_30/if_else/c_scale,h_30/if_end');
    assert.deepEqual([wide.width, wide.height], [30, 10]);
    const tall = await render(
      await solid(100, 300, [1, 2, 3]),
      'if_ar_gt_1/c_scale,w_30/if_else/c_scale,h_30/if_end',
    );
    assert.deepEqual([tall.width, tall.height], [10, 30]);
    const guarded = await render(input, 'if_w_lt_200,c_scale,w_10/c_scale,h_50');
    assert.deepEqual(
      [guarded.width, guarded.height],
      [150, 50],
      'condition false: only the second component',
    );
  });

  it('computes sizes from user variables', async () => {
    const input = await solid(300, 100, [1, 2, 3]);
    const out = await render(input, '$half_iw_div_2/c_scale,w_$half_add_10');
    assert.equal(out.width, 160);
  });

  it('expands named transformations and limits their nesting', async () => {
    const input = await solid(300, 100, [1, 2, 3]);
    const named: Record<string, Transformation> = {
      small: parseTransformation('c_scale,w_60'),
      loop: parseTransformation('t_loop'),
    };
    const out = await render(input, 't_small', { resolveNamed: (name) => named[name] });
    assert.equal(out.width, 60);
    const unknown = await rejection(render(input, 't_missing', { resolveNamed: (name) => named[name] }));
    assert.match(unknown.message, /Unknown named transformation: missing/);
    const loop = await rejection(render(input, 't_loop', { resolveNamed: (name) => named[name] }));
    assert.equal(loop.status, 400);
  });
});

describe('renderImage: errors and limits', () => {
  /** A valid PNG header claiming width×height, with a tiny body: a decompression bomb's signature. */
  function bomb(width: number, height: number): Buffer {
    const crcTable = Array.from({ length: 256 }, (_, n) => {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      return c >>> 0;
    });
    const crc = (bytes: Buffer) => {
      let c = 0xffffffff;
      for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
      return (c ^ 0xffffffff) >>> 0;
    };
    const chunk = (type: string, body: Buffer) => {
      const head = Buffer.alloc(4);
      head.writeUInt32BE(body.length);
      const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
      const tail = Buffer.alloc(4);
      tail.writeUInt32BE(crc(typed));
      return Buffer.concat([head, typed, tail]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 0, 0, 0, 0], 8);
    return Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(Buffer.alloc(1024))),
      chunk('IEND', Buffer.alloc(0)),
    ]);
  }

  it('refuses a decompression bomb with 400 before decoding it', async () => {
    const error = await rejection(render(bomb(60000, 60000), 'c_scale,w_100'));
    assert.equal(error.status, 400);
    assert.match(error.message, /60000x60000 pixels, over the limit/);
  });

  it('refuses outputs over the pixel limit', async () => {
    const input = await solid(10, 10, [1, 2, 3]);
    const error = await rejection(render(input, 'c_scale,h_30000,w_30000'));
    assert.equal(error.status, 400);
    assert.match(error.message, /Output would be 30000x30000 pixels, over the limit of/);
    const custom = await rejection(render(input, 'c_scale,w_200', { limits: { maxOutputPixels: 10_000 } }));
    assert.match(custom.message, /over the limit of 10000/);
  });

  it('names the parameter in clear 400 errors', async () => {
    const input = await solid(10, 10, [1, 2, 3]);
    const cases: [string, RegExp][] = [
      ['c_imagga_crop,w_5', /Unsupported crop mode for this input: imagga_crop/],
      ['e_oil_paint', /Unsupported effect: e_oil_paint/],
      ['f_bmp', /Unsupported output format: bmp/],
      ['b_notacolour,c_pad,w_20,h_20', /Invalid background colour: notacolour/],
      ['c_scale,w_$nope', /Undefined variable \$nope/],
      ['fl_layer_apply', /fl_layer_apply without a preceding overlay/],
      ['if_w_gt_1/c_scale,w_5', /no matching if_end/],
      ['e_blur:5000', /e_blur takes a value between 1 and 2000/],
    ];
    for (const [t, message] of cases) {
      const error = await rejection(render(input, t));
      assert.equal(error.status, 400, t);
      assert.match(error.message, message, t);
    }
  });

  it('answers 400 for an input that is not an image', async () => {
    const error = await rejection(renderImage(Buffer.from('not an image'), []));
    assert.equal(error.status, 400);
    assert.match(error.message, /Cannot read the original as an image/);
  });
});
