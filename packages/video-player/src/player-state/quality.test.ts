import { describe, it } from 'node:test';
import { assert } from 'chai';
import { qualityLabel, qualityLevels } from './quality.js';

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
