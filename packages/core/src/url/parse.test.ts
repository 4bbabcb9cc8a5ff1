import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { buildUrl, type DeliveryUrlOptions } from './build.js';
import { buildSignedUrl, type SignedDeliveryUrlOptions } from './build-signed.js';
import { DeliveryUrlError } from './delivery-url-error.js';
import { type ParseDeliveryUrlOptions, parseUrl, verifyDeliverySignature } from './parse.js';

// Expected parts are read off the URL grammar notes (reference/cloudinary-server-api.md §4).

function expectError(run: () => unknown, pattern?: RegExp): void {
  try {
    run();
  } catch (error) {
    assert.instanceOf(error, DeliveryUrlError);
    if (pattern) assert.match((error as Error).message, pattern);
    return;
  }
  assert.fail('expected a DeliveryUrlError');
}

describe('parseUrl', () => {
  describe('documented URLs', () => {
    it('reads cloud, types, transformation, version, public id and format', () => {
      const parsed = parseUrl(
        'https://res.cloudinary.com/cld-docs/image/upload/c_pad,h_300,w_400/v1719307544/gotjephlnz2jgiu20zni.jpg',
      );
      assert.deepEqual(parsed, {
        origin: 'https://res.cloudinary.com',
        cloudName: 'cld-docs',
        resourceType: 'image',
        type: 'upload',
        pathForm: 'standard',
        transformation: 'c_pad,h_300,w_400',
        version: 1719307544,
        publicId: 'gotjephlnz2jgiu20zni',
        format: 'jpg',
        query: '',
        signedPart: 'c_pad,h_300,w_400/gotjephlnz2jgiu20zni.jpg',
      });
    });

    it('keeps url-gen style chains and ignores the analytics query', () => {
      const parsed = parseUrl(
        'https://res.cloudinary.com/demo/image/upload/l_logo/c_scale,w_100/fl_layer_apply,g_north_west,x_10,y_10/v1/folder/sample.png?_a=BAMAROfk0',
      );
      assert.equal(parsed.transformation, 'l_logo/c_scale,w_100/fl_layer_apply,g_north_west,x_10,y_10');
      assert.equal(parsed.publicId, 'folder/sample');
      assert.equal(parsed.format, 'png');
      assert.equal(parsed.query, '_a=BAMAROfk0');
    });

    it('returns an auth token query untouched', () => {
      const parsed = parseUrl(
        'https://res.cloudinary.com/demo/image/authenticated/sample.jpg?__cld_token__=exp=1~acl=%2f*~hmac=ab#x',
      );
      assert.equal(parsed.query, '__cld_token__=exp=1~acl=%2f*~hmac=ab');
      assert.equal(parsed.type, 'authenticated');
      assert.equal(parsed.publicId, 'sample');
    });

    it('reads video and raw URLs (raw ids keep their extension)', () => {
      const hls = parseUrl('https://res.cloudinary.com/demo/video/upload/sp_auto/sea_turtle.m3u8');
      assert.include(hls, {
        resourceType: 'video',
        transformation: 'sp_auto',
        publicId: 'sea_turtle',
        format: 'm3u8',
      });
      const raw = parseUrl('https://res.cloudinary.com/demo/raw/private/v123456/document.docx');
      assert.include(raw, {
        resourceType: 'raw',
        type: 'private',
        version: 123456,
        publicId: 'document.docx',
      });
      assert.isUndefined(raw.format);
    });

    it('decodes public ids and fetch URLs', () => {
      assert.equal(parseUrl('https://res.cloudinary.com/demo/image/upload/a%3F%3Fb').publicId, 'a??b');
      assert.equal(
        parseUrl('https://res.cloudinary.com/demo/image/upload/v1/a%20b/%C3%BC.jpg').publicId,
        'a b/ü',
      );
      const fetched = parseUrl(
        'https://res.cloudinary.com/demo/image/fetch/w_100/f_png/https://example.com/hello%3Fa%3Db',
      );
      assert.include(fetched, {
        type: 'fetch',
        transformation: 'w_100/f_png',
        publicId: 'https://example.com/hello?a=b',
        signedPart: 'w_100/f_png/https://example.com/hello%3Fa%3Db',
      });
    });

    it('reads SEO suffixes, root paths and the short form', () => {
      assert.include(parseUrl('https://res.cloudinary.com/demo/images/test/hello.jpg'), {
        pathForm: 'seo',
        resourceType: 'image',
        type: 'upload',
        publicId: 'test',
        urlSuffix: 'hello',
        format: 'jpg',
        signedPart: 'test.jpg',
      });
      assert.include(parseUrl('https://res.cloudinary.com/demo/private_images/v1/a/b/seo'), {
        type: 'private',
        publicId: 'a/b',
        urlSuffix: 'seo',
      });
      assert.include(parseUrl('https://res.cloudinary.com/demo/videos/clip/intro.mp4'), {
        resourceType: 'video',
        publicId: 'clip',
      });
      assert.include(parseUrl('https://res.cloudinary.com/demo/files/doc/manual.pdf'), {
        resourceType: 'raw',
        urlSuffix: 'manual',
      });
      assert.include(parseUrl('https://res.cloudinary.com/demo/sample.jpg'), {
        pathForm: 'root',
        publicId: 'sample',
        format: 'jpg',
      });
      assert.include(parseUrl('https://res.cloudinary.com/demo/image'), {
        pathForm: 'root',
        publicId: 'image',
      });
      assert.include(parseUrl('https://res.cloudinary.com/demo/iu/w_10/sample'), {
        pathForm: 'short',
        transformation: 'w_10',
      });
    });

    it('finds the cloud in a private CDN host, a base path or the options', () => {
      assert.include(parseUrl('https://demo-res.cloudinary.com/image/upload/sample.jpg'), {
        cloudName: 'demo',
        publicId: 'sample',
      });
      assert.include(parseUrl('http://demo-res-3.cloudinary.com/image/upload/sample'), { cloudName: 'demo' });
      assert.include(parseUrl('http://127.0.0.1:3000/media/demo/image/upload/x', { basePath: '/media' }), {
        origin: 'http://127.0.0.1:3000',
        cloudName: 'demo',
        publicId: 'x',
      });
      assert.include(parseUrl('https://img.example.com/image/upload/x', { cloudName: 'demo' }), {
        cloudName: 'demo',
        publicId: 'x',
      });
      assert.include(parseUrl('/demo/video/upload/so_2/clip.jpg'), {
        origin: '',
        cloudName: 'demo',
        transformation: 'so_2',
      });
    });

    it('leaves a folder that is not a transformation in the public id', () => {
      const parsed = parseUrl('https://res.cloudinary.com/demo/image/upload/w_100/my_folder/sample');
      assert.equal(parsed.transformation, 'w_100');
      assert.equal(parsed.publicId, 'my_folder/sample');
    });
  });

  describe('signatures (documented vectors, secret "b")', () => {
    it('verifies short and long signatures, ignoring the version', () => {
      const cases: [string, 'sha1' | 'sha256'][] = [
        ['https://res.cloudinary.com/demo/image/upload/s--Ai4Znfl3--/c_crop,h_20,w_10/image.jpg', 'sha1'],
        ['https://res.cloudinary.com/demo/image/upload/s----SjmNDA--/v1234/image.jpg', 'sha1'],
        ['https://res.cloudinary.com/demo/image/upload/s--v2fTPYTu--/sample.jpg', 'sha1'],
        ['https://res.cloudinary.com/demo/image/upload/s--2hbrSMPO--/sample.jpg', 'sha256'],
        [
          'https://res.cloudinary.com/demo/image/upload/s--2hbrSMPOjj5BJ4xV7SgFbRDevFaQNUFf--/sample.jpg',
          'sha1',
        ],
      ];
      for (const [signed, algorithm] of cases) {
        const parsed = parseUrl(signed);
        assert.isTrue(verifyDeliverySignature(parsed, 'b', algorithm), signed);
        assert.isFalse(verifyDeliverySignature(parsed, 'c', algorithm), `${signed} with the wrong secret`);
      }
    });

    it('rejects tampered and unsigned URLs', () => {
      const tampered = parseUrl(
        'https://res.cloudinary.com/demo/image/upload/s--Ai4Znfl3--/c_crop,h_20,w_11/image.jpg',
      );
      assert.isFalse(verifyDeliverySignature(tampered, 'b'));
      assert.isFalse(
        verifyDeliverySignature(parseUrl('https://res.cloudinary.com/demo/image/upload/image.jpg'), 'b'),
      );
      assert.isFalse(
        verifyDeliverySignature(
          parseUrl('https://res.cloudinary.com/demo/image/upload/s--v2fTPYTu--/sample.jpg'),
          '',
        ),
      );
    });
  });

  describe('errors', () => {
    it('rejects what is not a delivery URL with DeliveryUrlError', () => {
      expectError(() => parseUrl(''), /cloud name/);
      expectError(() => parseUrl('https://res.cloudinary.com/'), /cloud name/);
      expectError(() => parseUrl('https://res.cloudinary.com/demo/'), /public id/);
      expectError(() => parseUrl('https://res.cloudinary.com/demo/image/Up-load/x'), /delivery type/);
      expectError(() => parseUrl('https://res.cloudinary.com/demo/image/upload/100%'), /percent/);
      expectError(() => parseUrl('/other/demo/image/upload/x', { basePath: '/media' }), /base path/);
      expectError(() => parseUrl(undefined as unknown as string), /string/);
    });

    it('never fails with anything but DeliveryUrlError (fuzz)', () => {
      const almostUrl = fc
        .tuple(
          fc.constantFrom('', 'https://res.cloudinary.com/', 'http://demo-res.cloudinary.com/', '/', '//x/'),
          fc.array(
            fc.oneof(
              fc.string({ unit: 'binary', maxLength: 12 }),
              fc.constantFrom(
                'demo',
                'image',
                'upload',
                'images',
                'iu',
                's--abcdefgh--',
                'v1',
                'w_100',
                'https:',
                '',
                '%',
                '?',
                '#',
              ),
            ),
            { maxLength: 8 },
          ),
        )
        .map(([prefix, parts]) => prefix + parts.join('/'));
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.webUrl(), almostUrl), (input) => {
          try {
            parseUrl(input);
          } catch (error) {
            assert.instanceOf(error, DeliveryUrlError, String(error));
          }
        }),
        { numRuns: 3000 },
      );
    });
  });

  describe('round trip with buildUrl', () => {
    const segment = fc
      .oneof(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
        fc.string({
          unit: fc.constantFrom(...Array.from('a é😍 ?&=+#!$()*,;@[]:.~_-')),
          minLength: 1,
          maxLength: 8,
        }),
      )
      .filter((s) => !s.includes('%') && !s.includes('/'));
    const publicId = fc
      .array(segment, { minLength: 1, maxLength: 4 })
      .map((parts) => parts.join('/'))
      .filter((id) => !/^v[0-9]/.test(id) && !/^https?:/i.test(id));
    const transformation = fc
      .array(
        fc.constantFrom(
          'c_fill,w_100',
          'e_blur:200',
          'f_auto',
          'q_auto',
          'l_text:Arial_18:Hi',
          'if_w_lt_200,c_fill,h_120,w_80',
          '$v_10',
          'fl_layer_apply,g_north',
          'w_$v_mul_2',
          'so_2.5,du_10',
        ),
        { maxLength: 3 },
      )
      .map((parts) => parts.join('/'));
    const resourceAndType = fc.constantFrom(
      ['image', 'upload'],
      ['image', 'private'],
      ['image', 'authenticated'],
      ['video', 'upload'],
      ['raw', 'upload'],
      ['image', 'list'],
      ['video', 'facebook'],
    ) as fc.Arbitrary<
      [NonNullable<DeliveryUrlOptions['resourceType']>, NonNullable<DeliveryUrlOptions['type']>]
    >;
    const form = fc.constantFrom('standard', 'seo', 'root', 'short');
    const host = fc.constantFrom(
      'shared',
      'http',
      'private',
      'private-cname',
      'sharded',
      'base',
      'base-path',
    );

    it('gives back what was built', () => {
      fc.assert(
        fc.property(
          fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
          publicId,
          resourceAndType,
          transformation,
          fc.option(fc.integer({ min: 1, max: 9_999_999_999 }), { nil: undefined }),
          fc.option(fc.constantFrom('jpg', 'png', 'webp', 'mp4', 'm3u8', 'json'), { nil: undefined }),
          form,
          host,
          fc.option(
            fc.record({
              secret: fc.string({ minLength: 1 }),
              algorithm: fc.constantFrom('sha1', 'sha256'),
              long: fc.boolean(),
            }),
            {
              nil: undefined,
            },
          ),
          (cloudName, id, [resourceType, type], tx, version, format, pathForm, hostKind, sign) => {
            const options: SignedDeliveryUrlOptions = { cloudName, resourceType, type, transformation: tx };
            const parseOptions: ParseDeliveryUrlOptions = {};
            if (version !== undefined) options.version = version;
            if (format !== undefined) options.format = format;
            if (sign) options.sign = sign as NonNullable<SignedDeliveryUrlOptions['sign']>;
            const imageUpload = resourceType === 'image' && type === 'upload';
            const seoCapable = type === 'upload' || (resourceType === 'image' && type !== 'list');
            if (pathForm === 'seo' && seoCapable) options.urlSuffix = 'seo-name';
            if (pathForm === 'root' && imageUpload) options.useRootPath = true;
            if (pathForm === 'short' && imageUpload) options.shorten = true;
            if (hostKind === 'http') options.secure = false;
            if (hostKind === 'private') options.privateCdn = true;
            if (hostKind === 'private-cname') {
              Object.assign(options, { privateCdn: true, secureDistribution: 'media.example.com' });
              parseOptions.cloudName = cloudName;
            }
            if (hostKind === 'sharded') options.cdnSubdomain = true;
            if (hostKind === 'base') options.baseUrl = 'http://127.0.0.1:3000';
            if (hostKind === 'base-path') {
              options.baseUrl = 'http://localhost:8080/media/';
              parseOptions.basePath = '/media';
            }

            const built = sign ? buildSignedUrl(id, options) : buildUrl(id, options);
            const parsed = parseUrl(built, parseOptions);
            assert.equal(parsed.cloudName, cloudName, built);
            assert.equal(parsed.resourceType, resourceType, built);
            assert.equal(parsed.type, type, built);
            assert.equal(parsed.transformation, tx, built);
            assert.equal(parsed.version, version ?? (id.includes('/') ? 1 : undefined), built);
            assert.equal(parsed.urlSuffix, options.urlSuffix, built);
            const seo = options.urlSuffix !== undefined;
            const extensionInId = resourceType === 'raw' && !seo;
            const rebuilt =
              extensionInId || !parsed.format ? parsed.publicId : `${parsed.publicId}.${parsed.format}`;
            assert.equal(rebuilt, format ? `${id}.${format}` : id, built);
            if (!extensionInId && !/\.[A-Za-z0-9]+$/.test(id)) {
              assert.equal(parsed.publicId, id, built);
              assert.equal(parsed.format, format, built);
            }
            if (sign) {
              assert.isTrue(verifyDeliverySignature(parsed, sign.secret, sign.algorithm), built);
              assert.isFalse(verifyDeliverySignature(parsed, `${sign.secret}x`, sign.algorithm), built);
            } else {
              assert.isUndefined(parsed.signature);
            }
          },
        ),
        { numRuns: 1500 },
      );
    });

    it('gives back fetched URLs, with the format as f_', () => {
      const remote = fc
        .webUrl({ withQueryParameters: true, withFragments: true })
        .filter((u) => !/[^:]\/\//.test(u));
      fc.assert(
        fc.property(
          remote,
          transformation,
          fc.option(fc.constantFrom('png', 'auto'), { nil: undefined }),
          (remoteUrl, tx, format) => {
            const options: SignedDeliveryUrlOptions = {
              cloudName: 'demo',
              type: 'fetch',
              transformation: tx,
              sign: { secret: 's' },
            };
            if (format) options.format = format;
            const built = buildSignedUrl(remoteUrl, options);
            const parsed = parseUrl(built);
            assert.equal(parsed.publicId, remoteUrl, built);
            assert.equal(
              parsed.transformation,
              [tx, format && `f_${format}`].filter(Boolean).join('/'),
              built,
            );
            assert.isUndefined(parsed.version, built);
            assert.isTrue(verifyDeliverySignature(parsed, 's'), built);
          },
        ),
        { numRuns: 500 },
      );
    });
  });
});
