import { after, before, describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import sharp from 'sharp';
import {
  frameRgb,
  makeTestMedia,
  meanDifference,
  rejection,
  type TestMedia,
} from '../../testing/video-test-media.js';
import { storyboard } from './storyboard.js';
import { VideoRenderError } from './video-errors.js';

interface Cue {
  start: number;
  end: number;
  url: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A WebVTT reader written for the test: cue timings and `#xywh=` payloads. */
function readVtt(text: string): Cue[] {
  assert.match(text, /^WEBVTT\n/);
  const seconds = (stamp: string): number => {
    const [h, m, s] = stamp.split(':');
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  };
  const cues: Cue[] = [];
  for (const block of text.split('\n\n').slice(1)) {
    const [timing, payload] = block.split('\n');
    if (!timing) continue;
    const times = /^(\d\d:\d\d:\d\d\.\d\d\d) --> (\d\d:\d\d:\d\d\.\d\d\d)$/.exec(timing);
    const target = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(payload ?? '');
    assert.isNotNull(times, timing);
    assert.isNotNull(target, payload);
    cues.push({
      start: seconds(times![1]!),
      end: seconds(times![2]!),
      url: target![1]!,
      x: Number(target![2]),
      y: Number(target![3]),
      w: Number(target![4]),
      h: Number(target![5]),
    });
  }
  return cues;
}

describe('storyboard', () => {
  let media: TestMedia;
  before(async () => {
    media = await makeTestMedia();
  });
  after(() => media.cleanup());

  it('makes a columns × rows sprite and cues that cover the video contiguously', async () => {
    const result = await storyboard(media.landscape, {
      columns: 4,
      count: 10,
      tileWidth: 80,
      spriteUrl: 'clip.jpg',
    });
    const meta = await sharp(result.sprite).metadata();
    // 640×360 source: 80-wide tiles are 45 high; 10 frames in rows of 4 make 3 rows.
    assert.deepEqual([meta.width, meta.height, meta.format], [4 * 80, 3 * 45, 'jpeg']);
    assert.deepEqual([result.width, result.height, result.rows], [320, 135, 3]);

    const cues = readVtt(result.vtt);
    assert.equal(cues.length, 10);
    assert.equal(cues[0]!.start, 0);
    assert.closeTo(cues[cues.length - 1]!.end, 6, 0.05);
    cues.forEach((cue, i) => {
      if (i > 0) assert.equal(cue.start, cues[i - 1]!.end, `cue ${i} starts where ${i - 1} ends`);
      assert.isBelow(cue.start, cue.end);
      assert.equal(cue.url, 'clip.jpg');
      assert.deepEqual([cue.x, cue.y, cue.w, cue.h], [(i % 4) * 80, Math.floor(i / 4) * 45, 80, 45]);
    });
  });

  it('shows frame i from the middle of its time range', async () => {
    const result = await storyboard(media.landscape, {
      columns: 3,
      count: 3,
      tileWidth: 160,
      format: 'png',
      spriteUrl: 's.png',
    });
    const { data, info } = await sharp(result.sprite)
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [480, 90]);
    // Tile 1 covers 2–4 s: it should look like the source at 3 s more than at 1 s or 5 s.
    const tile = Buffer.alloc(160 * 90 * 3);
    for (let y = 0; y < 90; y += 1) data.copy(tile, y * 160 * 3, (y * 480 + 160) * 3, (y * 480 + 320) * 3);
    const at = async (t: number) => {
      const frame = await sharp((await frameRgb(media.landscape, t)).data, {
        raw: { width: 640, height: 360, channels: 3 },
      })
        .resize(160, 90)
        .raw()
        .toBuffer();
      return meanDifference(tile, frame);
    };
    const [one, three, five] = [await at(1), await at(3), await at(5)];
    assert.isBelow(three, one);
    assert.isBelow(three, five);
  });

  it('fills a tile of another shape and honours a preceding trim', async () => {
    const result = await storyboard(media.portrait, {
      columns: 2,
      count: 4,
      tileWidth: 50,
      tileHeight: 50,
      format: 'webp',
      spriteUrl: 'p.webp',
      transformation: parseTransformation('so_1'),
    });
    const meta = await sharp(result.sprite).metadata();
    assert.deepEqual([meta.width, meta.height, meta.format], [100, 100, 'webp']);
    const cues = readVtt(result.vtt);
    assert.closeTo(cues[cues.length - 1]!.end, 3, 0.05);
  });

  it('refuses bad options and inputs with a 400', async () => {
    const cases = [
      () => storyboard(media.landscape, { columns: 0, spriteUrl: 'a.jpg' }),
      () => storyboard(media.landscape, { count: 20_000, spriteUrl: 'a.jpg' }),
      () => storyboard(media.landscape, { format: 'gif', spriteUrl: 'a.gif' }),
      () => storyboard(media.landscape, { spriteUrl: 'a.jpg\n\n00:00' }),
      () => storyboard(media.landscape, { columns: 100, count: 10_000, tileWidth: 4096, spriteUrl: 'a.jpg' }),
      () => storyboard(media.notVideo, { spriteUrl: 'a.jpg' }),
      () => storyboard(media.corrupt, { spriteUrl: 'a.jpg' }),
    ];
    for (const [i, run] of cases.entries()) {
      const error = await rejection(run());
      assert.instanceOf(error, VideoRenderError, `case ${i}`);
      assert.equal((error as VideoRenderError).status, 400, `case ${i}`);
    }
  });
});
