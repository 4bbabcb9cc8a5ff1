import { afterEach, beforeEach, describe, it } from 'node:test';
import { assert } from 'chai';
import { captureWarnings } from '../testing/fixture.js';
import { devWarningsEnabled, resetDevWarnings, setDevWarnings, warnInDev } from './warn.js';

describe('warnInDev', () => {
  let capture: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    resetDevWarnings();
    setDevWarnings(true);
    capture = captureWarnings();
  });
  afterEach(() => {
    capture.restore();
    setDevWarnings(true);
  });

  it('is on in an unbundled development page', () => {
    assert.isTrue(devWarningsEnabled());
  });

  it('prints the code and the message', () => {
    warnInDev('some-code', 'something is off');
    assert.deepEqual(capture.messages, ['[kumo] some-code: something is off']);
  });

  it('prints each distinct warning once', () => {
    warnInDev('repeat', 'same text');
    warnInDev('repeat', 'same text');
    warnInDev('repeat', 'other text');
    assert.deepEqual(capture.messages, ['[kumo] repeat: same text', '[kumo] repeat: other text']);
  });

  it('prints it again after a reset', () => {
    warnInDev('again', 'text');
    resetDevWarnings();
    warnInDev('again', 'text');
    assert.lengthOf(capture.messages, 2);
  });

  it('prints nothing when switched off', () => {
    setDevWarnings(false);
    assert.isFalse(devWarningsEnabled());
    warnInDev('silent', 'not shown');
    assert.deepEqual(capture.messages, []);
  });
});
