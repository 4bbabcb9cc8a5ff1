import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openBackends } from '../backends.js';
import type { DatabaseConfig } from '../config.js';
import { checkConsistency } from '../services/consistency-check.js';
import { makePng } from '../testing/fixtures.js';
import { type PostgresServer, startPostgres } from '../testing/postgres-server.js';
import {
  postForm,
  signed,
  startTestServer,
  TEST_CLOUD,
  TEST_KEY,
  TEST_SECRET,
} from '../testing/test-server.js';
import type { Asset } from './asset.js';
import { AssetCatalog } from './asset-catalog.js';
import { FolderCatalog } from './folder-catalog.js';
import { openCatalogDatabase } from './open-catalog.js';
import { PresetCatalog } from './preset-catalog.js';
import type { CatalogSchema } from './schema.js';

let counter = 0;
function asset(publicId: string, overrides: Partial<Asset> = {}): Asset {
  counter++;
  const createdAt = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    assetId: counter.toString(16).padStart(32, '0'),
    cloud: 'demo',
    resourceType: 'image',
    type: 'upload',
    publicId,
    format: 'png',
    version: 1_700_000_000 + counter,
    versionId: 'f'.repeat(32),
    bytes: 100 * counter,
    width: 10,
    height: 20,
    media: {},
    context: {},
    tags: [],
    etag: 'e'.repeat(32),
    originalFilename: 'x',
    displayName: publicId,
    storageKey: `demo/image/${counter}`,
    placeholder: false,
    createdAt,
    uploadedAt: createdAt,
    ...overrides,
  };
}

