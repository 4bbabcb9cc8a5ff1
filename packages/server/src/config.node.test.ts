import path from 'node:path';
import { describe, it } from 'node:test';
import { assert } from 'chai';
import { ConfigError, resolveConfig } from './config.js';

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.instanceOf(error, ConfigError);
    return (error as Error).message;
  }
  assert.fail('expected a ConfigError');
}

describe('resolveConfig', () => {
  it('has working defaults with no configuration', () => {
    const config = resolveConfig({});
    assert.strictEqual(config.port, 3000);
    assert.strictEqual(config.dataDir, path.resolve('.kumo-data'));
    assert.deepEqual(config.database, { kind: 'sqlite', file: path.resolve('.kumo-data', 'catalog.sqlite') });
    assert.deepEqual(config.storage, { kind: 'local', root: path.resolve('.kumo-data', 'blobs') });
    assert.deepEqual(config.clouds, []);
    assert.isTrue(config.samples);
  });

  it('reads several clouds and several keys per cloud from KUMO_URL', () => {
    const config = resolveConfig({
      KUMO_URL:
        'kumo://111:secret-one-long@shop, kumo://222:secret-two-long@shop\nkumo://333:secret%2Fthree@blog',
    });
    assert.deepEqual(config.clouds, [
      {
        name: 'shop',
        keys: [
          { key: '111', secret: 'secret-one-long' },
          { key: '222', secret: 'secret-two-long' },
        ],
      },
      { name: 'blog', keys: [{ key: '333', secret: 'secret/three' }] },
    ]);
  });

  it('lets flags override the environment', () => {
    const config = resolveConfig({ PORT: '4000', KUMO_DATA_DIR: '/tmp/a' }, [
      '--port',
      '5000',
      '--data-dir=/tmp/b',
      '--no-samples',
    ]);
    assert.strictEqual(config.port, 5000);
    assert.strictEqual(config.dataDir, '/tmp/b');
    assert.isFalse(config.samples);
  });

  it('accepts Postgres and explicit SQLite database URLs', () => {
    assert.deepEqual(resolveConfig({ KUMO_DATABASE_URL: 'postgres://u:p@db/kumo' }).database, {
      kind: 'postgres',
      url: 'postgres://u:p@db/kumo',
    });
    assert.deepEqual(resolveConfig({ KUMO_DATABASE_URL: 'sqlite:/var/kumo/c.db' }).database, {
      kind: 'sqlite',
      file: '/var/kumo/c.db',
    });
  });

  it('normalises CORS origins', () => {
    assert.deepEqual(
      resolveConfig({ KUMO_CORS_ORIGINS: 'https://a.example/path, http://b.example:8080' }).corsOrigins,
      ['https://a.example', 'http://b.example:8080'],
    );
  });

  it('stops on unknown or invalid configuration with a message naming the setting', () => {
    assert.match(
      configError(() => resolveConfig({ KUMO_PROT: '1' })),
      /Unknown configuration variable KUMO_PROT/,
    );
    assert.match(
      configError(() => resolveConfig({ PORT: 'eighty' })),
      /PORT must be a whole number/,
    );
    assert.match(
      configError(() => resolveConfig({ PORT: '70000' })),
      /PORT must be between/,
    );
    assert.match(
      configError(() => resolveConfig({}, ['--prot', '1'])),
      /Unknown option --prot/,
    );
    assert.match(
      configError(() => resolveConfig({}, ['--port'])),
      /needs a value/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_URL: 'kumo://key@cloud' })),
      /KUMO_URL must look like/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_URL: 'kumo://k:short@c' })),
      /shorter than 8/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_URL: 'kumo://k:long-secret@c,kumo://k:long-secret2@c' })),
      /listed twice/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_DATABASE_URL: 'mysql://x' })),
      /KUMO_DATABASE_URL/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_STORAGE: 'ftp://x' })),
      /KUMO_STORAGE/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_CORS_ORIGINS: 'not a url' })),
      /KUMO_CORS_ORIGINS/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_SAMPLES: 'maybe' })),
      /KUMO_SAMPLES must be true or false/,
    );
    assert.match(
      configError(() => resolveConfig({ KUMO_LOG_LEVEL: 'loud' })),
      /KUMO_LOG_LEVEL/,
    );
  });

  it('reads the delivery token key as hex of at least 128 bits', () => {
    assert.isUndefined(resolveConfig({}).delivery.authTokenKey);
    const key = 'AD4D5EA6E7D3F1B8C9A0B1C2D3E4F5A6';
    assert.strictEqual(resolveConfig({ KUMO_AUTH_TOKEN_KEY: key }).delivery.authTokenKey, key.toLowerCase());
    for (const value of ['ad4d5ea6', `${key}0`, `${key.slice(2)}zz`]) {
      assert.match(
        configError(() => resolveConfig({ KUMO_AUTH_TOKEN_KEY: value })),
        /KUMO_AUTH_TOKEN_KEY/,
      );
    }
  });
});
