import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import {
  ffprobe,
  frameRgb,
  makeTestMedia,
  meanDifference,
  rejection,
  type TestMedia,
} from '../../testing/video-test-media.js';
import { transcodeVideo } from './transcode-video.js';
import { VideoRenderError } from './video-errors.js';

describe('transcodeVideo', () => {
  let media: TestMedia;
  let n = 0;
  before(async () => {
    media = await makeTestMedia();
  });
  after(() => media.cleanup());

  async function transcode(input: string, transformation: string, format: string) {
    n += 1;
    const outputPath = join(media.dir, `out-${n}.${format}`);
    await transcodeVideo(input, parseTransformation(transformation), {
      format,
      outputPath,
      preset: 'ultrafast',
    });
    const report = await ffprobe(outputPath);
    const video = report.streams.find((s) => s.codec_type === 'video');
    const audio = report.streams.find((s) => s.codec_type === 'audio');
    return { outputPath, report, video, audio, duration: Number(report.format.duration) };
  }

  describe('containers and codecs', () => {
    it('writes mp4 as H.264 + AAC in 4:2:0 by default', async () => {
      const out = await transcode(media.landscape, 'w_320', 'mp4');
      assert.equal(out.video?.codec_name, 'h264');
      assert.equal(out.audio?.codec_name, 'aac');
      assert.deepEqual([out.video?.width, out.video?.height], [320, 180]);
      assert.closeTo(out.duration, 6, 0.15);
    });

    it('writes webm as VP9 + Opus, and VP8 on request', async () => {
      const vp9 = await transcode(media.landscape, 'w_160', 'webm');
      assert.deepEqual([vp9.video?.codec_name, vp9.audio?.codec_name], ['vp9', 'opus']);
      const vp8 = await transcode(media.landscape, 'vc_vp8,w_160', 'webm');
      assert.equal(vp8.video?.codec_name, 'vp8');
    });

    it('writes H.265 in mp4 and drops streams with vc_none / ac_none', async () => {
      const hevc = await transcode(media.landscape, 'vc_h265,w_160', 'mp4');
      assert.equal(hevc.video?.codec_name, 'hevc');
      const silent = await transcode(media.landscape, 'ac_none,w_160', 'mp4');
      assert.isUndefined(silent.audio);
      const audioOnly = await transcode(media.landscape, 'vc_none', 'mp4');
      assert.isUndefined(audioOnly.video);
      assert.equal(audioOnly.audio?.codec_name, 'aac');
    });

    it('honours fps and H.264 profile', async () => {
      const out = await transcode(media.landscape, 'fps_10,vc_h264:baseline:3.0,w_160', 'mp4');
      assert.equal(out.video?.avg_frame_rate, '10/1');
      assert.equal(out.video?.profile, 'Constrained Baseline');
    });

    it('extracts audio as mp3, m4a and ogg', async () => {
      for (const [format, codec] of [
        ['mp3', 'mp3'],
        ['m4a', 'aac'],
        ['ogg', 'vorbis'],
      ] as const) {
        const out = await transcode(media.landscape, 'so_1', format);
        assert.isUndefined(out.video, format);
        assert.equal(out.audio?.codec_name, codec, format);
        assert.closeTo(out.duration, 5, 0.2, format);
      }
    });

    it('gives a smaller file for a lower quality', async () => {
      const { stat } = await import('node:fs/promises');
      const high = await transcode(media.landscape, 'q_95', 'mp4');
      const low = await transcode(media.landscape, 'q_20', 'mp4');
      assert.isBelow((await stat(low.outputPath)).size, (await stat(high.outputPath)).size);
    });
  });

  describe('sizes and crops', () => {
    // Expected sizes follow from the crop-mode definitions (reference §4.6) on a 640×360 source.
    const cases: [string, number, number][] = [
      ['c_scale,w_320', 320, 180],
      ['c_scale,w_200,h_200', 200, 200],
      ['c_fill,w_200,h_200', 200, 200],
      ['c_fit,w_300,h_300', 300, 168],
      ['c_limit,w_1000,h_1000', 640, 360],
      ['c_pad,w_300,h_300', 300, 300],
      ['c_crop,w_100,h_80,g_north_west', 100, 80],
      ['w_0.5', 320, 180],
      ['c_fill,ar_1:1,w_150', 150, 150],
      ['w_101,h_51', 100, 50],
    ];
    for (const [transformation, width, height] of cases) {
      it(`${transformation} → ${width}x${height}`, async () => {
        const out = await transcode(media.landscape, transformation, 'mp4');
        assert.deepEqual([out.video?.width, out.video?.height], [width, height]);
      });
    }

    it('keeps a portrait source upright and its ratio', async () => {
      const out = await transcode(media.portrait, 'c_scale,h_160', 'mp4');
      assert.deepEqual([out.video?.width, out.video?.height], [90, 160]);
      assert.isUndefined(out.audio);
    });

    it('applies rotation metadata, so the output is upright without it', async () => {
      const out = await transcode(media.rotated, 'w_180', 'mp4');
      assert.deepEqual([out.video?.width, out.video?.height], [180, 320]);
    });

    it('turns and flips with a_', async () => {
      const out = await transcode(media.landscape, 'a_90,w_160', 'mp4');
      assert.deepEqual([out.video?.width, out.video?.height], [90, 160]);
    });

    it('pads with the background colour', async () => {
      const out = await transcode(media.landscape, 'b_red,c_pad,h_200,w_200', 'mp4');
      const frame = await frameRgb(out.outputPath, 1);
      // Row 0 lies in the padding: the clip fits as 200×112 in the middle.
      const [r, g, b] = [frame.data[0]!, frame.data[1]!, frame.data[2]!];
      assert.isAbove(r, 200);
      assert.isBelow(g, 60);
      assert.isBelow(b, 60);
    });

    it('crops the region the gravity names', async () => {
      const out = await transcode(media.landscape, 'c_crop,g_south_east,h_90,w_160', 'mp4');
      const cropped = await frameRgb(out.outputPath, 2);
      const source = await frameRgb(media.landscape, 2);
      // The same region cut from the source frame (rows 270–359, columns 480–639).
      const region = Buffer.alloc(160 * 90 * 3);
      for (let y = 0; y < 90; y += 1) {
        source.data.copy(region, y * 160 * 3, ((270 + y) * 640 + 480) * 3, ((270 + y) * 640 + 640) * 3);
      }
      assert.isBelow(meanDifference(cropped.data, region), 12);
    });
  });

  describe('trims', () => {
    it('so/eo in seconds', async () => {
      const out = await transcode(media.landscape, 'eo_3.5,so_1,w_160', 'mp4');
      assert.closeTo(out.duration, 2.5, 0.15);
    });

    it('du and percentages', async () => {
      assert.closeTo((await transcode(media.landscape, 'du_2,w_160', 'mp4')).duration, 2, 0.15);
      assert.closeTo((await transcode(media.landscape, 'so_50p,w_160', 'mp4')).duration, 3, 0.15);
      assert.closeTo((await transcode(media.landscape, 'du_25p,so_10p,w_160', 'mp4')).duration, 1.5, 0.15);
    });

    it('starts at the requested frame', async () => {
      const out = await transcode(media.landscape, 'so_2', 'mp4');
      const first = await frameRgb(out.outputPath, 0);
      const atTwo = await frameRgb(media.landscape, 2);
      const atZero = await frameRgb(media.landscape, 0);
      assert.isBelow(meanDifference(first.data, atTwo.data), meanDifference(first.data, atZero.data));
    });
  });

  describe('effects', () => {
    it('e_grayscale gives equal channels', async () => {
      const out = await transcode(media.landscape, 'e_grayscale,w_160', 'mp4');
      const { data } = await frameRgb(out.outputPath, 1);
      let worst = 0;
      for (let i = 0; i < data.length; i += 3) {
        worst = Math.max(worst, Math.abs(data[i]! - data[i + 1]!), Math.abs(data[i + 1]! - data[i + 2]!));
      }
      assert.isAtMost(worst, 4);
    });

    it('e_reverse starts with the end of the clip', async () => {
      const out = await transcode(media.landscape, 'du_2,e_reverse,w_160', 'mp4');
      assert.closeTo(out.duration, 2, 0.15);
      const plain = await transcode(media.landscape, 'du_2,w_160', 'mp4');
      const reversedFirst = await frameRgb(out.outputPath, 0);
      // The last frame of a 2 s clip at 25 fps is shown at 1.96 s.
      const plainLast = await frameRgb(plain.outputPath, 1.96);
      const plainFirst = await frameRgb(plain.outputPath, 0);
      assert.isBelow(
        meanDifference(reversedFirst.data, plainLast.data),
        meanDifference(reversedFirst.data, plainFirst.data),
      );
    });

    it('e_boomerang doubles the length and drops the audio', async () => {
      const out = await transcode(media.landscape, 'du_1.5,e_boomerang,w_160', 'mp4');
      assert.closeTo(out.duration, 3, 0.2);
      assert.isUndefined(out.audio);
    });

    it('e_accelerate halves the duration; e_volume:mute drops the audio', async () => {
      assert.closeTo((await transcode(media.landscape, 'e_accelerate:100,w_160', 'mp4')).duration, 3, 0.2);
      assert.isUndefined((await transcode(media.landscape, 'e_volume:mute,w_160', 'mp4')).audio);
      assert.equal((await transcode(media.landscape, 'e_volume:50,w_160', 'mp4')).audio?.codec_name, 'aac');
    });
  });

  describe('errors', () => {
    async function status(input: string, transformation: string, format = 'mp4'): Promise<[number, string]> {
      const error = await rejection(
        transcodeVideo(input, parseTransformation(transformation), {
          format,
          outputPath: join(media.dir, 'never.mp4'),
        }),
      );
      assert.instanceOf(error, VideoRenderError);
      return [(error as VideoRenderError).status, (error as Error).message];
    }

    it('names unsupported parameters with a 400', async () => {
      const cases: [string, string, string?][] = [
        ['l_logo', 'overlay'],
        ['r_20', 'radius'],
        ['e_cartoonify', 'e_cartoonify'],
        ['vc_av1', 'vc_av1'],
        ['vc_vp9', 'vc_vp9'],
        ['ac_opus', 'ac_opus', 'mov'],
        ['c_imagga_crop,w_10', 'imagga_crop'],
        ['w_iw_mul_2', 'width'],
        ['so_auto', 'auto'],
        ['so_10', 'past the end'],
        ['eo_1,so_2', 'empty'],
        ['fl_splice', 'fl_splice'],
        ['a_45', 'a_45'],
        ['w_10', 'm3u8', 'm3u8'],
        ['w_10', 'gif', 'gif'],
      ];
      for (const [transformation, mention, format] of cases) {
        const [code, message] = await status(media.landscape, transformation, format);
        assert.equal(code, 400, transformation);
        assert.include(message, mention, transformation);
      }
    });

    it('refuses inputs that are not videos, and corrupt ones, with a 400', async () => {
      assert.equal((await status(media.notVideo, 'w_100'))[0], 400);
      const [code, message] = await status(media.corrupt, 'w_100');
      assert.equal(code, 400);
      assert.notInclude(message, media.dir);
    });

    it('leaves no partial output behind and stops when aborted', async () => {
      const { readdir } = await import('node:fs/promises');
      const controller = new AbortController();
      const outputPath = join(media.dir, 'aborted.mp4');
      const running = transcodeVideo(media.landscape, [], {
        format: 'webm',
        outputPath,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(new Error('client went away')), 150);
      const error = await rejection(running);
      assert.equal((error as Error).message, 'client went away');
      assert.notInclude((await readdir(media.dir)).join(' '), 'aborted.mp4');
    });

    it('times out with a 503', async () => {
      const error = await rejection(
        transcodeVideo(media.landscape, [], {
          format: 'webm',
          outputPath: join(media.dir, 'slow.webm'),
          timeoutMs: 50,
        }),
      );
      assert.instanceOf(error, VideoRenderError);
      assert.equal((error as VideoRenderError).status, 503);
    });
  });
});
