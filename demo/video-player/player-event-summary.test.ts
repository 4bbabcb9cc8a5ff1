import { describe, it } from 'node:test';
import { assert } from 'chai';
import { summarizePlayerEvent } from './player-event-summary.js';

describe('player event summary', () => {
  it('says where playback was for play, pause, end and stalls', () => {
    assert.strictEqual(summarizePlayerEvent('kumo-play', { time: 1.5 }), 'at 1.50 s');
    assert.strictEqual(summarizePlayerEvent('kumo-ended', { time: 12 }), 'at 12.00 s');
    assert.strictEqual(
      summarizePlayerEvent('kumo-rebuffer-end', { time: 3, durationMs: 120 }),
      'at 3.00 s, stalled 120 ms',
    );
  });

  it('says what changed for seeks, quartiles, renditions and playlist items', () => {
    assert.strictEqual(summarizePlayerEvent('kumo-seeked', { from: 1, time: 6.25 }), '1.00 s → 6.25 s');
    assert.strictEqual(summarizePlayerEvent('kumo-progress-quartile', { quartile: 50 }), '50 % played');
    assert.strictEqual(
      summarizePlayerEvent('kumo-quality-change', { level: 1, height: 360, auto: true }),
      '360p, level 1 (auto)',
    );
    assert.strictEqual(summarizePlayerEvent('kumo-playlist-item', { index: 1, length: 2 }), 'item 2 of 2');
    assert.strictEqual(
      summarizePlayerEvent('kumo-source-change', { id: 'samples/videos/x' }),
      'samples/videos/x',
    );
  });

  it('names the failure, its status and the source for errors', () => {
    assert.strictEqual(
      summarizePlayerEvent('kumo-error', {
        error: { kind: 'not-found', status: 404, detail: 'manifestLoadError' },
        source: 'missing',
      }),
      'not-found [404]: manifestLoadError (missing)',
    );
  });

  it('tolerates payloads it does not know', () => {
    assert.strictEqual(summarizePlayerEvent('kumo-play', {}), 'at ?');
    assert.strictEqual(summarizePlayerEvent('kumo-something', { a: 1 }), '');
  });
});
