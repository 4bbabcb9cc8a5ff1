import { describe, it } from 'node:test';
import { assert } from 'chai';
import {
  bufferedAhead,
  INITIAL_MEDIA_STATE,
  type MediaElementLike,
  patchMediaState,
  qualityLabel,
  qualityLevels,
  readMediaElement,
  resetForSource,
} from './media-state.js';

describe('media state', () => {
  it('returns the same object when a patch changes nothing', () => {
    const state = patchMediaState(INITIAL_MEDIA_STATE, { volume: 0.5, buffered: [[0, 2]] });
    assert.notStrictEqual(state, INITIAL_MEDIA_STATE);
    assert.strictEqual(patchMediaState(state, { volume: 0.5, buffered: [[0, 2]] }), state);
    assert.strictEqual(patchMediaState(state, { duration: Number.NaN }), state);
    assert.notStrictEqual(patchMediaState(state, { buffered: [[0, 3]] }), state);
  });

  it('resets per-source values for a new source and keeps the viewer’s choices', () => {
    const playing = patchMediaState(INITIAL_MEDIA_STATE, {
      currentTime: 3,
      started: true,
      chapters: [{ start: 0, end: 1, title: 'A' }],
      error: { kind: 'network', detail: 'x' },
      volume: 0.3,
      muted: true,
      playbackRate: 1.5,
      captionSize: 'large',
    });
    const reset = resetForSource(playing);
    assert.include(reset, { currentTime: 0, started: false, error: undefined, volume: 0.3, muted: true });
    assert.include(reset, { playbackRate: 1.5, captionSize: 'large' });
    assert.deepEqual(reset.chapters, []);
  });

  it('reads a media element', () => {
    const media: MediaElementLike = {
      paused: false,
      currentTime: 1.5,
      duration: 4,
      buffered: { length: 2, start: (i) => [0, 2.5][i]!, end: (i) => [2, 3][i]! },
      volume: 0.8,
      muted: false,
      playbackRate: 2,
      seeking: false,
      ended: false,
    };
    const patch = readMediaElement(media);
    assert.deepEqual(patch.buffered, [
      [0, 2],
      [2.5, 3],
    ]);
    assert.include(patch, { paused: false, currentTime: 1.5, duration: 4, playbackRate: 2 });
    assert.equal(bufferedAhead(patch.buffered!, 1.5), 0.5);
    assert.equal(bufferedAhead(patch.buffered!, 2.2), 0);
  });
});

describe('quality levels', () => {
  it('lists renditions highest first, keeping engine indexes and one entry per height', () => {
    const levels = qualityLevels([
      { width: 426, height: 240, bitrate: 350_000 },
      { width: 1280, height: 720, bitrate: 2_500_000 },
      { width: 640, height: 360, bitrate: 700_000 },
      { width: 640, height: 360, bitrate: 900_000 },
    ]);
    assert.deepEqual(
      levels.map((level) => [level.index, level.height]),
      [
        [1, 720],
        [3, 360],
        [0, 240],
      ],
    );
  });

  it('names a level by its short side, or by bit rate without a size', () => {
    assert.equal(qualityLabel({ index: 0, width: 1280, height: 720, bitrate: 1 }), '720p');
    assert.equal(qualityLabel({ index: 0, width: 720, height: 1280, bitrate: 1 }), '720p');
    assert.equal(qualityLabel({ index: 0, width: 0, height: 0, bitrate: 1_200_000 }), '1.2 Mbps');
  });
});
