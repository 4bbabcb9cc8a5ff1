import { describe, it } from 'node:test';
import { assert } from 'chai';
import {
  mediaLibrarySignature,
  signMediaLibraryLogin,
  verifyMediaLibrarySignature,
} from './media-library.js';
import { SigningInputError } from './upload.js';

// The vector every official SDK tests (PHP, Python, .NET, Node).
const SECRET = 'hdcixPpR2iKERPwqvH6sHdK9cyac';
const IDENTITY = { cloudName: 'dn6ot3ged', timestamp: 1568810420, username: 'user@cloudinary.com' };
const SHA256 = '45ddaa4fa01f0c2826f32f669d2e4514faf275fe6df053f1a150e7beae58a3bd';
const SHA1 = '14c00ba6d0dfdedbc86b316847d95b9e6cd46d94';
const NOW = 1568810420 * 1000;

describe('mediaLibrarySignature', () => {
  it('gives the SDK test vectors (SHA-256 default, SHA-1 on request)', async () => {
    assert.equal(await mediaLibrarySignature(IDENTITY, SECRET), SHA256);
    assert.equal(await mediaLibrarySignature(IDENTITY, SECRET, { algorithm: 'sha1' }), SHA1);
  });

  it('rejects missing fields with a typed error', async () => {
    try {
      await mediaLibrarySignature({ ...IDENTITY, username: '' }, SECRET);
      assert.fail('expected a SigningInputError');
    } catch (error) {
      assert.instanceOf(error, SigningInputError);
    }
  });
});

describe('signMediaLibraryLogin', () => {
  it('builds the widget login object', async () => {
    const login = await signMediaLibraryLogin({ ...IDENTITY, apiKey: '1234' }, SECRET);
    assert.deepEqual(login, {
      cloud_name: 'dn6ot3ged',
      api_key: '1234',
      username: 'user@cloudinary.com',
      timestamp: 1568810420,
      signature: SHA256,
    });
  });

  it('stamps the current time when none is given', async () => {
    const login = await signMediaLibraryLogin({ cloudName: 'c', apiKey: 'k', username: 'u' }, SECRET, {
      now: NOW,
    });
    assert.equal(login.timestamp, 1568810420);
  });
});

describe('verifyMediaLibrarySignature', () => {
  const login = {
    cloud_name: 'dn6ot3ged',
    username: 'user@cloudinary.com',
    timestamp: '1568810420',
    signature: SHA256,
  };

  it('accepts the vectors inside the window, in either algorithm', async () => {
    assert.deepEqual(await verifyMediaLibrarySignature(login, SECRET, { now: NOW + 3600_000 }), {
      ok: true,
      algorithm: 'sha256',
      timestamp: 1568810420,
    });
    assert.isTrue(
      (await verifyMediaLibrarySignature({ ...login, signature: SHA1 }, SECRET, { now: NOW })).ok,
    );
  });

  it('rejects another user, a stale login and missing fields', async () => {
    const other = await verifyMediaLibrarySignature({ ...login, username: 'eve@example.com' }, SECRET, {
      now: NOW,
    });
    assert.equal(other.ok ? '' : other.reason, 'mismatch');
    const stale = await verifyMediaLibrarySignature(login, SECRET, { now: NOW + 3601_000 });
    assert.equal(stale.ok ? '' : stale.reason, 'stale');
    const missing = await verifyMediaLibrarySignature({ ...login, cloud_name: undefined }, SECRET, {
      now: NOW,
    });
    assert.deepEqual(missing, {
      ok: false,
      reason: 'missing',
      message: 'Missing required parameter - cloud_name',
    });
  });
});
