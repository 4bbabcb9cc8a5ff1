import { describe, it } from 'node:test';
import { assert } from 'chai';
import { type AnalyticsBatch, AnalyticsBatcher, type AnalyticsRecord } from './analytics-batch.js';

const record = (type: string): AnalyticsRecord => ({ type, at: 1, position: 0, source: 'dog' });

/** A batcher with a fake clock: `tick()` fires the pending timer. */
function setup(accept = true, maxRecords = 3) {
  const sent: Array<{ batch: AnalyticsBatch; reason: string }> = [];
  let timer: (() => void) | undefined;
  const batcher = new AnalyticsBatcher({
    sessionId: 's1',
    maxRecords,
    send: (body, reason) => {
      if (accept) sent.push({ batch: JSON.parse(body) as AnalyticsBatch, reason });
      return accept;
    },
    setTimer: (callback) => {
      timer = callback;
      return 1;
    },
    clearTimer: () => {
      timer = undefined;
    },
  });
  return { batcher, sent, tick: () => timer?.(), hasTimer: () => timer !== undefined };
}

describe('AnalyticsBatcher', () => {
  it('sends a full batch at once, with the session id', () => {
    const { batcher, sent } = setup();
    for (const type of ['play', 'pause', 'seeked']) batcher.add(record(type));
    assert.lengthOf(sent, 1);
    assert.equal(sent[0]!.reason, 'full');
    assert.equal(sent[0]!.batch.session, 's1');
    assert.deepEqual(
      sent[0]!.batch.events.map((event) => event.type),
      ['play', 'pause', 'seeked'],
    );
  });

  it('sends a partial batch when the timer fires, and only then', () => {
    const { batcher, sent, tick, hasTimer } = setup();
    batcher.add(record('play'));
    assert.lengthOf(sent, 0);
    assert.isTrue(hasTimer());
    tick();
    assert.deepEqual(
      sent.map((entry) => [entry.reason, entry.batch.events.length]),
      [['timer', 1]],
    );
  });

  it('flushes what is left when the page hides, and nothing when empty', () => {
    const { batcher, sent, hasTimer } = setup();
    batcher.flush('hidden');
    assert.lengthOf(sent, 0);
    batcher.add(record('ended'));
    batcher.flush('hidden');
    assert.equal(sent[0]!.reason, 'hidden');
    assert.isFalse(hasTimer());
  });

  it('keeps records the browser refused, for the next flush', () => {
    const { batcher } = setup(false);
    batcher.add(record('play'));
    batcher.flush();
    assert.lengthOf(batcher.pending, 1);
  });
});
