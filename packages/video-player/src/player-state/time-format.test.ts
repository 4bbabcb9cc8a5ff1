import { describe, it } from 'node:test';
import { assert } from 'chai';
import { clampTime, formatMediaTime } from './time-format.js';

describe('formatMediaTime', () => {
  it('writes minutes and seconds, and hours when there are any', () => {
    assert.equal(formatMediaTime(0), '0:00');
    assert.equal(formatMediaTime(65.9), '1:05');
    assert.equal(formatMediaTime(3723), '1:02:03');
    assert.equal(formatMediaTime(-3.2), '-0:03');
    assert.equal(formatMediaTime(-0.4), '0:00');
  });

  it('shows hours on every time of an hour-long video', () => {
    assert.equal(formatMediaTime(65, { reference: 3600 }), '0:01:05');
    assert.equal(formatMediaTime(65, { reference: Number.NaN }), '1:05');
  });

  it('uses the digits of the locale', () => {
    assert.equal(formatMediaTime(65, { locale: 'ar-EG' }), '١:٠٥');
    assert.equal(formatMediaTime(65, { locale: 'fr' }), '1:05');
  });

  it('writes unknown times as dashes', () => {
    assert.equal(formatMediaTime(Number.NaN), '--:--');
    assert.equal(formatMediaTime(Number.POSITIVE_INFINITY), '--:--');
  });
});

describe('clampTime', () => {
  it('keeps seek targets inside the media', () => {
    assert.equal(clampTime(-5, 10), 0);
    assert.equal(clampTime(15, 10), 10);
    assert.equal(clampTime(15, Number.NaN), 15);
    assert.equal(clampTime(Number.NaN, 10), 0);
  });
});
