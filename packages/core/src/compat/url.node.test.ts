import { after, describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { parseUrl } from '../url/parse.js';
import { TransformationOptionsError } from './transformation.js';
import { type UrlOptions, url } from './url.js';

// The SDK reads CLOUDINARY_URL once, when first loaded; keep any configuration out of the oracle.
for (const name of ['CLOUDINARY_URL', 'CLOUDINARY_ACCOUNT_URL', 'CLOUDINARY_API_PROXY'])
  delete process.env[name];
const cloudinary = (await import('cloudinary')).default;
const sdkUrl = (publicId: string, options: Record<string, unknown>): string =>
  cloudinary.v2.url(publicId, { ...structuredClone(options), urlAnalytics: false });

const RUNS = 1500;
let cases = 0;
let mismatches = 0;
let bothThrew = 0;

after(() => {
  console.log(
    `url() differential: ${cases} cases against cloudinary.v2.url(), ${mismatches} mismatches (${bothThrew} rejected by both)`,
  );
});

type Outcome = { ok: true; url: string } | { ok: false; error: unknown };

function attempt(run: () => string): Outcome {
  try {
    return { ok: true, url: run() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Compares ours with the SDK; where the SDK throws, ours must throw one of Kumo's typed errors. */
function compare(publicId: string, options: Record<string, unknown>): void {
  cases++;
  const expected = attempt(() => sdkUrl(publicId, options));
  const actual = attempt(() => url(publicId, structuredClone(options) as UrlOptions));
  const label = `url(${JSON.stringify(publicId)}, ${JSON.stringify(options)})`;
  if (expected.ok) {
    if (!actual.ok) {
      mismatches++;
      assert.fail(`${label} threw ${String(actual.error)}; the SDK gave ${expected.url}`);
      return;
    }
    if (actual.url !== expected.url) mismatches++;
    assert.equal(actual.url, expected.url, label);
    return;
  }
  bothThrew++;
  if (actual.ok) {
    mismatches++;
    assert.fail(`${label} gave ${actual.url}; the SDK threw ${String(expected.error)}`);
    return;
  }
  const typed =
    actual.error instanceof DeliveryUrlError || actual.error instanceof TransformationOptionsError;
  if (!typed) mismatches++;
  assert.isTrue(typed, `${label} threw an untyped ${String(actual.error)}`);
}

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9_-]{1,12}$/) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }) },
  {
    weight: 3,
    arbitrary: fc.string({
      unit: fc.constantFrom(
        ...Array.from('ab Zé😍 ?&=+#!$\'()*,;@[]{}|\\^~`"<>:._-'),
        'ü',
        '日本',
        '%20',
        '%2F',
        '%25',
      ),
      minLength: 1,
      maxLength: 10,
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom('v123', 'w_100', 'c_fill,h_10', 'image', 'upload', '..', '.') },
);
const storedId = fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('/'));
const remoteUrl = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://'),
    fc.webUrl().map((u) => u.replace(/^https?:\/\//, '')),
    fc.constantFrom('', '?a=b&c=d', '/é x.jpg', '#frag', '//double'),
  )
  .map(([scheme, rest, tail]) => scheme + rest + tail);
const publicId = fc.oneof(
  { weight: 8, arbitrary: storedId },
  { weight: 2, arbitrary: remoteUrl },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('image', 'raw'), fc.nat(), storedId)
      .map(([r, v, id]) => `${r}/upload/v${v}/${id}`),
  },
  { weight: 1, arbitrary: fc.tuple(fc.nat(), storedId).map(([v, id]) => `v${v}/${id}`) },
  {
    // Percent-escapes the SDK cannot decode (it throws) next to ones it can.
    weight: 1,
    arbitrary: fc
      .tuple(storedId, fc.constantFrom('100%', '%zz', '%E9', '\uD800x', '%F0%9F%98%8D', '%41%20b'))
      .map(([id, odd]) => `${id}/${odd}`),
  },
);

