import { describe, it } from 'node:test';
import { parseTransformation } from '@kumo/core';
import { assert } from 'chai';
import fc from 'fast-check';
import { hlsLadder } from './hls-ladder.js';
import type { VideoInfo } from './probe-video.js';
import { storyboardVtt } from './storyboard.js';
import { VideoRenderError } from './video-errors.js';
import { planVideo, readSettings, readTrim } from './video-plan.js';
import { pickFrameRate, readBitRate, readFps } from './video-values.js';

const source: VideoInfo = {
  duration: 10,
  width: 1280,
  height: 720,
  frameRate: 30,
  videoCodec: 'h264',
  audioCodec: 'aac',
  bitRate: 2_000_000,
  hasVideo: true,
  hasAudio: true,
  rotation: 0,
  formatName: 'mp4',
};

function error(run: () => unknown): VideoRenderError {
  try {
    run();
  } catch (caught) {
    assert.instanceOf(caught, VideoRenderError);
    return caught as VideoRenderError;
  }
  return assert.fail('expected a VideoRenderError');
}

describe('video plan', () => {
  it('reads trims in seconds and percent; eo wins over du', () => {
    assert.deepEqual(readTrim(parseTransformation('eo_4,so_1.5'), 10), { start: 1.5, end: 4 });
    assert.deepEqual(readTrim(parseTransformation('du_20p,so_50p'), 10), { start: 5, end: 7 });
    assert.deepEqual(readTrim(parseTransformation('du_2,eo_9,so_1'), 10), { start: 1, end: 9 });
    assert.deepEqual(readTrim(parseTransformation('du_30'), 10), { start: 0, end: 10 });
    assert.include(error(() => readTrim(parseTransformation('so_101p'), 10)).message, 'start offset');
  });

  it('reads bit rates, fps ranges and the last value of the chain', () => {
    assert.deepEqual(readBitRate('500k'), { bitsPerSecond: 500_000, constant: false });
    assert.deepEqual(readBitRate('2m:constant'), { bitsPerSecond: 2_000_000, constant: true });
    assert.equal(readBitRate(250000).bitsPerSecond, 250_000);
    assert.equal(pickFrameRate(60, readFps('24-30')), 30);
    assert.equal(pickFrameRate(15, readFps('24-30')), 24);
    assert.equal(pickFrameRate(60, readFps('-25')), 25);
    assert.equal(pickFrameRate(60, readFps(12)), 12);
    const settings = readSettings(parseTransformation('q_40,vc_h264/q_90,vc_h265:bframes_no'));
    assert.equal(settings.quality, 90);
    assert.deepEqual(settings.videoCodec, { codec: 'h265', noBFrames: true });
  });

  it('tracks size through chained components and durations through speed effects', () => {
    const plan = planVideo(source, parseTransformation('c_scale,w_640/c_crop,h_300,w_300/e_accelerate:100'), {
      video: true,
    });
    assert.deepEqual(plan.video?.size, { width: 300, height: 300 });
    assert.equal(plan.duration, 5);
    const boomerang = planVideo(source, parseTransformation('du_2,e_boomerang'), { video: true });
    assert.equal(boomerang.duration, 4);
    assert.isUndefined(boomerang.audio);
  });

  it('ignores video parameters for audio-only outputs and delivery-only parameters', () => {
    const plan = planVideo(source, parseTransformation('c_fill,fl_attachment,h_10,sp_hd,w_10'), {
      video: false,
    });
    assert.isUndefined(plan.video);
    assert.isDefined(plan.audio);
  });

  it('enforces the output-pixel and reverse-memory limits', () => {
    assert.include(
      error(() => planVideo(source, parseTransformation('w_8000,h_8000,c_scale'), { video: true })).message,
      'over the limit',
    );
    assert.include(
      error(() =>
        planVideo(source, parseTransformation('e_reverse'), {
          video: true,
          limits: { maxBufferedBytes: 1e6 },
        }),
      ).message,
      'e_reverse',
    );
  });

  it('refuses malformed chains without throwing anything else', () => {
    for (const chain of [[null], ['w_100'], [[]]] as unknown as never[]) {
      assert.equal(error(() => planVideo(source, chain, { video: true })).status, 400);
    }
  });

  it('storyboard cues are contiguous and cover the whole duration (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 20_000, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        (duration, count, columns) => {
          const vtt = storyboardVtt(duration, { columns, count, tileWidth: 10, tileHeight: 10 }, 's.jpg');
          const stamps = [
            ...vtt.matchAll(/(\d\d):(\d\d):(\d\d)\.(\d\d\d) --> (\d\d):(\d\d):(\d\d)\.(\d\d\d)/g),
          ].map((m) =>
            [1, 5].map(
              (k) =>
                ((Number(m[k]) * 60 + Number(m[k + 1])) * 60 + Number(m[k + 2])) * 1000 + Number(m[k + 3]),
            ),
          );
          assert.equal(stamps.length, count);
          assert.equal(stamps[0]![0], 0);
          assert.equal(stamps[count - 1]![1], Math.round(duration * 1000));
          for (let i = 1; i < count; i += 1) assert.equal(stamps[i]![0], stamps[i - 1]![1]);
        },
      ),
    );
  });

  it('ladders never upscale (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 7680 }),
        fc.integer({ min: 2, max: 4320 }),
        fc.constantFrom('auto', '4k', 'full_hd', 'full_hd_wifi', 'full_hd_lean', 'hd', 'hd_lean', 'sd'),
        (width, height, profile) => {
          for (const r of hlsLadder({ width, height }, profile)) {
            assert.isAtMost(r.width, Math.max(2, width));
            assert.isAtMost(r.height, Math.max(2, height));
          }
        },
      ),
    );
  });
});
