import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { checkAuthToken } from './auth-token-check.js';

for (const name of ['CLOUDINARY_URL', 'CLOUDINARY_ACCOUNT_URL', 'CLOUDINARY_API_PROXY'])
  delete process.env[name];
const require = createRequire(import.meta.url);
const sdk = (require('cloudinary') as typeof import('cloudinary')).v2.utils as unknown as {
  generate_auth_token(options: Record<string, unknown>): string;
};

const NOW = 1_750_000_000;

/**
 * A token written from Cloudinary's description with node:crypto, sharing no code with the core:
 * `[ip=…~][st=…~]exp=…~acl=…` (or, signed only, `~url=…`), escaped with lowercase `%xx` for
 * characters outside the safe set, and `hmac=` the hex HMAC-SHA-256 under the hex-decoded key.
 */
function independentToken(fields: {
  key: string;
  ip?: string;
  st?: number;
  exp: number;
  acl?: string;
  url?: string;
}): string {
  const unsafe = ' "#%&\'/:;<=>?@[]^`{|}~';
  const escapeField = (text: string) =>
    Array.from(text, (char) =>
      char.length === 1 && unsafe.includes(char)
        ? `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`
        : char,
    ).join('');
  const parts = [
    ...(fields.ip !== undefined ? [`ip=${fields.ip}`] : []),
    ...(fields.st !== undefined ? [`st=${fields.st}`] : []),
    `exp=${fields.exp}`,
    ...(fields.acl !== undefined ? [`acl=${escapeField(fields.acl)}`] : []),
  ];
  const signed = fields.acl === undefined ? [...parts, `url=${escapeField(fields.url ?? '')}`] : parts;
  const hmac = createHmac('sha256', Buffer.from(fields.key, 'hex')).update(signed.join('~')).digest('hex');
  return `__cld_token__=${[...parts, `hmac=${hmac}`].join('~')}`;
}

// Path segments of the characters delivery URLs carry: letters, digits, `_-.,:`, percent-escapes.
const segment = fc.stringMatching(/^[A-Za-z0-9_.,:-]{1,12}$|^[a-z]{1,4}%20[a-z]{1,4}$/);
const path = fc
  .array(segment, { minLength: 1, maxLength: 5 })
  .map((segments) => `/image/authenticated/${segments.join('/')}`);
const key = fc
  .uint8Array({ minLength: 16, maxLength: 32 })
  .map((bytes) => Buffer.from(bytes).toString('hex'));
const ip = fc.option(fc.oneof(fc.ipV4(), fc.constant('2001:db8::7')), { nil: undefined });

describe('checkAuthToken against tokens made with node:crypto', () => {
  it('accepts ACL tokens for the paths their ACL grants, and refuses other paths', () => {
    fc.assert(
      fc.property(key, path, ip, fc.integer({ min: 1, max: 86_400 }), (hex, requested, address, ttl) => {
        const folder = requested.slice(0, requested.lastIndexOf('/') + 1);
        const token = independentToken({
          key: hex,
          ip: address,
          st: NOW - 5,
          exp: NOW + ttl,
          acl: `${folder}*`,
        });
        const options = { key: hex, paths: [requested], now: NOW, ...(address ? { ip: address } : {}) };
        assert.isTrue(checkAuthToken(token, options).valid, token);
        const elsewhere = checkAuthToken(token, { ...options, paths: [`/video/authenticated${requested}`] });
        assert.deepInclude(elsewhere, { valid: false, reason: 'acl' });
      }),
      { numRuns: 200 },
    );
  });

  it('accepts URL tokens for their own path only', () => {
    fc.assert(
      fc.property(key, path, path, (hex, requested, other) => {
        const token = independentToken({ key: hex, exp: NOW + 60, url: requested });
        assert.isTrue(checkAuthToken(token, { key: hex, paths: [requested], now: NOW }).valid, token);
        if (other !== requested)
          assert.deepInclude(checkAuthToken(token, { key: hex, paths: [other], now: NOW }), {
            valid: false,
            reason: 'signature',
          });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a token whose hmac was made with another key', () => {
    fc.assert(
      fc.property(key, key, path, (signer, verifier, requested) => {
        fc.pre(signer !== verifier);
        const token = independentToken({ key: signer, exp: NOW + 60, acl: '/*' });
        assert.deepInclude(checkAuthToken(token, { key: verifier, paths: [requested], now: NOW }), {
          valid: false,
          reason: 'signature',
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('checkAuthToken against cloudinary.v2.utils.generate_auth_token', () => {
  it('accepts the SDK tokens, ACL and URL forms, with start times, durations and addresses', () => {
    fc.assert(
      fc.property(
        key,
        path,
        ip,
        fc.boolean(),
        fc.array(fc.constantFrom('/video/*', '/raw/authenticated/*', '/image/*'), { maxLength: 2 }),
        (hex, requested, address, byUrl, extraAcls) => {
          const options: Record<string, unknown> = {
            key: hex,
            start_time: NOW - 30,
            duration: 300,
            ...(address ? { ip: address } : {}),
            ...(byUrl ? { url: requested } : { acl: [...extraAcls, requested] }),
          };
          const token = sdk.generate_auth_token(options);
          const check = { key: hex, paths: [requested], now: NOW, ...(address ? { ip: address } : {}) };
          assert.isTrue(checkAuthToken(token, check).valid, token);
          assert.deepInclude(checkAuthToken(token, { ...check, now: NOW + 271 }), {
            valid: false,
            reason: 'expired',
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('accepts the token the SDK appends to a signed authenticated URL', () => {
    const cloudinary = (require('cloudinary') as typeof import('cloudinary')).v2;
    const hex = 'ad4d5ea6e7d3f1b8c9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2';
    const url = cloudinary.url('members/photo.jpg', {
      cloud_name: 'demo',
      type: 'authenticated',
      sign_url: true,
      transformation: [{ width: 100, crop: 'scale' }],
      auth_token: { key: hex, start_time: NOW, duration: 60 },
      urlAnalytics: false,
    });
    const parsed = new URL(url);
    const value = parsed.search.slice(1);
    assert.match(value, /^__cld_token__=st=\d+~exp=\d+~hmac=[0-9a-f]{64}$/);
    assert.isTrue(checkAuthToken(value, { key: hex, paths: [parsed.pathname], now: NOW + 1 }).valid);
    assert.isFalse(
      checkAuthToken(value, { key: hex, paths: [parsed.pathname.replace('w_100', 'w_101')], now: NOW + 1 })
        .valid,
    );
  });
});