const flag = fc.constantFrom(true, false, undefined, null);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const configOptions = fc.record(
  {
    cloud_name: fc.oneof(
      { weight: 6, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,14}$/) },
      { weight: 1, arbitrary: fc.constantFrom('demo', 'my cloud', '/demo', 'Démo') },
    ),
    secure: flag,
    private_cdn: flag,
    cname: maybe(fc.constantFrom('img.example.com', 'media.example.org')),
    secure_distribution: maybe(
      fc.constantFrom(
        'cdn.example.com',
        'cloudinary-a.akamaihd.net',
        'res.cloudinary.com',
        'x.res.cloudinary.com',
      ),
    ),
    cdn_subdomain: flag,
    secure_cdn_subdomain: flag,
    version: maybe(fc.oneof(fc.nat(), fc.integer({ min: 1_000_000_000, max: 1_999_999_999 }).map(String))),
    force_version: flag,
    url_suffix: rarely(fc.constantFrom('hello', 'my-seo_name', 'naïve', 'with.dot', 'a/b', '')),
    use_root_path: rarely(flag),
    shorten: flag,
    resource_type: maybe(fc.constantFrom('image', 'video', 'raw')),
    type: maybe(fc.constantFrom('upload', 'private', 'authenticated', 'fetch', 'list', 'facebook', 'multi')),
    format: maybe(fc.constantFrom('jpg', 'png', 'webp', 'mp4', 'm3u8', 'json', 'pdf')),
  },
  { requiredKeys: ['cloud_name'] },
);

const authToken = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(false, {}, 7) },
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          key: fc.oneof(
            fc.stringMatching(/^([0-9a-f]{2}){4,40}$/),
            fc.constantFrom('00112233445566778899aabbccddeeff', 'ABCDEF0', 'zz11', ''),
          ),
          token_name: fc.constantFrom('__cld_token__', 'tok'),
          ip: fc.ipV4(),
          start_time: fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
          expiration: fc.integer({ min: 1_000_000_000, max: 2_000_000_000 }),
          duration: fc.integer({ min: 1, max: 86_400 }),
          acl: fc.oneof(
            fc.constantFrom('/image/authenticated/*', '/*/t_named/*', ''),
            fc.array(fc.constantFrom('/image/*', '/video/upload/*', '/a b?c'), {
              minLength: 1,
              maxLength: 3,
            }),
          ),
        },
        { requiredKeys: ['key'] },
      )
      // A duration without a start time reads the clock; keep both builders on the same second.
      .filter(
        (token) =>
          token.duration === undefined || token.start_time !== undefined || token.expiration !== undefined,
      ),
  },
);

const signingOptions = fc.oneof(
  { weight: 4, arbitrary: fc.constant({}) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        sign_url: fc.constant(true),
        api_secret: fc.oneof(
          fc.stringMatching(/^[A-Za-z0-9_-]{1,27}$/),
          fc.string({ unit: 'grapheme', minLength: 1 }),
        ),
        signature_algorithm: maybe(fc.constantFrom('sha1', 'sha256')),
        long_url_signature: flag,
      },
      { requiredKeys: ['sign_url', 'api_secret'] },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.record(
      { sign_url: fc.constantFrom(true, false), api_secret: fc.constant('b'), auth_token: authToken },
      { requiredKeys: ['sign_url', 'api_secret', 'auth_token'] },
    ),
  },
);

const transformationOptions = fc.record(
  {
    width: fc.oneof(fc.integer({ min: 1, max: 4000 }), fc.constantFrom('auto', 0.5, 'iw_mul_0.5')),
    height: fc.integer({ min: 1, max: 4000 }),
    crop: fc.constantFrom('fill', 'fit', 'limit', 'scale', 'pad', 'thumb', 'crop'),
    gravity: fc.constantFrom('auto', 'face', 'north_west', 'auto:subject'),
    quality: fc.constantFrom('auto', 'auto:good', 80),
    fetch_format: fc.constantFrom('auto', 'webp', 'avif'),
    dpr: fc.constantFrom(1, 2, '2.0', 'auto'),
    effect: fc.constantFrom('sepia', 'blur:200', 'grayscale'),
    angle: fc.constantFrom(90, 'auto_right', 'hflip'),
    radius: fc.constantFrom(10, 'max', '10:20'),
    background: fc.constantFrom('#112233', 'white', 'auto'),
    flags: fc.constantFrom('progressive', ['lossy', 'attachment']),
    raw_transformation: fc.constantFrom('e_sharpen', 'w_$foo_mul_2'),
    transformation: fc.constantFrom(
      'named',
      ['a', 'b'],
      [{ width: 100, crop: 'scale' }, { effect: 'sepia' }],
    ),
    start_offset: fc.constantFrom(2.5, 'auto', '10p'),
    streaming_profile: fc.constantFrom('auto', 'full_hd'),
    overlay: fc.constantFrom('logo', 'folder/logo'),
  },
  { requiredKeys: [] },
);

