import { describe, it } from 'node:test';
import { assert } from 'chai';
import {
  checkTimestamp,
  formatSignatureTime,
  responseSignature,
  SigningInputError,
  signParams,
  stringToSign,
  verifyResponseSignature,
  verifyUploadSignature,
} from './upload.js';

// Cloudinary's documented example (authentication_signatures page).
const DOC_PARAMS = {
  timestamp: 1315060510,
  public_id: 'sample_image',
  eager: 'w_400,h_300,c_pad|w_260,h_200,c_crop',
  file: 'https://www.example.com/sample.jpg',
  api_key: '1234',
};
const DOC_STRING = 'eager=w_400,h_300,c_pad|w_260,h_200,c_crop&public_id=sample_image&timestamp=1315060510';
const DOC_SIGNATURE = 'bfd09f95f331f558cbd1320e67aa8d488770583e';
const DOC_NOW = 1315060510 * 1000;

async function rejectsWith(promise: Promise<unknown>, type: new (message?: string) => Error): Promise<void> {
  try {
    await promise;
  } catch (error) {
    assert.instanceOf(error, type);
    return;
  }
  assert.fail(`expected a ${type.name}`);
}

describe('stringToSign', () => {
  it('builds the documented string, dropping file and api_key', () => {
    assert.equal(stringToSign(DOC_PARAMS), DOC_STRING);
  });

  it('drops cloud_name, resource_type and signature, skips empty values, keeps 0 and false', () => {
    const text = stringToSign({
      cloud_name: 'demo',
      resource_type: 'image',
      signature: 'abc',
      a: '',
      b: undefined,
      c: null,
      d: 0,
      e: false,
      f: [],
    });
    assert.equal(text, 'd=0&e=false');
  });

  it('comma-joins arrays and `key[]` fields under the bare key', () => {
    assert.equal(
      stringToSign({ 'public_ids[]': ['cat', 'dog'], tags: ['a', 'b'] }),
      'public_ids=cat,dog&tags=a,b',
    );
  });

  it('escapes & inside pairs for version 2 only', () => {
    const params = { notification_url: 'https://x.test/?a=1&tags=evil', timestamp: 1 };
    assert.equal(stringToSign(params), 'notification_url=https://x.test/?a=1%26tags=evil&timestamp=1');
    assert.equal(
      stringToSign(params, { signatureVersion: 1 }),
      'notification_url=https://x.test/?a=1&tags=evil&timestamp=1',
    );
  });

  it('does not URL-encode values', () => {
    assert.equal(stringToSign({ context: 'alt=a b|caption=é/ü' }), 'context=alt=a b|caption=é/ü');
  });

  it('rejects values that have no wire form with a typed error', () => {
    assert.throws(() => stringToSign({ context: { a: 1 } }), SigningInputError);
    assert.throws(() => stringToSign({ a: 1 }, { signatureVersion: 3 as never }), SigningInputError);
  });
});

describe('signParams', () => {
  it('gives the documented SHA-1 signature', async () => {
    assert.equal(await signParams(DOC_PARAMS, 'abcd'), DOC_SIGNATURE);
  });

  it('gives the support article sanity-check signature', async () => {
    const signature = await signParams({ public_id: 'sample_image', timestamp: 1315060510 }, 'abcd');
    assert.equal(signature, 'b4ad47fb4e25c7bf5f92a20089f9db59bc302313');
  });

  it('rejects a missing secret and an unknown algorithm', async () => {
    await rejectsWith(signParams({ a: 1 }, ''), SigningInputError);
    await rejectsWith(signParams({ a: 1 }, 's', { algorithm: 'md5' as never }), SigningInputError);
  });
});

