import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { assert } from 'chai';
import cloudinary from 'cloudinary';
import fc from 'fast-check';
import { SigningInputError } from '../signing/upload.js';
import { apiSignRequest } from './sign.js';

const sdk = cloudinary.v2.utils as unknown as {
  api_sign_request(
    params: Record<string, unknown>,
    secret: string,
    algorithm?: string | null,
    version?: number | null,
  ): string;
};

const RUNS = 1200;
let cases = 0;
let mismatches = 0;

after(() => {
  console.log(
    `apiSignRequest differential: ${cases} cases against cloudinary.v2.utils.api_sign_request, ${mismatches} mismatches`,
  );
});

async function compare(
  params: Record<string, unknown>,
  secret: string,
  algorithm?: 'sha1' | 'sha256',
  version?: 1 | 2,
): Promise<void> {
  cases++;
  let expected: string | undefined;
  try {
    expected = sdk.api_sign_request(params, secret, algorithm ?? null, version ?? null);
  } catch {
    // Where the SDK throws (values without a string form), ours must fail with its typed error.
    expected = undefined;
  }
  if (expected === undefined) {
    try {
      await apiSignRequest(params, secret, algorithm, version);
    } catch (error) {
      if (!(error instanceof SigningInputError)) mismatches++;
      assert.instanceOf(error, SigningInputError);
      return;
    }
    mismatches++;
    assert.fail(`SDK threw but apiSignRequest did not: ${String(Object.keys(params))}`);
    return;
  }
  const actual = await apiSignRequest(params, secret, algorithm, version);
  if (actual !== expected) mismatches++;
  assert.equal(actual, expected, `${String(Object.keys(params))} ${algorithm} v${version}`);
}

const KNOWN_KEYS = [
  'timestamp',
  'public_id',
  'eager',
  'eager_async',
  'eager_notification_url',
  'tags',
  'context',
  'folder',
  'asset_folder',
  'upload_preset',
  'notification_url',
  'overwrite',
  'unique_filename',
  'use_filename',
  'public_ids',
  'public_ids[]',
  'transformation',
  'allowed_formats',
  'access_control',
  'metadata',
  'headers',
  'callback',
  'type',
  'invalidate',
  'from_public_id',
  'to_public_id',
  'cloud_name',
  'username',
];

const key = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KNOWN_KEYS) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z][a-z0-9_]{0,14}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_.\-[\]]{1,10}$/) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
);

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('', '&', '=', 'a&b=c', '%26', 'x&tags=evil', 'alt=a\\=b|caption=ü', 'é'),
  fc.stringMatching(/^[a-z_,=&|/0-9. ]{0,24}$/),
);

const eager = fc
  .array(
    fc.tuple(
      fc.constantFrom('c_fill', 'c_pad', 'c_crop', 'c_scale'),
      fc.integer({ min: 1, max: 2000 }),
      fc.integer({ min: 1, max: 2000 }),
      fc.option(fc.constantFrom('jpg', 'png', 'webp', 'mp4'), { nil: undefined }),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((items) => items.map(([c, w, h, f]) => `w_${w},h_${h},${c}${f ? `/${f}` : ''}`).join('|'));

const scalar = fc.oneof(
  { weight: 6, arbitrary: text },
  { weight: 2, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 0, -0, '') },
  { weight: 2, arbitrary: eager },
);

const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 2, arbitrary: fc.array(fc.oneof(text, fc.integer(), fc.constant(null)), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.array(text, { maxLength: 2 }), { maxLength: 2 }) },
  {
    weight: 1,
    arbitrary: fc.dictionary(fc.stringMatching(/^[a-z]{1,4}$/), text, { maxKeys: 2 }).map((d) => ({ ...d })),
  },
  { weight: 1, arbitrary: fc.constant(Object.create(null) as object) },
);

const params = fc
  .array(fc.tuple(key, value), { maxLength: 10 })
  .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

const secret = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,27}$/),
  fc.string({ unit: 'grapheme', minLength: 1 }),
);

describe('apiSignRequest matches the SDK', () => {
  it(`agrees on ${RUNS} generated parameter sets for both algorithms and both versions`, async () => {
    await fc.assert(
      fc.asyncProperty(params, secret, async (p, s) => {
        await compare(p, s);
        await compare(p, s, 'sha1');
        await compare(p, s, 'sha256');
        await compare(p, s, 'sha256', 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the documented Upload API example signature', async () => {
    const docParams = {
      timestamp: 1315060510,
      public_id: 'sample_image',
      eager: 'w_400,h_300,c_pad|w_260,h_200,c_crop',
    };
    assert.equal(await apiSignRequest(docParams, 'abcd'), 'bfd09f95f331f558cbd1320e67aa8d488770583e');
    await compare(docParams, 'abcd');
    await compare(docParams, 'abcd', 'sha256');
  });

  it('gives the support-article sanity check', async () => {
    const p = { public_id: 'sample_image', timestamp: 1315060510 };
    assert.equal(await apiSignRequest(p, 'abcd'), 'b4ad47fb4e25c7bf5f92a20089f9db59bc302313');
    await compare(p, 'abcd');
  });

  it('gives the SDK unit-test vectors (blank values skipped; sign_request example)', async () => {
    const blanks = { hello: null, goodbye: 12, world: 'problem', undef: undefined };
    assert.equal(await apiSignRequest(blanks, '1234'), 'f05cfe85cee78e7e997b3c7da47ba212dcbf1ea5');
    await compare(blanks, '1234');
    const folder = { public_id: 'folder/file', version: '1234' };
    assert.equal(await apiSignRequest(folder, 'b'), '7a3349cbb373e4812118d625047ede50b90e7b67');
    await compare(folder, 'b');
  });

  it('gives the media-library vectors every SDK tests (SHA-256 and SHA-1)', async () => {
    const p = { cloud_name: 'dn6ot3ged', timestamp: 1568810420, username: 'user@cloudinary.com' };
    // The SDKs' tests sign with the secret `hdcixPpR2iKERPwqvH6sHdK9cyac`.
    const mlSecret = 'hdcixPpR2iKERPwqvH6sHdK9cyac';
    assert.equal(
      await apiSignRequest(p, mlSecret, 'sha256'),
      '45ddaa4fa01f0c2826f32f669d2e4514faf275fe6df053f1a150e7beae58a3bd',
    );
    assert.equal(await apiSignRequest(p, mlSecret, 'sha1'), '14c00ba6d0dfdedbc86b316847d95b9e6cd46d94');
    await compare(p, mlSecret, 'sha256');
    await compare(p, mlSecret, 'sha1');
  });

  it('agrees with an independent node:crypto computation of the documented string', async () => {
    const p = { public_id: 'a&b', timestamp: 1 };
    const expected = createHash('sha256').update('public_id=a%26b&timestamp=1s3cr3t').digest('hex');
    assert.equal(await apiSignRequest(p, 's3cr3t', 'sha256'), expected);
    await compare(p, 's3cr3t', 'sha256');
  });

  it('rejects unsupported algorithms and symbols with a typed error', async () => {
    for (const call of [
      () => apiSignRequest({ a: 1 }, 's', 'md5' as never),
      () => apiSignRequest({ a: Symbol('x') }, 's'),
      () => apiSignRequest(null as never, 's'),
    ]) {
      try {
        await call();
        assert.fail('expected a SigningInputError');
      } catch (error) {
        assert.instanceOf(error, SigningInputError);
      }
    }
  });
});