const optionSets = fc
  .tuple(configOptions, signingOptions, fc.oneof(fc.constant({}), transformationOptions))
  .map(([config, signing, transformation]) => {
    const options: Record<string, unknown> = { ...transformation, ...signing, ...config };
    for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
    return options;
  });

describe('url() against cloudinary.v2.url()', () => {
  it('gives the same URL for generated option sets', () => {
    fc.assert(
      fc.property(publicId, optionSets, (id, options) => compare(id, options)),
      { numRuns: RUNS },
    );
  });

  it('covers each config-style option on its own', () => {
    const base = { cloud_name: 'demo' };
    const ids = [
      'sample',
      'folder/sub/sample image.jpg',
      'https://example.com/a b.jpg?x=1',
      'v3/x',
      'café/日本',
    ];
    const variations: Record<string, unknown>[] = [
      {},
      { secure: false },
      { private_cdn: true },
      { private_cdn: true, secure: false },
      { cname: 'img.example.com', secure: false },
      { cname: 'img.example.com', secure: false, cdn_subdomain: true },
      { secure_distribution: 'cdn.example.com' },
      { cdn_subdomain: true },
      { cdn_subdomain: true, secure_cdn_subdomain: false },
      { private_cdn: true, secure_cdn_subdomain: true },
      { private_cdn: true, cdn_subdomain: true, secure: false },
      { version: 1719307544 },
      { force_version: false },
      { url_suffix: 'hello', format: 'jpg' },
      { url_suffix: 'hello', type: 'private' },
      { url_suffix: 'hello', type: 'authenticated' },
      { url_suffix: 'hello', resource_type: 'video' },
      { url_suffix: 'hello', resource_type: 'raw' },
      { url_suffix: 'hello', type: 'fetch' },
      { use_root_path: true },
      { use_root_path: true, url_suffix: 'seo' },
      { use_root_path: true, resource_type: 'video' },
      { shorten: true },
      { shorten: true, type: 'private' },
      { resource_type: 'video', format: 'mp4' },
      { resource_type: 'raw', type: 'authenticated' },
      { type: 'fetch', format: 'png' },
      { type: 'fetch', format: 'png', fetch_format: 'webp' },
      { type: 'list', format: 'json' },
      { sign_url: true, api_secret: 'b' },
      { sign_url: true, api_secret: 'b', signature_algorithm: 'sha256' },
      { sign_url: true, api_secret: 'b', long_url_signature: true },
      { sign_url: true, api_secret: 'b', signature_algorithm: 'md5' },
      { sign_url: false, api_secret: 'b' },
      { sign_url: true, api_secret: 'b', width: 100, crop: 'fill', format: 'jpg' },
      { sign_url: true, auth_token: { key: '00112233', start_time: 1111111111, duration: 300 } },
      {
        sign_url: true,
        auth_token: { key: 'abcd', expiration: 1999999999, acl: '/image/*', ip: '10.0.0.1' },
      },
      { sign_url: true, auth_token: { key: 'abcd', expiration: 1999999999, acl: ['/a/*', '/b/*'] } },
      { sign_url: true, api_secret: 'b', auth_token: {} },
      { sign_url: true, api_secret: 'b', auth_token: false },
      { sign_url: true, auth_token: { key: 'abcd' } },
      { sign_url: false, auth_token: { key: 'abcd', expiration: 1999999999 } },
    ];
    for (const id of ids) for (const variation of variations) compare(id, { ...base, ...variation });
  });
});

