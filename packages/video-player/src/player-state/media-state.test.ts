import { describe, it } from 'node:test';
import { assert } from 'chai';
import {
  bufferedAhead,
  INITIAL_MEDIA_STATE,
  type MediaElementLike,
  patchMediaState,
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
