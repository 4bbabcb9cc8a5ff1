import { describe, it } from 'node:test';
import { assert } from 'chai';
import { hlsLadder, STREAMING_LADDERS } from './hls-ladder.js';
import { VideoRenderError } from './video-errors.js';

describe('hlsLadder', () => {
  it('auto and full_hd give 1080p down to 240p for a 1080p source, highest first', () => {
    const ladder = hlsLadder({ width: 1920, height: 1080 }, 'full_hd');
    assert.deepEqual(
      ladder.map((r) => [r.width, r.height]),
      [
        [1920, 1080],
        [1280, 720],
        [852, 480],
        [640, 360],
        [426, 240],
      ],
    );
    assert.deepEqual(
      hlsLadder({ width: 1920, height: 1080 }, 'auto').map((r) => r.name),
      ['1080p', '720p', '480p', '360p', '240p'],
    );
    for (let i = 1; i < ladder.length; i += 1)
      assert.isBelow(ladder[i]!.videoBitrate, ladder[i - 1]!.videoBitrate);
  });

  it('never upscales, for every profile and many source sizes', () => {
    for (const profile of Object.keys(STREAMING_LADDERS)) {
      for (const [width, height] of [
        [3840, 2160],
        [1280, 720],
        [720, 1280],
        [640, 360],
        [400, 300],
        [200, 120],
        [97, 55],
      ] as const) {
        const ladder = hlsLadder({ width, height }, profile);
        assert.isAbove(ladder.length, 0);
        for (const r of ladder) {
          assert.isAtMost(r.width, width, `${profile} ${width}x${height}`);
          assert.isAtMost(r.height, height, `${profile} ${width}x${height}`);
          assert.equal(r.width % 2, 0);
          assert.equal(r.height % 2, 0);
          // The picture keeps the source's shape (within even rounding).
          assert.closeTo(r.width / r.height, width / height, 0.05);
        }
      }
    }
  });

  it('caps hd at 720p and sd at 480p', () => {
    assert.equal(hlsLadder({ width: 1920, height: 1080 }, 'hd')[0]!.height, 720);
    assert.equal(hlsLadder({ width: 1920, height: 1080 }, 'sd')[0]!.height, 480);
    assert.equal(hlsLadder({ width: 1920, height: 1080 }, 'hd_lean').length, 3);
  });

  it('measures portrait sources by their short side', () => {
    const ladder = hlsLadder({ width: 720, height: 1280 }, 'auto');
    assert.deepEqual(ladder[0], { ...ladder[0]!, width: 720, height: 1280, name: '720p' });
  });

  it('gives a tiny source one rendition of its own size', () => {
    const ladder = hlsLadder({ width: 160, height: 90 }, 'auto');
    assert.equal(ladder.length, 1);
    assert.deepEqual([ladder[0]!.width, ladder[0]!.height], [160, 90]);
  });

  it('takes a custom ladder and refuses unknown profiles', () => {
    const custom = hlsLadder({ width: 1280, height: 720 }, [
      { name: 'small', shortSide: 300, videoBitrate: 500_000, audioBitrate: 64_000 },
    ]);
    assert.deepEqual([custom[0]!.width, custom[0]!.height], [532, 300]);
    try {
      hlsLadder({ width: 1280, height: 720 }, 'ultra');
      assert.fail('expected an error');
    } catch (error) {
      assert.instanceOf(error, VideoRenderError);
      assert.include((error as Error).message, 'sp_ultra');
    }
  });
});
