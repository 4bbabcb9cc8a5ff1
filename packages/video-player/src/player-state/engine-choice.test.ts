import { describe, it } from 'node:test';
import { assert } from 'chai';
import { chooseHlsEngine, failureFromHls, failureFromMediaError, worstFailure } from './engine-choice.js';

describe('chooseHlsEngine', () => {
  it('takes hls.js wherever MSE exists, even when the browser claims native HLS', () => {
    assert.equal(chooseHlsEngine({ mediaSource: true, nativeHls: true }), 'hls.js');
    assert.equal(chooseHlsEngine({ mediaSource: true, nativeHls: false }), 'hls.js');
  });

  it('falls back to native HLS only without MSE', () => {
    assert.equal(chooseHlsEngine({ mediaSource: false, nativeHls: true }), 'native');
    assert.equal(chooseHlsEngine({ mediaSource: false, nativeHls: false }), 'none');
  });
});

describe('failure classification', () => {
  it('reads hls.js fatal errors', () => {
    const notFound = failureFromHls({
      type: 'networkError',
      details: 'manifestLoadError',
      fatal: true,
      response: { code: 404 },
    });
    assert.deepInclude(notFound, { kind: 'not-found', status: 404 });
    assert.match(notFound.detail, /manifestLoadError/);
    assert.equal(
      failureFromHls({ type: 'networkError', details: 'fragLoadTimeOut', fatal: true }).kind,
      'network',
    );
    assert.equal(
      failureFromHls({ type: 'mediaError', details: 'manifestIncompatibleCodecsError', fatal: true }).kind,
      'unsupported',
    );
    assert.equal(
      failureFromHls({ type: 'mediaError', details: 'bufferStalledError', fatal: true }).kind,
      'decode',
    );
    assert.equal(
      failureFromHls({ type: 'otherError', details: 'internalException', fatal: true }).kind,
      'unknown',
    );
  });

  it('reads MediaError codes, and lets an HTTP status overrule them', () => {
    assert.equal(failureFromMediaError(4, '', 404).kind, 'not-found');
    assert.equal(failureFromMediaError(4, '', 503).kind, 'network');
    assert.equal(failureFromMediaError(4, '', 200).kind, 'unsupported');
    assert.equal(failureFromMediaError(4, '', 0).kind, 'network');
    assert.equal(failureFromMediaError(3, 'PIPELINE_ERROR_DECODE').kind, 'decode');
    assert.equal(failureFromMediaError(2, '').kind, 'network');
    assert.equal(failureFromMediaError(1, '').kind, 'aborted');
  });

  it('prefers "not found" among several candidates failures', () => {
    const network = { kind: 'network', detail: 'a' } as const;
    const missing = { kind: 'not-found', status: 404, detail: 'b' } as const;
    assert.equal(worstFailure([missing, network]), missing);
    assert.equal(worstFailure([network]), network);
    assert.isUndefined(worstFailure([]));
  });
});
