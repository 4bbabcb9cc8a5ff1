import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import fc from 'fast-check';
import { type AuthTokenOptions, authToken } from './auth-token.js';
import { DeliveryUrlError } from './delivery-url-error.js';

for (const name of ['CLOUDINARY_URL', 'CLOUDINARY_ACCOUNT_URL', 'CLOUDINARY_API_PROXY'])
  delete process.env[name];
const require = createRequire(import.meta.url);
const sdk = (require('cloudinary') as typeof import('cloudinary')).v2.utils as unknown as {
  generate_auth_token(options: Record<string, unknown>): string;
};

describe('authToken against cloudinary.v2.utils.generate_auth_token', () => {
  it('gives the same token for generated options', () => {
    const options = fc.record(
      {
        key: fc.stringMatching(/^([0-9a-f]{2}){1,40}$/),
        tokenName: fc.constantFrom('__cld_token__', 'token'),
        ip: fc.oneof(fc.ipV4(), fc.ipV6()),
        startTime: fc.integer({ min: 0, max: 2_000_000_000 }),
        expiration: fc.integer({ min: 0, max: 2_000_000_000 }),
        duration: fc.integer({ min: 1, max: 1_000_000 }),
        acl: fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.array(fc.string({ unit: 'grapheme-ascii' }), { minLength: 1 }),
        ),
        url: fc.string({ unit: 'grapheme', minLength: 1 }),
      },
      { requiredKeys: ['key'] },
    );
    let compared = 0;
    fc.assert(
      fc.property(options, (token: AuthTokenOptions) => {
        const snake = {
          key: token.key,
          token_name: token.tokenName,
          ip: token.ip,
          start_time: token.startTime,
          expiration: token.expiration,
          duration: token.duration,
          acl: Array.isArray(token.acl) ? [...token.acl] : token.acl,
          url: token.url,
        };
        for (const key of Object.keys(snake) as (keyof typeof snake)[])
          if (snake[key] === undefined) delete snake[key];
        // Durations without a start read the clock; give both the same second.
        if (snake.expiration === undefined && snake.start_time === undefined)
          snake.start_time = 1_700_000_000;
        const ours = { ...token, startTime: snake.start_time };
        let expected: string | undefined;
        try {
          expected = sdk.generate_auth_token(snake);
        } catch {
          assert.throws(() => authToken(ours), DeliveryUrlError);
          return;
        }
        compared++;
        assert.equal(authToken(ours), expected);
      }),
      { numRuns: 1000 },
    );
    assert.isAbove(compared, 500);
  });
});
