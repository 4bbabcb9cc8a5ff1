import { describe, it } from 'node:test';
import { KumoApiError, KumoClientError } from '@kumo/core';
import { assert } from 'chai';
import { isAbortError } from './abort-error.js';
import { signUrl, testServer } from './engine-fixtures.test.js';
import type { SignatureFunction } from './upload-queue.types.js';
import { normalizeSignature, paramsToSign, requestSignature } from './upload-signature.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  return assert.fail('expected a rejection');
}

const now = () => String(Math.floor(Date.now() / 1000));

describe('upload signatures', () => {
  it('signs everything sent except file, cloud_name, resource_type and api_key', () => {
    assert.deepEqual(
      paramsToSign({
        file: 'x',
        cloud_name: 'demo',
        resource_type: 'image',
        api_key: '1',
        public_id: 'a',
        source: 'uw',
        folder: '',
      }),
      { public_id: 'a', source: 'uw' },
    );
  });

  it('accepts a string, an object, or a list whose first item is one', () => {
    assert.deepEqual(normalizeSignature('abc'), { signature: 'abc' });
    assert.deepEqual(normalizeSignature({ signature: 'abc', api_key: 'k', timestamp: 12 }), {
      signature: 'abc',
      apiKey: 'k',
      timestamp: '12',
      params: undefined,
    });
    assert.deepEqual(normalizeSignature(['abc']), { signature: 'abc' });
    assert.throws(() => normalizeSignature({}), /did not provide a signature/);
    assert.throws(() => normalizeSignature(''), /did not provide a signature/);
  });

  it('calls a signature function with a copy of the parameters and takes its callback answer', async () => {
    const params = { public_id: 'a', timestamp: '1' };
    let seen: Record<string, string | number> | undefined;
    const signer: SignatureFunction = (callback, toSign) => {
      seen = toSign;
      toSign.public_id = 'changed';
      setTimeout(() => callback({ signature: 'sig', api_key: 'key' }), 5);
    };
    const signature = await requestSignature(signer, params);
    assert.deepEqual(seen, { public_id: 'changed', timestamp: '1' });
    assert.equal(params.public_id, 'a');
    assert.equal(signature.signature, 'sig');
    assert.equal(signature.apiKey, 'key');
  });

  it('takes a promise returned by the function as its answer', async () => {
    const signature = await requestSignature(async () => 'from-promise', {});
    assert.equal(signature.signature, 'from-promise');
  });

  it('signs through a URL with Cloudinary’s {params_to_sign} body', async () => {
    const timestamp = now();
    const signature = await requestSignature(signUrl(), { public_id: 'signed', source: 'uw', timestamp });
    assert.match(signature.signature, /^[0-9a-f]{40}$/);
    assert.equal(signature.apiKey, testServer().apiKey);
    assert.equal(signature.timestamp, timestamp);
    assert.deepEqual(signature.params, { public_id: 'signed', source: 'uw', timestamp });
  });

  it('reports what the signing endpoint refuses, with its status and message', async () => {
    const error = await rejection(requestSignature(signUrl(), { overwrite: 'true', timestamp: now() }));
    assert.instanceOf(error, KumoApiError);
    assert.equal((error as KumoApiError).status, 403);
    assert.equal(error.message, 'Parameter overwrite may not be signed');
  });

  it('reports an unreachable endpoint as a network error (status 0)', async () => {
    const error = await rejection(requestSignature('http://127.0.0.1:9/sign', { timestamp: now() }));
    assert.equal((error as KumoApiError).status, 0);
    assert.match(error.message, /could not reach the signing endpoint/);
  });

  it('passes on what the function throws or rejects with', async () => {
    const thrown = await rejection(
      requestSignature(() => {
        throw new Error('no session');
      }, {}),
    );
    assert.equal(thrown.message, 'no session');
    const rejected = await rejection(requestSignature(() => Promise.reject(new Error('denied')), {}));
    assert.equal(rejected.message, 'denied');
  });

  it('stops waiting for a function that never answers when the upload is cancelled', async () => {
    const controller = new AbortController();
    const pending = requestSignature(() => undefined, {}, controller.signal);
    controller.abort();
    assert.isTrue(isAbortError(await rejection(pending)));
  });

  it('fails with a message when a function has not answered in time, and ignores a late answer', async () => {
    let answer: ((signature: string) => void) | undefined;
    const pending = requestSignature(
      (callback) => {
        answer = callback;
      },
      {},
      undefined,
      50,
    );
    const error = await rejection(pending);
    assert.instanceOf(error, KumoClientError);
    assert.match((error as Error).message, /did not answer within 0\.1 s/);
    answer?.('late');
  });

  it('fails with a message when the signing endpoint has not answered in time', async () => {
    // The stand-in website keeps this request waiting.
    const hanging = `${testServer().remoteOrigin}/never-answers`;
    const started = performance.now();
    const error = await rejection(requestSignature(hanging, {}, undefined, 100));
    assert.instanceOf(error, KumoApiError);
    assert.strictEqual((error as KumoApiError).status, 0);
    assert.match((error as Error).message, /did not answer within 0\.1 s/);
    assert.isBelow(performance.now() - started, 5000);
  });
});
