import { describe, it } from 'node:test';
import { assert } from 'chai';
import { ProgressMeter } from './progress-meter.js';

describe('ProgressMeter', () => {
  it('knows no speed and no time left before it has samples', () => {
    const meter = new ProgressMeter();
    assert.equal(meter.speed, 0);
    assert.isUndefined(meter.secondsLeft(100));
  });

  it('reports no speed while the samples span too little time to mean anything', () => {
    const meter = new ProgressMeter();
    meter.sample(0, 0);
    meter.sample(50_000, 50);
    assert.equal(meter.speed, 0);
  });

  it('measures bytes per second and the time left at that speed', () => {
    const meter = new ProgressMeter();
    meter.sample(0, 0);
    meter.sample(500, 500);
    meter.sample(1000, 1000);
    assert.equal(meter.speed, 1000);
    assert.equal(meter.secondsLeft(4000), 3);
    assert.equal(meter.secondsLeft(500), 0);
  });

  it('follows a change of speed once the old samples leave the window', () => {
    const meter = new ProgressMeter(1000);
    meter.sample(0, 0);
    meter.sample(10_000, 1000);
    assert.equal(meter.speed, 10_000);
    meter.sample(11_000, 2000);
    meter.sample(12_000, 3000);
    assert.equal(meter.speed, 1000);
  });

  it('starts over when the byte count goes backwards (a chunk sent again)', () => {
    const meter = new ProgressMeter();
    meter.sample(0, 0);
    meter.sample(8000, 1000);
    meter.sample(100, 1100);
    assert.equal(meter.speed, 0);
    meter.sample(1100, 2100);
    assert.equal(meter.speed, 1000);
  });

  it('forgets everything on reset', () => {
    const meter = new ProgressMeter();
    meter.sample(0, 0);
    meter.sample(1000, 1000);
    meter.reset();
    assert.equal(meter.speed, 0);
  });
});
