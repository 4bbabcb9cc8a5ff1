import { describe, it } from 'node:test';
import { assert } from 'chai';
import { authToken } from './auth-token.js';
import { aclMatches, checkAuthToken, parseAuthToken } from './auth-token-check.js';
import { DeliveryUrlError } from './delivery-url-error.js';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const OTHER_KEY = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';
const NOW = 1_750_000_000;
const PATH = '/image/authenticated/v1/members/photo.jpg';

function check(token: string, overrides: Partial<Parameters<typeof checkAuthToken>[1]> = {}) {
  return checkAuthToken(token, { key: KEY, paths: [PATH], now: NOW, ...overrides });
}

function reason(token: string, overrides: Partial<Parameters<typeof checkAuthToken>[1]> = {}) {
  const verdict = check(token, overrides);
  return verdict.valid ? 'valid' : verdict.reason;
}

describe('parseAuthToken', () => {
  it('reads every field of a token the builder made, with or without its name', () => {
    const token = authToken({
      key: KEY,
      ip: '10.0.0.1',
      startTime: NOW - 10,
      expiration: NOW + 60,
      acl: ['/image/authenticated/*', '/video/*'],
    });
    const parsed = parseAuthToken(token);
    assert.deepEqual(parseAuthToken(token.slice('__cld_token__='.length)), parsed);
    assert.equal(parsed.ip, '10.0.0.1');
    assert.equal(parsed.startTime, NOW - 10);
    assert.equal(parsed.expiration, NOW + 60);
    assert.deepEqual(parsed.acl, ['/image/authenticated/*', '/video/*']);
    assert.match(parsed.hmac, /^[0-9a-f]{64}$/);
    assert.equal(parsed.signedText, token.slice('__cld_token__='.length).replace(/~hmac=.*$/, ''));
  });

  it('reads a value that was percent-encoded once more by a form encoder', () => {
    const token = authToken({ key: KEY, expiration: NOW + 60, acl: '/image/*' });
    const value = token.slice('__cld_token__='.length);
    assert.deepEqual(parseAuthToken(encodeURIComponent(value)), parseAuthToken(value));
  });

  it('refuses text that is not a token', () => {
    const hmac = 'a'.repeat(64);
    for (const text of [
      '',
      'exp=1',
      `acl=%2f*~hmac=${hmac}`,
      `exp=soon~acl=%2f*~hmac=${hmac}`,
      `exp=1~hmac=${hmac}~acl=%2f*`,
      `exp=1~exp=2~acl=%2f*~hmac=${hmac}`,
      `exp=1~data=x~acl=%2f*~hmac=${hmac}`,
      `exp=1~acl=%2f*~hmac=xyz`,
      `exp=1~acl=%E0%A4%A~hmac=${hmac}`,
      `exp=1~ip=~acl=%2f*~hmac=${hmac}`,
    ]) {
      assert.throws(() => parseAuthToken(text), DeliveryUrlError, undefined, text);
    }
  });
});

describe('aclMatches', () => {
  it('matches whole paths, `*` standing for any run of characters including slashes', () => {
    assert.isTrue(aclMatches('/image/authenticated/*', PATH));
    assert.isTrue(aclMatches('/*', PATH));
    assert.isTrue(aclMatches('*', PATH));
    assert.isTrue(aclMatches(PATH, PATH));
    assert.isTrue(aclMatches('/image/*/members/*.jpg', PATH));
    assert.isTrue(aclMatches('/image/authenticated/*photo.jpg', PATH));
    assert.isFalse(aclMatches('/image/authenticated/', PATH));
    assert.isFalse(aclMatches('/video/authenticated/*', PATH));
    assert.isFalse(aclMatches('/image/*/members/*.png', PATH));
    assert.isFalse(aclMatches(`${PATH}x`, PATH));
    assert.isFalse(aclMatches('/image/authenticated/v1/members/photo.jpg*x', PATH));
  });

  it('does not let a prefix and a suffix overlap', () => {
    assert.isFalse(aclMatches('/ab*ba', '/aba'));
    assert.isTrue(aclMatches('/ab*ba', '/abba'));
  });

  it('stays fast on patterns full of stars', () => {
    const started = Date.now();
    assert.isFalse(aclMatches(`${'*a'.repeat(200)}*b`, 'a'.repeat(5000)));
    assert.isBelow(Date.now() - started, 200);
  });
});

