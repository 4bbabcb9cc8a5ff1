import { describe, it } from 'node:test';
import { assert } from 'chai';
import { notificationSignature, signNotification, verifyNotificationSignature } from './webhook.js';

const BODY = '{"notification_type":"upload","public_id":"dog","tags":["ü"]}';
const NOW = 1_763_800_000_000;

describe('signNotification', () => {
  it('returns both headers, the timestamp defaulting to now in seconds', async () => {
    const headers = await signNotification(BODY, 'secret', { now: NOW });
    assert.equal(headers['X-Cld-Timestamp'], '1763800000');
    assert.equal(headers['X-Cld-Signature'], await notificationSignature(BODY, 1763800000, 'secret'));
    assert.match(headers['X-Cld-Signature'], /^[0-9a-f]{40}$/);
  });

  it('signs raw bytes exactly as the same text', async () => {
    const bytes = new TextEncoder().encode(BODY);
    assert.equal(await notificationSignature(bytes, 5, 's'), await notificationSignature(BODY, '5', 's'));
  });

  it('changes with the body, the timestamp and the secret', async () => {
    const base = await notificationSignature(BODY, 5, 's');
    assert.notEqual(await notificationSignature(`${BODY} `, 5, 's'), base);
    assert.notEqual(await notificationSignature(BODY, 6, 's'), base);
    assert.notEqual(await notificationSignature(BODY, 5, 't'), base);
  });
});

describe('verifyNotificationSignature', () => {
  it('accepts a fresh signature from a Headers object, a header record or plain values', async () => {
    const headers = await signNotification(BODY, 'secret', { now: NOW, algorithm: 'sha256' });
    const fromHeaders = await verifyNotificationSignature(BODY, new Headers({ ...headers }), 'secret', {
      now: NOW,
    });
    assert.deepEqual(fromHeaders, { ok: true, algorithm: 'sha256', timestamp: 1763800000 });
    const lowerCase = {
      'x-cld-signature': headers['X-Cld-Signature'],
      'x-cld-timestamp': headers['X-Cld-Timestamp'],
    };
    assert.isTrue((await verifyNotificationSignature(BODY, lowerCase, 'secret', { now: NOW })).ok);
    const plain = { signature: headers['X-Cld-Signature'], timestamp: 1763800000 };
    assert.isTrue((await verifyNotificationSignature(BODY, plain, 'secret', { now: NOW })).ok);
  });

  it('rejects a tampered body, a wrong secret and a malformed signature', async () => {
    const headers = await signNotification(BODY, 'secret', { now: NOW });
    const tampered = await verifyNotificationSignature(`${BODY} `, headers, 'secret', { now: NOW });
    assert.equal(tampered.ok ? '' : tampered.reason, 'mismatch');
    assert.isFalse((await verifyNotificationSignature(BODY, headers, 'secret2', { now: NOW })).ok);
    const malformed = await verifyNotificationSignature(
      BODY,
      { ...headers, 'X-Cld-Signature': 'zz' },
      'secret',
      {
        now: NOW,
      },
    );
    assert.equal(malformed.ok ? '' : malformed.reason, 'malformed');
  });

  it('enforces the 7200-second default window and the future allowance', async () => {
    const headers = await signNotification(BODY, 'secret', { now: NOW });
    assert.isTrue((await verifyNotificationSignature(BODY, headers, 'secret', { now: NOW + 7200_000 })).ok);
    const stale = await verifyNotificationSignature(BODY, headers, 'secret', { now: NOW + 7201_000 });
    assert.equal(stale.ok ? '' : stale.reason, 'stale');
    const shorter = await verifyNotificationSignature(BODY, headers, 'secret', {
      now: NOW + 61_000,
      validForSeconds: 60,
    });
    assert.equal(shorter.ok ? '' : shorter.reason, 'stale');
    const future = await verifyNotificationSignature(BODY, headers, 'secret', { now: NOW - 601_000 });
    assert.equal(future.ok ? '' : future.reason, 'future');
  });

  it('reports missing headers', async () => {
    const none = await verifyNotificationSignature(BODY, {}, 'secret', { now: NOW });
    assert.deepEqual(none, { ok: false, reason: 'missing', message: 'Missing X-Cld-Signature header' });
    const noTime = await verifyNotificationSignature(BODY, { 'X-Cld-Signature': 'a'.repeat(40) }, 'secret');
    assert.equal(noTime.ok ? '' : noTime.message, 'Missing X-Cld-Timestamp header');
  });
});
