import { describe, it } from 'node:test';
import { assert } from 'chai';
import { newQuartileTracker, type Quartile, trackQuartiles } from './quartiles.js';

/** Feeds time updates and collects the quartiles reported. */
function play(
  updates: Array<{ time: number; seeking?: boolean; ended?: boolean }>,
  duration = 8,
): Quartile[] {
  let tracker = newQuartileTracker();
  const reported: Quartile[] = [];
  for (const update of updates) {
    const result = trackQuartiles(tracker, { duration, ...update });
    tracker = result.tracker;
    reported.push(...result.crossed);
  }
  return reported;
}

describe('trackQuartiles', () => {
  it('reports each quartile once as playback passes it', () => {
    const times = [0.25, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 7.99, 8].map(
      (time) => ({ time }),
    );
    assert.deepEqual(play([...times, { time: 8, ended: true }]), [25, 50, 75, 100]);
  });

  it('does not credit what a seek skipped', () => {
    assert.deepEqual(play([{ time: 1 }, { time: 6.5, seeking: true }, { time: 7 }, { time: 7.5 }]), []);
  });

  it('counts a long jump as a seek even without the seeking flag', () => {
    assert.deepEqual(play([{ time: 0.5 }, { time: 5 }]), []);
  });

  it('credits the end when the video ends, whatever was skipped', () => {
    assert.deepEqual(play([{ time: 0.5 }, { time: 7.9, seeking: true }, { time: 8, ended: true }]), [100]);
  });

  it('does nothing while the duration is unknown', () => {
    assert.deepEqual(play([{ time: 1 }, { time: 2 }], Number.NaN), []);
  });
});
