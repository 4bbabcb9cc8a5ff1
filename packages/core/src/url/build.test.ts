import { describe, it } from 'node:test';
import { assert } from 'chai';
import { buildUrl } from './build.js';
import { buildSignedUrl } from './build-signed.js';
import { DeliveryUrlError } from './delivery-url-error.js';

// Expected strings come from the URL grammar notes (reference/cloudinary-server-api.md §4) and the
// issue's examples; the differential test in compat/url.node.test.ts checks the same code against
// the official SDK.
const demo = { cloudName: 'demo' } as const;

function expectError(run: () => unknown, code: DeliveryUrlError['code'], pattern?: RegExp): void {
  try {
    run();
  } catch (error) {
    assert.instanceOf(error, DeliveryUrlError);
    assert.equal((error as DeliveryUrlError).code, code);
    if (pattern) assert.match((error as Error).message, pattern);
    return;
  }
  assert.fail(`expected a DeliveryUrlError (${code})`);
}

describe('buildUrl', () => {
  describe('defaults', () => {
    it('builds an https image upload URL on the shared host', () => {
      assert.equal(buildUrl('sample', demo), 'https://res.cloudinary.com/demo/image/upload/sample');
    });

    it('adds v1 before a foldered public id and not otherwise', () => {
      assert.equal(
        buildUrl('folder/sample', demo),
        'https://res.cloudinary.com/demo/image/upload/v1/folder/sample',
      );
      assert.equal(
        buildUrl('folder/sample', { ...demo, forceVersion: false }),
        'https://res.cloudinary.com/demo/image/upload/folder/sample',
      );
      assert.equal(
        buildUrl('folder/sample', { ...demo, version: 1719307544 }),
        'https://res.cloudinary.com/demo/image/upload/v1719307544/folder/sample',
      );
    });
  });

  describe('host options', () => {
    it('puts a self-hosted server in front of the cloud name', () => {
      assert.equal(
        buildUrl('sample', {
          ...demo,
          baseUrl: 'http://127.0.0.1:3000',
          format: 'jpg',
          transformation: 'w_100',
        }),
        'http://127.0.0.1:3000/demo/image/upload/w_100/sample.jpg',
      );
      assert.equal(
        buildUrl('sample', { ...demo, baseUrl: 'http://127.0.0.1:3000/' }),
        'http://127.0.0.1:3000/demo/image/upload/sample',
      );
    });

    it('uses http, the private CDN host and custom distributions', () => {
      assert.equal(
        buildUrl('sample', { ...demo, secure: false }),
        'http://res.cloudinary.com/demo/image/upload/sample',
      );
      assert.equal(
        buildUrl('sample', { ...demo, privateCdn: true }),
        'https://demo-res.cloudinary.com/image/upload/sample',
      );
      assert.equal(
        buildUrl('sample', { ...demo, secureDistribution: 'media.example.com', privateCdn: true }),
        'https://media.example.com/image/upload/sample',
      );
      assert.equal(
        buildUrl('sample', { ...demo, secure: false, cname: 'img.example.com' }),
        'http://img.example.com/demo/image/upload/sample',
      );
    });

    it('shards legacy subdomains into res-1 … res-5', () => {
      const host = new URL(buildUrl('sample', { ...demo, cdnSubdomain: true })).host;
      assert.match(host, /^res-[1-5]\.cloudinary\.com$/);
    });
  });

  describe('path forms', () => {
    it('writes resource type, delivery type and format', () => {
      assert.equal(
        buildUrl('sea_turtle', { ...demo, resourceType: 'video', transformation: 'sp_auto', format: 'm3u8' }),
        'https://res.cloudinary.com/demo/video/upload/sp_auto/sea_turtle.m3u8',
      );
      assert.equal(
        buildUrl('document.docx', { ...demo, resourceType: 'raw', type: 'private', version: 123456 }),
        'https://res.cloudinary.com/demo/raw/private/v123456/document.docx',
      );
    });

    it('writes SEO suffixes, root paths and the short form', () => {
      assert.equal(
        buildUrl('test', { ...demo, urlSuffix: 'hello', format: 'jpg' }),
        'https://res.cloudinary.com/demo/images/test/hello.jpg',
      );
      assert.equal(
        buildUrl('test', { ...demo, urlSuffix: 'hello', resourceType: 'video' }),
        'https://res.cloudinary.com/demo/videos/test/hello',
      );
      assert.equal(
        buildUrl('test', { ...demo, urlSuffix: 'x', resourceType: 'raw' }),
        'https://res.cloudinary.com/demo/files/test/x',
      );
      assert.equal(
        buildUrl('test', { ...demo, urlSuffix: 'x', type: 'private' }),
        'https://res.cloudinary.com/demo/private_images/test/x',
      );
      assert.equal(buildUrl('test', { ...demo, useRootPath: true }), 'https://res.cloudinary.com/demo/test');
      assert.equal(buildUrl('test', { ...demo, shorten: true }), 'https://res.cloudinary.com/demo/iu/test');
    });

    it('escapes public ids but keeps / and :', () => {
      assert.equal(buildUrl('a b', demo), 'https://res.cloudinary.com/demo/image/upload/a%20b');
      assert.equal(buildUrl('a+b', demo), 'https://res.cloudinary.com/demo/image/upload/a%2Bb');
      assert.equal(buildUrl('a??b', demo), 'https://res.cloudinary.com/demo/image/upload/a%3F%3Fb');
      assert.equal(
        buildUrl('a%20b', demo),
        'https://res.cloudinary.com/demo/image/upload/a%20b',
        'already escaped',
      );
      assert.equal(
        buildUrl('x:y', { ...demo, forceVersion: false }),
        'https://res.cloudinary.com/demo/image/upload/x:y',
      );
      assert.equal(buildUrl('ü', demo), 'https://res.cloudinary.com/demo/image/upload/%C3%BC');
    });

    it('passes a fetched URL through with its format as f_', () => {
      assert.equal(
        buildUrl('https://example.com/hello?a=b', { ...demo, type: 'fetch' }),
        'https://res.cloudinary.com/demo/image/fetch/https://example.com/hello%3Fa%3Db',
      );
      assert.equal(
        buildUrl('https://example.com/a.jpg', {
          ...demo,
          type: 'fetch',
          format: 'png',
          transformation: 'w_100',
        }),
        'https://res.cloudinary.com/demo/image/fetch/w_100/f_png/https://example.com/a.jpg',
      );
      assert.equal(
        buildUrl('https://example.com/é.jpg', { ...demo, type: 'fetch' }),
        'https://res.cloudinary.com/demo/image/fetch/https://example.com/%C3%A9.jpg',
      );
    });
  });

  describe('transformations', () => {
    it('accepts the string form, collapsing doubled slashes', () => {
      assert.equal(
        buildUrl('sample', { ...demo, transformation: 'c_fill,w_100//f_auto', format: 'jpg' }),
        'https://res.cloudinary.com/demo/image/upload/c_fill,w_100/f_auto/sample.jpg',
      );
    });

    it('serializes the model in canonical order', () => {
      assert.equal(
        buildUrl('sample', { ...demo, transformation: { width: 100, height: 100, crop: 'fill' } }),
        'https://res.cloudinary.com/demo/image/upload/c_fill,h_100,w_100/sample',
      );
      assert.equal(
        buildUrl('sample', {
          ...demo,
          transformation: [{ crop: 'fill', width: 100 }, { format: 'auto' }, { quality: 'auto' }],
        }),
        'https://res.cloudinary.com/demo/image/upload/c_fill,w_100/f_auto/q_auto/sample',
      );
    });
  });

  describe('signatures (documented vectors, secret "b")', () => {
    const sign = { secret: 'b' };
    it('signs transformation and public id with extension, not the version', () => {
      assert.equal(
        buildSignedUrl('image', { ...demo, transformation: 'c_crop,h_20,w_10', format: 'jpg', sign }),
        'https://res.cloudinary.com/demo/image/upload/s--Ai4Znfl3--/c_crop,h_20,w_10/image.jpg',
      );
      assert.equal(
        buildSignedUrl('image', { ...demo, format: 'jpg', version: 1234, sign }),
        'https://res.cloudinary.com/demo/image/upload/s----SjmNDA--/v1234/image.jpg',
      );
    });

    it('offers SHA-1, SHA-256 and the long SHA-256 form', () => {
      const path = (options: object) => buildSignedUrl('sample', { ...demo, format: 'jpg', ...options });
      assert.include(path({ sign }), '/s--v2fTPYTu--/');
      assert.include(path({ sign: { secret: 'b', algorithm: 'sha256' } }), '/s--2hbrSMPO--/');
      assert.include(path({ sign: { secret: 'b', long: true } }), '/s--2hbrSMPOjj5BJ4xV7SgFbRDevFaQNUFf--/');
    });
  });

  describe('auth tokens', () => {
    it('appends an HMAC-SHA-256 token over the URL path instead of a signature', async () => {
      const built = buildSignedUrl('folder/sample', {
        ...demo,
        type: 'authenticated',
        format: 'jpg',
        authToken: { key: '00112233445566778899aabbccddeeff', startTime: 1111111111, duration: 300 },
      });
      const path = '/demo/image/authenticated/v1/folder/sample.jpg';
      const fields = 'st=1111111111~exp=1111111411';
      // Independent HMAC through Web Crypto: key hex-decoded, path with `/` escaped as `%2f`.
      const key = await crypto.subtle.importKey(
        'raw',
        new Uint8Array(
          '00112233445566778899aabbccddeeff'.match(/../g)!.map((pair) => Number.parseInt(pair, 16)),
        ),
        { name: 'HMAC', hash: 'SHA-256' },
        false,
        ['sign'],
      );
      const mac = new Uint8Array(
        await crypto.subtle.sign(
          'HMAC',
          key,
          new TextEncoder().encode(`${fields}~url=${path.replace(/\//g, '%2f')}`),
        ),
      );
      const hex = Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('');
      assert.equal(built, `https://res.cloudinary.com${path}?__cld_token__=${fields}~hmac=${hex}`);
    });

    it('grants an acl instead of the path when given one', () => {
      const built = buildSignedUrl('sample', {
        ...demo,
        authToken: { key: 'abcd', expiration: 1999999999, acl: '/image/*' },
      });
      assert.match(
        built,
        /^https:\/\/res\.cloudinary\.com\/demo\/image\/upload\/sample\?__cld_token__=exp=1999999999~acl=%2fimage%2f\*~hmac=[0-9a-f]{64}$/,
      );
    });
  });

  describe('errors', () => {
    it('rejects missing or malformed options with DeliveryUrlError', () => {
      expectError(() => buildUrl('sample', { cloudName: '' }), 'missing_cloud_name');
      expectError(() => buildUrl('', demo), 'invalid_public_id');
      expectError(() => buildUrl(42 as unknown as string, demo), 'invalid_public_id');
      expectError(() => buildUrl('sample', undefined as unknown as typeof demo), 'invalid_option');
      expectError(
        () => buildUrl('x', { ...demo, resourceType: 'pdf' as 'raw' }),
        'invalid_option',
        /resourceType/,
      );
      expectError(
        () => buildUrl('x', { ...demo, type: 'Up/load' as 'upload' }),
        'invalid_option',
        /delivery type/,
      );
      expectError(() => buildUrl('x', { ...demo, version: 'abc' }), 'invalid_option', /version/);
      expectError(() => buildSignedUrl('x', { ...demo, sign: { secret: '' } }), 'invalid_option', /secret/);
      expectError(
        () => buildSignedUrl('x', { ...demo, authToken: { key: '' } }),
        'invalid_option',
        /authToken/,
      );
      expectError(
        () => buildSignedUrl('x', { ...demo, sign: { secret: 'b' }, authToken: { key: 'ab', duration: 5 } }),
        'invalid_option',
        /either/,
      );
      expectError(
        () => buildSignedUrl('x', { ...demo, authToken: { key: 'ab' } }),
        'invalid_option',
        /expiration/,
      );
      expectError(
        () => buildSignedUrl('x', { ...demo, sign: { secret: 'b', algorithm: 'md5' as 'sha1' } }),
        'invalid_option',
        /algorithm/,
      );
      const withSecret = { ...demo, sign: { secret: 'b' } } as typeof demo;
      expectError(() => buildUrl('x', withSecret), 'invalid_option', /buildSignedUrl/);
    });

    it('rejects suffixes, root paths and escapes the grammar cannot express', () => {
      expectError(() => buildUrl('x', { ...demo, urlSuffix: 'a.b' }), 'invalid_option', /suffix/);
      expectError(() => buildUrl('x', { ...demo, urlSuffix: 'a', type: 'fetch' }), 'unsupported_url_suffix');
      expectError(
        () => buildUrl('x', { ...demo, useRootPath: true, resourceType: 'video' }),
        'unsupported_root_path',
      );
      expectError(() => buildUrl('100%', demo), 'invalid_public_id', /%25/);
    });
  });
});
