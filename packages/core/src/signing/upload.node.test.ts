import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import cloudinary from 'cloudinary';
import fc from 'fast-check';
import { responseSignature, signParams, stringToSign, verifyUploadSignature } from './upload.js';

type Params = Record<string, unknown>;
const utils = cloudinary.v2.utils as unknown as {
  api_sign_request(params: Params, secret: string, algorithm: string | null, version: number | null): string;
  sign_request(params: Params, options: Params): Params;
  hashToParameters(params: Params): [string, unknown][];
  verify_api_response_signature(publicId: string, version: string | number, signature: string): boolean;
};

const NOW = 1_763_800_000;

/** Turns SDK-signed params into what a server receives: strings, arrays as repeated `key[]` fields. */
function onTheWire(params: Params): Record<string, string | string[]> {
  const wire: Record<string, string | string[]> = {};
  for (const [key, value] of utils.hashToParameters(params)) {
    if (value === null || value === undefined) continue;
    const text = String(value);
    const existing = wire[key];
    if (key.endsWith('[]')) wire[key] = [...((existing as string[] | undefined) ?? []), text];
    else wire[key] = text;
  }
  return wire;
}

const key = fc
  .stringMatching(/^[a-z][a-z_]{0,12}$/)
  .filter((k) => !['api_key', 'signature', 'timestamp'].includes(k));
const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1 }),
  fc.constantFrom(
    'a&b',
    'https://x.test/?a=1&tags=evil',
    'w_400,h_300,c_pad|w_260,h_200,c_crop',
    'alt=x\\|y',
  ),
);
const value = fc.oneof(text, fc.integer({ min: 0 }), fc.array(text, { minLength: 1, maxLength: 3 }));
const params = fc.dictionary(key, value, { maxKeys: 6 }).map((d) => ({ ...d, timestamp: NOW }));

describe('stringToSign and signParams agree with the SDK', () => {
  it('signs 500 generated sets as api_sign_request does once unsigned keys are removed (v2 and v1)', async () => {
    const unsigned = fc.record(
      { file: text, cloud_name: text, resource_type: text, api_key: text },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        params,
        unsigned,
        fc.constantFrom(1 as const, 2 as const),
        async (p, extra, version) => {
          const expected = utils.api_sign_request(p, 'sekret', 'sha1', version);
          const text = stringToSign({ ...p, ...extra }, { signatureVersion: version });
          assert.equal(createHash('sha1').update(`${text}sekret`).digest('hex'), expected);
          assert.equal(
            await signParams({ ...p, ...extra }, 'sekret', { signatureVersion: version }),
            expected,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('hashes as node:crypto does', async () => {
    const p = { public_id: 'x', timestamp: NOW, file: 'ignored' };
    const expected = createHash('sha256').update(`public_id=x&timestamp=${NOW}secret`).digest('hex');
    assert.equal(await signParams(p, 'secret', { algorithm: 'sha256' }), expected);
  });
});

describe('verifyUploadSignature accepts what the SDK sends', () => {
  it('accepts 300 SDK-signed requests (SHA-1/SHA-256, v2/v1) and rejects them under another secret', async () => {
    await fc.assert(
      fc.asyncProperty(
        params,
        fc.constantFrom('sha1', 'sha256'),
        fc.constantFrom(1, 2),
        async (p, algorithm, signatureVersion) => {
          const signed = utils.sign_request(p, {
            api_key: '1234',
            api_secret: 'sekret',
            signature_algorithm: algorithm,
            signature_version: signatureVersion,
          });
          const wire = { ...onTheWire(signed), file: 'https://example.test/a.jpg', resource_type: 'image' };
          const check = await verifyUploadSignature(wire, 'sekret', { now: NOW * 1000 });
          assert.deepEqual(check, { ok: true, algorithm }, JSON.stringify(wire));
          assert.isFalse((await verifyUploadSignature(wire, 'sekret2', { now: NOW * 1000 })).ok);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('accepts keys the SDK orders with localeCompare (upper case, digits)', async () => {
    const p = { Zeta: 'a', alpha: 'b', a_1: 'c', a1: 'd', timestamp: NOW };
    const signed = utils.sign_request(p, { api_key: 'k', api_secret: 's' });
    assert.isTrue((await verifyUploadSignature(onTheWire(signed), 's', { now: NOW * 1000 })).ok);
  });
});

describe('responseSignature', () => {
  it('is what the SDK verifies with verify_api_response_signature', async () => {
    cloudinary.v2.config({ api_secret: 'resp-secret' });
    for (const [publicId, version] of [
      ['sample', 1312461204],
      ['folder/a&b', '1719307544'],
      ['ü é', 1],
    ] as const) {
      const signature = await responseSignature(publicId, version, 'resp-secret');
      assert.isTrue(utils.verify_api_response_signature(publicId, version, signature));
      assert.isFalse(utils.verify_api_response_signature(publicId, Number(version) + 1, signature));
    }
  });
});