describe('url() against the documented examples', () => {
  // Delivery URLs quoted in the Cloudinary reference notes: parse each, rebuild it with both
  // builders from its parts, and require all three strings to be equal.
  const documented = [
    'http://res.cloudinary.com/cld-docs/image/upload/v1719307544/gotjephlnz2jgiu20zni.jpg',
    'https://res.cloudinary.com/cld-docs/image/upload/v1719307544/gotjephlnz2jgiu20zni.jpg',
    'http://res.cloudinary.com/cld-docs/image/upload/c_pad,h_300,w_400/v1719307544/gotjephlnz2jgiu20zni.jpg',
    'https://res.cloudinary.com/cld-docs/image/upload/c_pad,h_300,w_400/v1719307544/gotjephlnz2jgiu20zni.jpg',
    'https://res.cloudinary.com/demo/video/upload/sp_auto/sea_turtle.m3u8',
    'http://res.cloudinary.com/demo/video/upload/sp_full_hd/v1533125278/dog.mp4',
    'https://res.cloudinary.com/demo/video/upload/sp_full_hd/v1533125278/dog.mp4',
    'https://res.cloudinary.com/demo/video/upload/ac_acc,ki_2.0,so_3,vc_h264/movie.jpg',
    'https://res.cloudinary.com/demo/images/test/hello.jpg',
    'https://res.cloudinary.com/demo/image/upload/a%20b',
    'https://res.cloudinary.com/demo/image/upload/a%2Bb',
    'https://res.cloudinary.com/demo/image/upload/a%3F%3Fb',
    'https://res.cloudinary.com/demo/image/fetch/https://example.com/hello%3Fa%3Db',
    'https://res.cloudinary.com/demo/image/upload/c_fill,e_sepia,h_120,w_80/sample.jpg',
    'https://res.cloudinary.com/demo/image/upload/if_w_lt_200,c_fill,h_120,w_80/sample.jpg',
    'https://res.cloudinary.com/demo/raw/private/v123456/document.docx',
    'https://res.cloudinary.com/demo/image/list/mytag.json',
    'https://res.cloudinary.com/demo/video/list/mytag.json',
    'https://demo-res.cloudinary.com/image/upload/sample.jpg',
  ];
  for (const documentedUrl of documented) {
    it(documentedUrl, () => {
      const parsed = parseUrl(documentedUrl);
      const options: Record<string, unknown> = {
        cloud_name: parsed.cloudName,
        secure: parsed.origin.startsWith('https:'),
        private_cdn: parsed.origin.includes('-res.'),
        resource_type: parsed.resourceType,
        type: parsed.type,
        version: parsed.version,
        format: parsed.type === 'fetch' ? undefined : parsed.format,
        url_suffix: parsed.urlSuffix,
        raw_transformation: parsed.transformation || undefined,
      };
      for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
      assert.equal(sdkUrl(parsed.publicId, options), documentedUrl, 'the SDK reproduces the example');
      compare(parsed.publicId, options);
      assert.equal(url(parsed.publicId, options as UrlOptions), documentedUrl);
    });
  }

  it('signs like the documented vectors (secret "b")', () => {
    const signed = (id: string, options: Record<string, unknown>) =>
      url(id, { cloud_name: 'demo', sign_url: true, api_secret: 'b', ...options } as UrlOptions);
    assert.include(
      signed('image', { format: 'jpg', raw_transformation: 'c_crop,h_20,w_10' }),
      '/s--Ai4Znfl3--/',
    );
    assert.include(signed('image', { format: 'jpg', version: 1234 }), '/s----SjmNDA--/v1234/');
    assert.include(signed('image', { format: 'jpg' }), '/s----SjmNDA--/');
    assert.include(signed('sample', { format: 'jpg' }), '/s--v2fTPYTu--/');
    assert.include(signed('sample', { format: 'jpg', signature_algorithm: 'sha256' }), '/s--2hbrSMPO--/');
    assert.include(
      signed('sample', { format: 'jpg', long_url_signature: true }),
      '/s--2hbrSMPOjj5BJ4xV7SgFbRDevFaQNUFf--/',
    );
    for (const options of [
      { format: 'jpg', raw_transformation: 'c_crop,h_20,w_10' },
      { format: 'jpg', version: 1234 },
      { format: 'jpg', long_url_signature: true },
    ]) {
      compare('image', { cloud_name: 'demo', sign_url: true, api_secret: 'b', ...options });
    }
  });
});

describe('url() differences kept on purpose', () => {
  it('never appends the analytics parameter the SDK adds by default', () => {
    const withAnalytics = cloudinary.v2.url('sample', { cloud_name: 'demo' });
    assert.match(withAnalytics, /\?_a=/);
    assert.equal(url('sample', { cloud_name: 'demo' }), withAnalytics.replace(/\?_a=.*$/, ''));
  });

  it('refuses sign_url without api_secret instead of signing with "undefined"', () => {
    assert.throws(
      () => url('sample', { cloud_name: 'demo', sign_url: true }),
      DeliveryUrlError,
      /api_secret/,
    );
  });

  it('requires a cloud name from the options, never from the environment', () => {
    process.env['CLOUDINARY_URL'] = 'cloudinary://k:s@from-env';
    try {
      assert.throws(() => url('sample', {}), DeliveryUrlError, /cloud_name/);
    } finally {
      delete process.env['CLOUDINARY_URL'];
    }
  });
});
