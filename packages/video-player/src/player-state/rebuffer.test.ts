import { describe, it } from 'node:test';
import { assert } from 'chai';
import { initialRebufferState, type RebufferInput, stepRebuffer } from './rebuffer.js';

/** Runs events `[type, now, time]` and lists the changes they caused. */
function run(events: Array<[RebufferInput, number, number]>) {
  let state = initialRebufferState;
  const changes: string[] = [];
  for (const [input, now, time] of events) {
    const result = stepRebuffer(state, input, now, time);
    state = result.state;
    if (result.change)
      changes.push(result.change.type === 'end' ? `end:${result.change.durationMs}` : 'start');
  }
  return changes;
}

describe('stepRebuffer', () => {
  it('ignores waiting before playback has started (the initial load)', () => {
    assert.deepEqual(
      run([
        ['waiting', 0, 0],
        ['playing', 500, 0],
      ]),
      [],
    );
  });

  it('reports a stall during playback and how long it lasted', () => {
    assert.deepEqual(
      run([
        ['playing', 0, 0],
        ['waiting', 1000, 2],
        ['waiting', 1100, 2],
        ['playing', 1750, 2],
      ]),
      ['start', 'end:750'],
    );
  });

  it('ends a stall when time moves on, even without playing', () => {
    assert.deepEqual(
      run([
        ['playing', 0, 0],
        ['waiting', 100, 1],
        ['timeupdate', 200, 1],
        ['timeupdate', 400, 1.1],
      ]),
      ['start', 'end:300'],
    );
  });

  it('does not count waiting caused by a seek', () => {
    assert.deepEqual(
      run([
        ['playing', 0, 0],
        ['seeking', 100, 3],
        ['waiting', 110, 3],
        ['seeked', 500, 3],
        ['playing', 510, 3],
      ]),
      [],
    );
  });

  it('closes an open stall when the source is emptied', () => {
    assert.deepEqual(
      run([
        ['playing', 0, 0],
        ['waiting', 10, 1],
        ['emptied', 60, 0],
      ]),
      ['start', 'end:50'],
    );
  });
});