describe('checkAuthToken', () => {
  it('accepts an ACL token inside its window for a path its ACL grants', () => {
    const token = authToken({ key: KEY, startTime: NOW - 60, duration: 120, acl: '/image/authenticated/*' });
    const verdict = check(token);
    assert.isTrue(verdict.valid);
    if (verdict.valid) assert.deepEqual(verdict.token.acl, ['/image/authenticated/*']);
  });

  it('accepts any one of several ACLs joined with `!`', () => {
    const token = authToken({ key: KEY, expiration: NOW + 60, acl: ['/video/*', '/image/*/members/*'] });
    assert.equal(reason(token), 'valid');
    assert.equal(reason(token, { paths: ['/raw/authenticated/x.pdf'] }), 'acl');
  });

  it('matches an ACL against any of the given paths, and their percent-decoded forms', () => {
    const token = authToken({ key: KEY, expiration: NOW + 60, acl: '/image/authenticated/a b*' });
    assert.equal(reason(token, { paths: ['/demo/image/authenticated/a%20b.jpg'] }), 'acl');
    assert.equal(
      reason(token, { paths: ['/demo/image/authenticated/a%20b.jpg', '/image/authenticated/a%20b.jpg'] }),
      'valid',
    );
  });

  it('accepts a URL token only for the URL path it was made for', () => {
    const token = authToken({ key: KEY, expiration: NOW + 60, url: PATH });
    assert.equal(reason(token), 'valid');
    assert.equal(reason(token, { paths: ['/other', PATH] }), 'valid');
    assert.equal(reason(token, { paths: ['/image/authenticated/v1/members/other.jpg'] }), 'signature');
  });

  it('escapes the URL the way the builder does (percent-encoded paths stay as sent)', () => {
    const path = '/image/authenticated/s--abcdefgh--/c_fill,w_100/a%20b%3Fc.jpg';
    const token = authToken({ key: KEY, expiration: NOW + 60, url: path });
    assert.equal(reason(token, { paths: [path] }), 'valid');
    assert.equal(reason(token, { paths: [decodeURIComponent(path)] }), 'signature');
  });

  it('refuses a token made with another key, or altered', () => {
    const token = authToken({ key: OTHER_KEY, expiration: NOW + 60, acl: '/*' });
    assert.equal(reason(token), 'signature');
    const good = authToken({ key: KEY, expiration: NOW + 60, acl: '/video/*' });
    assert.equal(reason(good.replace('video', 'image')), 'signature');
    assert.equal(reason(good.replace(`exp=${NOW + 60}`, `exp=${NOW + 6000}`)), 'signature');
    assert.equal(
      reason(good.replace(/hmac=(.)/, (_m, c: string) => `hmac=${c === '0' ? '1' : '0'}`)),
      'signature',
    );
  });

  it('accepts the hmac in upper case', () => {
    const token = authToken({ key: KEY, expiration: NOW + 60, acl: '/*' });
    assert.equal(
      reason(token.replace(/hmac=(\w+)/, (_m, hex: string) => `hmac=${hex.toUpperCase()}`)),
      'valid',
    );
  });

  it('refuses a token before its start and after its expiration', () => {
    const token = authToken({ key: KEY, startTime: NOW + 10, expiration: NOW + 70, acl: '/*' });
    assert.equal(reason(token), 'not_yet_valid');
    assert.equal(reason(token, { now: NOW + 10 }), 'valid');
    assert.equal(reason(token, { now: NOW + 70 }), 'valid');
    assert.equal(reason(token, { now: NOW + 71 }), 'expired');
  });

  it('reads the clock when no time is given', () => {
    const fresh = authToken({ key: KEY, duration: 60, acl: '/*' });
    const stale = authToken({ key: KEY, expiration: Math.floor(Date.now() / 1000) - 5, acl: '/*' });
    assert.isTrue(checkAuthToken(fresh, { key: KEY, paths: [PATH] }).valid);
    assert.isFalse(checkAuthToken(stale, { key: KEY, paths: [PATH] }).valid);
  });

  it('binds an `ip` token to that client address', () => {
    const token = authToken({ key: KEY, ip: '192.0.2.7', expiration: NOW + 60, acl: '/*' });
    assert.equal(reason(token, { ip: '192.0.2.7' }), 'valid');
    assert.equal(reason(token, { ip: '::ffff:192.0.2.7' }), 'valid');
    assert.equal(reason(token, { ip: '192.0.2.8' }), 'ip');
    assert.equal(reason(token), 'ip');
    const v6 = authToken({ key: KEY, ip: '2001:db8::1', expiration: NOW + 60, acl: '/*' });
    assert.equal(reason(v6, { ip: '2001:DB8::1' }), 'valid');
  });

  it('says why in a message, and calls text that is not a token malformed', () => {
    const verdict = check('exp=1~hmac=nothex');
    assert.isFalse(verdict.valid);
    if (!verdict.valid) {
      assert.equal(verdict.reason, 'malformed');
      assert.isString(verdict.message);
    }
    const expired = check(authToken({ key: KEY, expiration: NOW - 1, acl: '/*' }));
    assert.deepInclude(expired, { valid: false, message: 'The auth token has expired' });
  });

  it('throws for a key that is not hex', () => {
    const token = authToken({ key: KEY, expiration: NOW + 60, acl: '/*' });
    for (const key of ['', 'abc', 'zz00', 'not a key'])
      assert.throws(() => check(token, { key }), DeliveryUrlError, /hex/);
  });
});
