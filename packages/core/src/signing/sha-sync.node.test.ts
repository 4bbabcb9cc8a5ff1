import { createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { digest, toHex } from './digest.js';
import { digestSync, hmacSha256Sync, sha1Sync, sha256Sync } from './sha-sync.js';

const nodeHex = (alg: 'sha1' | 'sha256', input: string | Uint8Array) =>
  createHash(alg).update(input).digest('hex');

describe('sha-sync', () => {
  it('matches the FIPS 180-4 examples', () => {
    assert.equal(toHex(sha1Sync('abc')), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.equal(
      toHex(sha256Sync('abc')),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    assert.equal(toHex(sha1Sync('')), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
    assert.equal(
      toHex(sha256Sync('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto at every length around the block boundaries', () => {
    for (let length = 0; length <= 260; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      assert.equal(toHex(sha1Sync(bytes)), nodeHex('sha1', bytes), `sha1 length ${length}`);
      assert.equal(toHex(sha256Sync(bytes)), nodeHex('sha256', bytes), `sha256 length ${length}`);
    }
  });

  it('matches node:crypto on random unicode strings, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
        ),
        (text) => {
          assert.equal(toHex(sha1Sync(text)), nodeHex('sha1', text));
          assert.equal(toHex(sha256Sync(text)), nodeHex('sha256', text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('matches node:crypto on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        assert.equal(toHex(digestSync('sha1', bytes)), nodeHex('sha1', bytes));
        assert.equal(toHex(digestSync('sha256', bytes)), nodeHex('sha256', bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the Web Crypto digest', async () => {
    const text = 'c_crop,h_20,w_10/image.jpgb 😍';
    assert.equal(toHex(digestSync('sha1', text)), toHex(await digest('sha1', text)));
    assert.equal(toHex(digestSync('sha256', text)), toHex(await digest('sha256', text)));
  });

  it('computes HMAC-SHA-256 like node:crypto, keys longer than a block included', () => {
    // RFC 4231 test case 2.
    assert.equal(
      toHex(hmacSha256Sync(new TextEncoder().encode('Jefe'), 'what do ya want for nothing?')),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (key, message) => {
          assert.equal(
            toHex(hmacSha256Sync(key, message)),
            createHmac('sha256', key).update(message).digest('hex'),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
