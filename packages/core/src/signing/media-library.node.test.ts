import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import cloudinary from 'cloudinary';
import fc from 'fast-check';
import { mediaLibrarySignature } from './media-library.js';

const utils = cloudinary.v2.utils as unknown as {
  api_sign_request(params: Record<string, unknown>, secret: string, algorithm: string | null): string;
};

describe('media-library signature agrees with the SDK routine and node:crypto', () => {
  it('matches api_sign_request over {cloud_name, timestamp, username} on 300 logins', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z0-9-]{1,20}$/),
        fc.emailAddress(),
        fc.integer({ min: 1, max: 2_000_000_000 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,27}$/),
        async (cloudName, username, timestamp, secret) => {
          const params = { cloud_name: cloudName, timestamp, username };
          const ours = await mediaLibrarySignature({ cloudName, username, timestamp }, secret);
          assert.equal(ours, utils.api_sign_request(params, secret, 'sha256'));
          // Version-2 escaping applies, as in every SDK signing routine: `&` inside a value becomes `%26`.
          const escaped = username.replace(/&/g, '%26');
          const text = `cloud_name=${cloudName}&timestamp=${timestamp}&username=${escaped}${secret}`;
          assert.equal(ours, createHash('sha256').update(text).digest('hex'));
        },
      ),
      { numRuns: 300 },
    );
  });
});