/** The same behaviour is required of every dialect. */
function catalogContract(name: string, database: () => DatabaseConfig | undefined): void {
  describe(`catalog on ${name}`, () => {
    let db: Kysely<CatalogSchema>;
    let assets: AssetCatalog;
    before(async () => {
      const config = database();
      if (!config) return;
      db = await openCatalogDatabase(config);
      assets = new AssetCatalog(db);
    });
    after(async () => db?.destroy());

    it('saves, replaces and removes an asset, returning the replaced one', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const first = asset('c/one', { tags: ['b', 'a'] });
      assert.isUndefined(await assets.save(first));
      const stored = await assets.get(first);
      assert.deepEqual(stored?.tags, ['a', 'b']);
      assert.strictEqual(stored?.bytes, first.bytes);
      const second = asset('c/one', { assetId: first.assetId, tags: ['z'] });
      const replaced = await assets.save(second);
      assert.strictEqual(replaced?.storageKey, first.storageKey);
      assert.deepEqual((await assets.get(first))?.tags, ['z']);
      assert.strictEqual((await assets.remove(first))?.storageKey, second.storageKey);
      assert.isUndefined(await assets.get(first));
    });

    it('keeps custom coordinates, and replaces and clears them', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const stored = asset('c/coordinates', {
        customCoordinates: [
          [1, 2, 3, 4],
          [50, 60, 70, 80],
        ],
      });
      await assets.save(stored);
      assert.deepEqual((await assets.get(stored))?.customCoordinates, [
        [1, 2, 3, 4],
        [50, 60, 70, 80],
      ]);
      await assets.setCustomCoordinates(stored.assetId, [[9, 8, 7, 6]]);
      assert.deepEqual((await assets.get(stored))?.customCoordinates, [[9, 8, 7, 6]]);
      await assets.setCustomCoordinates(stored.assetId, []);
      assert.isUndefined((await assets.get(stored))?.customCoordinates);
    });

    it('lists by prefix literally and case-sensitively, paging with next_cursor in both directions', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const ids = ['p/a', 'p/b', 'p/c', 'p/d', 'p/e', 'P/upper', 'p_x/under', 'p%/pct'];
      for (const id of ids) await assets.save(asset(id));
      const collect = async (direction: 'asc' | 'desc', prefix: string) => {
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = await assets.list({ cloud: 'demo', prefix, direction, maxResults: 2, cursor });
          seen.push(...page.assets.map((a) => a.publicId));
          cursor = page.nextCursor;
        } while (cursor);
        return seen;
      };
      assert.deepEqual(await collect('asc', 'p/'), ['p/a', 'p/b', 'p/c', 'p/d', 'p/e']);
      assert.deepEqual(await collect('desc', 'p/'), ['p/e', 'p/d', 'p/c', 'p/b', 'p/a']);
      assert.deepEqual(await collect('asc', 'p_'), ['p_x/under']);
      assert.deepEqual(await collect('asc', 'p%'), ['p%/pct']);
    });

    it('filters by tag and by public ids, and applies tag commands', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      await assets.save(asset('t/1', { tags: ['red'] }));
      await assets.save(asset('t/2', { tags: ['red', 'big'] }));
      await assets.save(asset('t/3'));
      const scope = { cloud: 'demo', resourceType: 'image' as const, type: 'upload' };
      const red = await assets.list({ cloud: 'demo', tag: 'red', direction: 'asc', maxResults: 10 });
      assert.deepEqual(
        red.assets.map((a) => a.publicId),
        ['t/1', 't/2'],
      );
      const byIds = await assets.list({
        cloud: 'demo',
        publicIds: ['t/3', 't/none'],
        direction: 'asc',
        maxResults: 10,
      });
      assert.deepEqual(
        byIds.assets.map((a) => a.publicId),
        ['t/3'],
      );
      assert.deepEqual(await assets.updateTags(scope, ['t/3', 't/none'], 'add', ['red']), ['t/3']);
      await assets.updateTags(scope, ['t/2'], 'replace', ['small']);
      await assets.updateTags(scope, ['t/1'], 'remove', ['red']);
      assert.deepEqual((await assets.get({ ...scope, publicId: 't/2' }))?.tags, ['small']);
      assert.deepEqual((await assets.get({ ...scope, publicId: 't/1' }))?.tags, []);
      const tags = await assets.listTags('demo', 'image', { maxResults: 1 });
      assert.strictEqual(tags.tags.length, 1);
      const rest = await assets.listTags('demo', 'image', { maxResults: 10, cursor: tags.nextCursor });
      assert.deepEqual([...tags.tags, ...rest.tags], ['red', 'small']);
      assert.deepEqual((await assets.listTags('demo', undefined, { prefix: 'sm', maxResults: 10 })).tags, [
        'small',
      ]);
    });

    it('renames with and without overwrite', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const identity = { cloud: 'demo', resourceType: 'image' as const, type: 'upload' };
      await assets.save(asset('r/from'));
      await assets.save(asset('r/taken'));
      const now = new Date().toISOString();
      assert.strictEqual(
        (
          await assets.rename(
            { ...identity, publicId: 'r/none' },
            { publicId: 'x', type: 'upload' },
            false,
            now,
          )
        ).status,
        'missing',
      );
      assert.strictEqual(
        (
          await assets.rename(
            { ...identity, publicId: 'r/from' },
            { publicId: 'r/taken', type: 'upload' },
            false,
            now,
          )
        ).status,
        'conflict',
      );
      const moved = await assets.rename(
        { ...identity, publicId: 'r/from' },
        { publicId: 'r/deep/to', type: 'private' },
        false,
        now,
      );
      assert.strictEqual(moved.status, 'renamed');
      assert.isDefined(await assets.get({ ...identity, type: 'private', publicId: 'r/deep/to' }));
      const over = await assets.rename(
        { ...identity, type: 'private', publicId: 'r/deep/to' },
        { publicId: 'r/taken', type: 'upload' },
        true,
        now,
      );
      assert.strictEqual(over.status === 'renamed' && over.replaced?.publicId, 'r/taken');
    });

    it('keeps folders, refusing to delete one that holds assets', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const folders = new FolderCatalog(db);
      const now = new Date().toISOString();
      assert.isTrue(await folders.create('demo', 'f/g/h', now));
      assert.isFalse(await folders.create('demo', 'f/g/h', now));
      assert.deepEqual(await folders.children('demo', 'f'), ['f/g']);
      await assets.save(asset('f/g/pic'));
      assert.strictEqual(await folders.delete('demo', 'f'), 'not-empty');
      await assets.remove({ cloud: 'demo', resourceType: 'image', type: 'upload', publicId: 'f/g/pic' });
      assert.deepEqual(await folders.delete('demo', 'f'), ['f', 'f/g', 'f/g/h']);
      assert.strictEqual(await folders.delete('demo', 'f'), 'missing');
    });

    it('stores upload presets', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const presets = new PresetCatalog(db);
      const now = new Date().toISOString();
      assert.isTrue(
        await presets.create(
          'demo',
          { name: 'a', unsigned: true, settings: { folder: 'x', tags: ['t'] } },
          now,
        ),
      );
      assert.isFalse(await presets.create('demo', { name: 'a', unsigned: false, settings: {} }, now));
      assert.deepEqual(await presets.get('demo', 'a'), {
        name: 'a',
        unsigned: true,
        settings: { folder: 'x', tags: ['t'] },
      });
      assert.isTrue(await presets.update('demo', { name: 'a', unsigned: false, settings: {} }));
      assert.strictEqual((await presets.get('demo', 'a'))?.unsigned, false);
      assert.isTrue(await presets.delete('demo', 'a'));
      assert.isFalse(await presets.delete('demo', 'a'));
    });

    it('counts assets and bytes as numbers', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const { assets: count, bytes } = await assets.count('demo');
      assert.isAbove(count, 0);
      assert.isNumber(bytes);
      assert.isAbove(bytes, 0);
    });
  });
}

