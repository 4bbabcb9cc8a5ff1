import { describe, it } from 'node:test';
import { assert } from 'chai';
import { formatBytes, formatDuration, formatDurationSpoken, formatNumber, formatPercent } from './format.js';

// French and German separate a number from its unit, and thousands, with (narrow) no-break spaces.
const space = '[\\s\\u00a0\\u202f]';

describe('formatBytes', () => {
  it('uses the largest decimal unit, in English', () => {
    assert.strictEqual(formatBytes('en', 1_500_000), '1.5 MB');
    assert.strictEqual(formatBytes('en', 1_500), '1.5 kB');
    assert.strictEqual(formatBytes('en', 2_000_000_000), '2 GB');
    assert.strictEqual(formatBytes('en', 512), '512 bytes');
    assert.strictEqual(formatBytes('en', 1), '1 byte');
    assert.strictEqual(formatBytes('en', 0), '0 bytes');
  });

  it('carries a value that rounds up to 1000 into the next unit', () => {
    assert.strictEqual(formatBytes('en', 999_960), '1 MB');
  });

  it('follows the locale’s separators and unit names', () => {
    assert.match(formatBytes('fr', 1_500_000), new RegExp(`^1,5${space}Mo$`));
    assert.match(formatBytes('de', 1_500_000), new RegExp(`^1,5${space}MB$`));
  });

  it('honours the fraction digits asked for', () => {
    assert.strictEqual(formatBytes('en', 1_234_567, { maximumFractionDigits: 2 }), '1.23 MB');
  });
});

describe('formatDuration', () => {
  it('writes a clock', () => {
    assert.strictEqual(formatDuration('en', 0), '0:00');
    assert.strictEqual(formatDuration('en', 65), '1:05');
    assert.strictEqual(formatDuration('en', 65.9), '1:05');
    assert.strictEqual(formatDuration('en', 3723), '1:02:03');
    assert.strictEqual(formatDuration('en', -30), '-0:30');
  });

  it('writes an unknown duration as dashes', () => {
    assert.strictEqual(formatDuration('en', Number.NaN), '--:--');
    assert.strictEqual(formatDuration('en', Number.POSITIVE_INFINITY), '--:--');
  });
});

describe('formatDurationSpoken', () => {
  it('reads a duration in words', () => {
    assert.strictEqual(formatDurationSpoken('en', 65), '1 minute, 5 seconds');
    assert.strictEqual(formatDurationSpoken('en', 3600), '1 hour');
    assert.strictEqual(formatDurationSpoken('en', 0.4), '0 seconds');
    assert.match(formatDurationSpoken('fr', 65), new RegExp(`^1${space}minute et 5${space}secondes$`));
  });
});

describe('formatNumber and formatPercent', () => {
  it('follow the locale', () => {
    assert.strictEqual(formatNumber('en', 1234.5), '1,234.5');
    assert.match(formatNumber('fr', 1234.5), new RegExp(`^1${space}234,5$`));
    assert.strictEqual(formatPercent('en', 0.425), '43%');
    assert.strictEqual(formatPercent('en', 0.425, 1), '42.5%');
    assert.match(formatPercent('fr', 0.42), new RegExp(`^42${space}%$`));
  });
});
