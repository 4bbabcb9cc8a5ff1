import { describe, it } from 'node:test';
import { assert } from 'chai';
import { digest, timingSafeEqual, toBase64Url, toHex } from './digest.js';

// Expected values are the published vectors (FIPS 180-2 examples, RFC 4648 §10), never our own output.
const bytes = (...values: number[]) => new Uint8Array(values);

describe('toHex', () => {
  it('writes two lowercase digits per byte, zero-padded', () => {
    assert.strictEqual(toHex(bytes(0x00, 0x0f, 0x10, 0xab, 0xff)), '000f10abff');
  });

  it('gives an empty string for no bytes', () => {
    assert.strictEqual(toHex(bytes()), '');
  });
});

describe('toBase64Url', () => {
  it('matches the RFC 4648 base64 vectors, padding kept', () => {
    const ascii = (text: string) => new TextEncoder().encode(text);
    assert.strictEqual(toBase64Url(ascii('f')), 'Zg==');
    assert.strictEqual(toBase64Url(ascii('fo')), 'Zm8=');
    assert.strictEqual(toBase64Url(ascii('foo')), 'Zm9v');
    assert.strictEqual(toBase64Url(ascii('foobar')), 'Zm9vYmFy');
  });

  it('uses - and _ where base64 has + and /', () => {
    // 0xfb 0xef 0xff is "++//" in standard base64.
    assert.strictEqual(toBase64Url(bytes(0xfb, 0xef, 0xff)), '--__');
    assert.strictEqual(toBase64Url(bytes(0xfb, 0xff)), '-_8=');
  });
});

describe('digest', () => {
  it('computes SHA-1 of the FIPS 180 "abc" and empty-string vectors', async () => {
    assert.strictEqual(toHex(await digest('sha1', 'abc')), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.strictEqual(toHex(await digest('sha1', '')), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  });

  it('computes SHA-256 of the FIPS 180 "abc" and empty-string vectors', async () => {
    assert.strictEqual(
      toHex(await digest('sha256', 'abc')),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    assert.strictEqual(
      toHex(await digest('sha256', '')),
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('hashes the two-block FIPS 180 SHA-256 message', async () => {
    const message = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
    assert.strictEqual(
      toHex(await digest('sha256', message)),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('encodes text as UTF-8 before hashing', async () => {
    // "é" is the two UTF-8 bytes C3 A9; hashing those bytes directly must give the same digest.
    const fromText = await digest('sha256', 'é');
    const fromBytes = await digest('sha256', bytes(0xc3, 0xa9));
    assert.deepEqual(fromText, fromBytes);
    assert.notDeepEqual(fromText, await digest('sha256', bytes(0xe9)));
  });

  it('gives the base64url form delivery signatures start from', async () => {
    // SHA-1("abc") in standard base64 is qZk+NkcGgWq6PiVxeFDCbJzQ2J0=.
    assert.strictEqual(toBase64Url(await digest('sha1', 'abc')), 'qZk-NkcGgWq6PiVxeFDCbJzQ2J0=');
  });
});

describe('timingSafeEqual', () => {
  it('accepts identical strings', () => {
    assert.isTrue(timingSafeEqual('a9993e36', 'a9993e36'));
    assert.isTrue(timingSafeEqual('', ''));
  });

  it('rejects a difference in any position', () => {
    assert.isFalse(timingSafeEqual('a9993e36', 'b9993e36'));
    assert.isFalse(timingSafeEqual('a9993e36', 'a9993e37'));
  });

  it('rejects a prefix and a longer string', () => {
    assert.isFalse(timingSafeEqual('a9993e36', 'a9993e'));
    assert.isFalse(timingSafeEqual('a9993e', 'a9993e36'));
    assert.isFalse(timingSafeEqual('', 'a'));
  });
});