describe('verifyUploadSignature', () => {
  const wire = { ...DOC_PARAMS, timestamp: '1315060510', signature: DOC_SIGNATURE };

  it('accepts the documented request', async () => {
    assert.deepEqual(await verifyUploadSignature(wire, 'abcd', { now: DOC_NOW }), {
      ok: true,
      algorithm: 'sha1',
    });
  });

  it('accepts an uppercase hex signature and a `now` given in seconds', async () => {
    const check = await verifyUploadSignature({ ...wire, signature: DOC_SIGNATURE.toUpperCase() }, 'abcd', {
      now: 1315060510,
    });
    assert.isTrue(check.ok);
  });

  it('answers a wrong signature with 401 and the server string to sign', async () => {
    const bad = 'a'.repeat(40);
    const check = await verifyUploadSignature({ ...wire, signature: bad }, 'abcd', { now: DOC_NOW });
    assert.deepEqual(check, {
      ok: false,
      status: 401,
      message: `Invalid Signature ${bad}. String to sign - '${DOC_STRING}'.`,
    });
  });

  it('rejects the right signature under the wrong secret or with a tampered parameter', async () => {
    assert.isFalse((await verifyUploadSignature(wire, 'abce', { now: DOC_NOW })).ok);
    assert.isFalse(
      (await verifyUploadSignature({ ...wire, public_id: 'other' }, 'abcd', { now: DOC_NOW })).ok,
    );
  });

  it('answers a malformed signature with 401', async () => {
    const check = await verifyUploadSignature({ ...wire, signature: 'xyz' }, 'abcd', { now: DOC_NOW });
    assert.equal(check.ok ? 0 : check.status, 401);
  });

  it('requires api_key (401), timestamp and signature (400)', async () => {
    const noKey = await verifyUploadSignature({ ...wire, api_key: undefined }, 'abcd', { now: DOC_NOW });
    assert.deepEqual(noKey, { ok: false, status: 401, message: 'Must supply api_key' });
    const noTime = await verifyUploadSignature({ ...wire, timestamp: undefined }, 'abcd', { now: DOC_NOW });
    assert.deepEqual(noTime, { ok: false, status: 400, message: 'Missing required parameter - timestamp' });
    const noSig = await verifyUploadSignature({ ...wire, signature: '' }, 'abcd', { now: DOC_NOW });
    assert.deepEqual(noSig, { ok: false, status: 400, message: 'Missing required parameter - signature' });
    const badTime = await verifyUploadSignature({ ...wire, timestamp: 'yesterday' }, 'abcd', {
      now: DOC_NOW,
    });
    assert.equal(badTime.ok ? 0 : badTime.status, 400);
  });

  it('reports a stale request with Cloudinary text after one hour, and accepts exactly one hour', async () => {
    const reported = Date.UTC(2015, 5, 20, 12, 59, 41) / 1000;
    const params = { api_key: 'k', timestamp: String(reported), signature: 'a'.repeat(40) };
    const stale = await verifyUploadSignature(params, 's', { now: (reported + 3601) * 1000 });
    assert.deepEqual(stale, {
      ok: false,
      status: 400,
      message: 'Stale request - reported time is 2015-06-20 12:59:41 +0000 which is more than 1 hour ago',
    });
    const onTime = await verifyUploadSignature(params, 's', { now: (reported + 3600) * 1000 });
    assert.equal(onTime.ok ? 0 : onTime.status, 401);
  });

  it('rejects timestamps beyond the clock-skew allowance in the future', async () => {
    const early = await verifyUploadSignature(wire, 'abcd', { now: DOC_NOW - 601_000 });
    assert.equal(early.ok ? 0 : early.status, 400);
    assert.match(early.ok ? '' : early.message, /more than 10 minutes in the future$/);
    assert.isTrue((await verifyUploadSignature(wire, 'abcd', { now: DOC_NOW - 600_000 })).ok);
  });

  it('signs repeated `key[]` fields as the comma-joined array', async () => {
    const signature = await signParams({ public_ids: ['a', 'b'], timestamp: 1700000000 }, 'secret');
    const check = await verifyUploadSignature(
      { 'public_ids[]': ['a', 'b'], timestamp: '1700000000', api_key: 'k', signature },
      'secret',
      { now: 1700000000_000 },
    );
    assert.isTrue(check.ok);
  });

  it('accepts a version-1 signature when a value holds &, unless legacyVersion1 is off', async () => {
    const params = { notification_url: 'https://x.test/?a=1&b=2', timestamp: 1700000000 };
    const signature = await signParams(params, 'secret', { signatureVersion: 1 });
    const wire = {
      notification_url: params.notification_url,
      timestamp: '1700000000',
      api_key: 'k',
      signature,
    };
    const now = 1700000000_000;
    assert.isTrue((await verifyUploadSignature(wire, 'secret', { now })).ok);
    assert.isFalse((await verifyUploadSignature(wire, 'secret', { now, legacyVersion1: false })).ok);
  });

  it('accepts SHA-256 signatures, inferred from their length', async () => {
    const signature = await signParams({ public_id: 'x', timestamp: 1700000000 }, 'secret', {
      algorithm: 'sha256',
    });
    const check = await verifyUploadSignature(
      { public_id: 'x', timestamp: '1700000000', api_key: 'k', signature },
      'secret',
      {
        now: 1700000000_000,
      },
    );
    assert.deepEqual(check, { ok: true, algorithm: 'sha256' });
  });
});

describe('checkTimestamp and formatSignatureTime', () => {
  it('formats as YYYY-MM-DD HH:MM:SS +0000', () => {
    assert.equal(formatSignatureTime(Date.UTC(2015, 5, 20, 12, 59, 41) / 1000), '2015-06-20 12:59:41 +0000');
  });

  it('describes custom windows in words', () => {
    const check = checkTimestamp(0, { now: 7201_000, windowSeconds: 7200 });
    assert.match(check.ok ? '' : check.message, /more than 2 hours ago$/);
  });
});

describe('responseSignature', () => {
  it('signs public_id and version and verifies it back; a different version fails', async () => {
    const signature = await responseSignature('sample', 1312461204, 'abcd');
    assert.isTrue(await verifyResponseSignature('sample', 1312461204, signature, 'abcd'));
    assert.isFalse(await verifyResponseSignature('sample', 1312461205, signature, 'abcd'));
    assert.isFalse(await verifyResponseSignature('sample', 1312461204, 'nothex', 'abcd'));
  });
});
