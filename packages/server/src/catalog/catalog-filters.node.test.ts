// Context and moderation filters and folder renames hold on both catalog dialects: the JSON
// functions differ between SQLite and PostgreSQL, so each runs against a real database.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import type { Kysely } from 'kysely';
import type { DatabaseConfig } from '../config.js';
import { type PostgresServer, startPostgres } from '../testing/postgres-server.js';
import type { Asset } from './asset.js';
import { AssetCatalog } from './asset-catalog.js';
import { FolderCatalog } from './folder-catalog.js';
import { openCatalogDatabase } from './open-catalog.js';
import type { CatalogSchema } from './schema.js';

let counter = 0;
function asset(publicId: string, overrides: Partial<Asset> = {}): Asset {
  counter++;
  const createdAt = new Date(Date.UTC(2026, 1, 1, 0, 0, counter)).toISOString();
  return {
    assetId: `c${counter.toString(16).padStart(31, '0')}`,
    cloud: 'demo',
    resourceType: 'image',
    type: 'upload',
    publicId,
    format: 'png',
    version: 1_700_000_000 + counter,
    versionId: 'f'.repeat(32),
    bytes: 10,
    media: {},
    context: {},
    tags: [],
    etag: 'e'.repeat(32),
    originalFilename: 'x',
    displayName: publicId,
    storageKey: `demo/image/f${counter}`,
    placeholder: false,
    createdAt,
    uploadedAt: createdAt,
    ...overrides,
  };
}

function filterContract(name: string, database: () => DatabaseConfig | undefined): void {
  describe(`catalog filters on ${name}`, () => {
    let db: Kysely<CatalogSchema> | undefined;
    let assets: AssetCatalog;
    let folders: FolderCatalog;
    before(async () => {
      const config = database();
      if (!config) return;
      db = await openCatalogDatabase(config);
      assets = new AssetCatalog(db, config.kind);
      folders = new FolderCatalog(db);
    });
    after(async () => db?.destroy());

    const publicIds = (page: { assets: Asset[] }) => page.assets.map((a) => a.publicId).sort();

    it('lists by context key, and by key and value, including keys and values with quotes and dots', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      await assets.save(asset('f/one', { context: { color: 'red', 'a.b"c': 'x' } }));
      await assets.save(asset('f/two', { context: { color: "it's" } }));
      await assets.save(asset('f/three'));
      const list = (key: string, value?: string) =>
        assets.list({ cloud: 'demo', context: { key, value }, direction: 'asc', maxResults: 10 });
      assert.deepEqual(publicIds(await list('color')), ['f/one', 'f/two']);
      assert.deepEqual(publicIds(await list('color', "it's")), ['f/two']);
      assert.deepEqual(publicIds(await list('a.b"c', 'x')), ['f/one']);
      assert.deepEqual(publicIds(await list('a')), []);
    });

    it('lists by moderation kind and status and updates the status in place', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      const moderated = asset('m/one', {
        media: { has_alpha: true, moderation: { kind: 'manual', status: 'pending' } },
      });
      await assets.save(moderated);
      await assets.save(asset('m/two', { media: { has_alpha: false } }));
      const list = (status: string) =>
        assets.list({
          cloud: 'demo',
          moderation: { kind: 'manual', status },
          direction: 'asc',
          maxResults: 10,
        });
      assert.deepEqual(publicIds(await list('pending')), ['m/one']);
      await assets.setModeration(moderated.assetId, { kind: 'manual', status: 'rejected' });
      assert.deepEqual(publicIds(await list('pending')), []);
      assert.deepEqual(publicIds(await list('rejected')), ['m/one']);
      const stored = await assets.get(moderated);
      assert.deepEqual(stored?.media, {
        has_alpha: true,
        moderation: { kind: 'manual', status: 'rejected' },
      });
    });

    it('renames a folder with its sub-folders and assets, and refuses clashes', async (t) => {
      if (!db) return t.skip(`${name} is not available`);
      await assets.save(asset('r/src/a'));
      await assets.save(asset('r/src/deep/b', { resourceType: 'video' }));
      await assets.save(asset('r/srcX/c'));
      await assets.save(asset('r/dst-taken/src/a'));
      const now = new Date().toISOString();
      assert.deepEqual(await folders.rename('demo', 'r/nope', 'r/x', now), { status: 'missing' });
      assert.deepEqual(await folders.rename('demo', 'r/src', 'r/srcX', now), { status: 'exists' });
      assert.deepEqual(await folders.rename('demo', 'r/src', 'r/moved', now), {
        status: 'renamed',
        assets: 2,
      });
      const ids = (
        await assets.list({ cloud: 'demo', prefix: 'r/', direction: 'asc', maxResults: 10 })
      ).assets
        .map((a) => `${a.resourceType}:${a.publicId}`)
        .sort();
      assert.deepEqual(ids, [
        'image:r/dst-taken/src/a',
        'image:r/moved/a',
        'image:r/srcX/c',
        'video:r/moved/deep/b',
      ]);
      assert.deepEqual(await folders.children('demo', 'r/moved'), ['r/moved/deep']);
      assert.isFalse(await folders.exists('demo', 'r/src'));
      const inMoved = await assets.list({
        cloud: 'demo',
        folder: 'r/moved/deep',
        direction: 'asc',
        maxResults: 10,
      });
      assert.deepEqual(publicIds(inMoved), ['r/moved/deep/b']);

      // Should a folder row be missing while an asset lies below it, the clash is still refused whole.
      await assets.save(asset('q/a'));
      await assets.save(asset('q/b'));
      await assets.save(asset('p/new/b'));
      await db.deleteFrom('folders').where('cloud', '=', 'demo').where('path', '=', 'p/new').execute();
      assert.deepEqual(await folders.rename('demo', 'q', 'p/new', now), { status: 'conflict' });
      assert.isDefined(
        await assets.get({ cloud: 'demo', resourceType: 'image', type: 'upload', publicId: 'q/a' }),
      );
    });
  });
}

let sqliteDir: string;
let postgres: PostgresServer | undefined;
before(async () => {
  sqliteDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-filters-'));
  postgres = await startPostgres();
});
after(async () => {
  await postgres?.stop();
  await fs.rm(sqliteDir, { recursive: true, force: true });
});

filterContract('SQLite', () => ({ kind: 'sqlite', file: path.join(sqliteDir, 'catalog.sqlite') }));
filterContract('PostgreSQL', () => (postgres ? { kind: 'postgres', url: postgres.url } : undefined));
