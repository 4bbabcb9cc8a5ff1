import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import cloudinary from 'cloudinary';
import fc from 'fast-check';
import { notificationSignature, signNotification, verifyNotificationSignature } from './webhook.js';

const utils = cloudinary.v2.utils as unknown as {
  webhook_signature(data: string, timestamp: number | string, options: Record<string, unknown>): string;
  verifyNotificationSignature(body: string, timestamp: number, signature: string, validFor?: number): boolean;
};

const body = fc.oneof(fc.json(), fc.string({ unit: 'grapheme' }));
const secret = fc.stringMatching(/^[A-Za-z0-9_-]{1,27}$/);

describe('notification signatures agree with the SDK and node:crypto', () => {
  it('matches utils.webhook_signature on 300 bodies for SHA-1 and SHA-256', async () => {
    await fc.assert(
      fc.asyncProperty(body, fc.integer({ min: 1, max: 2_000_000_000 }), secret, async (b, t, s) => {
        for (const algorithm of ['sha1', 'sha256'] as const) {
          const expected = utils.webhook_signature(b, t, { api_secret: s, signature_algorithm: algorithm });
          assert.equal(await notificationSignature(b, t, s, { algorithm }), expected);
          const independent = createHash(algorithm).update(
            Buffer.concat([Buffer.from(b), Buffer.from(`${t}${s}`)]),
          );
          assert.equal(
            await notificationSignature(new TextEncoder().encode(b), t, s, { algorithm }),
            independent.digest('hex'),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('signs what the SDK verifies with verifyNotificationSignature, and verifies what the SDK signs', async () => {
    cloudinary.v2.config({ api_secret: 'hook-secret', signature_algorithm: 'sha1' });
    const payload = JSON.stringify({ notification_type: 'upload', public_id: 'dog', version: 1 });
    const headers = await signNotification(payload, 'hook-secret');
    const timestamp = Number(headers['X-Cld-Timestamp']);
    assert.isTrue(utils.verifyNotificationSignature(payload, timestamp, headers['X-Cld-Signature']));
    assert.isFalse(utils.verifyNotificationSignature(`${payload} `, timestamp, headers['X-Cld-Signature']));

    const sdkSignature = utils.webhook_signature(payload, timestamp, { api_secret: 'hook-secret' });
    const check = await verifyNotificationSignature(
      payload,
      { signature: sdkSignature, timestamp },
      'hook-secret',
    );
    assert.deepEqual(check, { ok: true, algorithm: 'sha1', timestamp });
  });
});