let sqliteDir: string;
let postgres: PostgresServer | undefined;
before(async () => {
  sqliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-catalog-'));
  postgres = await startPostgres();
});
after(async () => {
  await postgres?.stop();
  await fs.rm(sqliteDir, { recursive: true, force: true });
});

catalogContract('SQLite', () => ({ kind: 'sqlite', file: path.join(sqliteDir, 'catalog.sqlite') }));
catalogContract('PostgreSQL', () => (postgres ? { kind: 'postgres', url: postgres.url } : undefined));

describe('server on PostgreSQL', () => {
  it('answers concurrent uploads of one new public id without a 500, keeping one asset and no orphan blob', async (context) => {
    if (!postgres) {
      context.skip('PostgreSQL is not installed');
      return;
    }
    const db = `race_${Date.now()}`;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${db}`);
    await admin.end();
    const server = await startTestServer({
      KUMO_DATABASE_URL: postgres.url.replace(/\/postgres$/, `/${db}`),
    });
    try {
      const url = `${server.url}/v1_1/${TEST_CLOUD}/raw/upload`;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          postForm(url, signed({ public_id: 'race.bin' }), {
            bytes: Buffer.from(`copy ${i}`),
            filename: 'r.bin',
          }),
        ),
      );
      for (const result of results) assert.strictEqual(result.status, 200, JSON.stringify(result.body));
      const backends = await openBackends(server.config);
      try {
        const report = await checkConsistency(backends.assets, backends.storage);
        assert.deepEqual(report.orphanBlobs, []);
        assert.deepEqual(report.brokenAssets, []);
        const page = await backends.assets.list({ cloud: TEST_CLOUD, direction: 'asc', maxResults: 10 });
        assert.deepEqual(
          page.assets.map((asset) => asset.publicId),
          ['race.bin'],
        );
      } finally {
        await backends.close();
      }
    } finally {
      await server.close();
    }
  });

  it('uploads and lists through the HTTP API with KUMO_DATABASE_URL=postgres://…', async (context) => {
    if (!postgres) {
      context.skip('PostgreSQL is not installed');
      return;
    }
    const server = await startTestServer({ KUMO_DATABASE_URL: postgres.url });
    try {
      const png = await makePng(30, 20);
      const upload = await postForm(
        `${server.url}/v1_1/${TEST_CLOUD}/image/upload`,
        signed({ public_id: 'pg/one', tags: 'pg' }),
        {
          bytes: png,
          filename: 'one.png',
        },
      );
      assert.strictEqual(upload.status, 200, JSON.stringify(upload.body));
      const auth = `Basic ${Buffer.from(`${TEST_KEY}:${TEST_SECRET}`).toString('base64')}`;
      const response = await fetch(`${server.url}/v1_1/${TEST_CLOUD}/resources/image/tags/pg?tags=true`, {
        headers: { authorization: auth },
      });
      const list = (await response.json()) as {
        resources: { public_id: string; bytes: number; tags: string[] }[];
      };
      assert.deepEqual(
        list.resources.map((r) => [r.public_id, r.bytes, r.tags]),
        [['pg/one', png.length, ['pg']]],
      );
    } finally {
      await server.close();
    }
  });
});
