import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assert } from 'chai';
import type { Kysely } from 'kysely';
import type { Asset } from './asset.js';
import { ASSET_TABLES, AssetCatalog } from './asset-catalog.js';
import { AssetRowCache } from './asset-row-cache.js';
import { openCatalogDatabase } from './open-catalog.js';
import type { CatalogSchema } from './schema.js';
import { TableWriteWatcher } from './table-write-watcher.js';

const IDENTITY = { cloud: 'demo', resourceType: 'image', type: 'upload', publicId: 'a' } as const;

function asset(publicId: string, bytes = 1): Asset {
  const now = new Date().toISOString();
  return {
    assetId: publicId.padStart(32, '0'),
    cloud: 'demo',
    resourceType: 'image',
    type: 'upload',
    publicId,
    format: 'png',
    version: 1,
    versionId: 'v',
    bytes,
    media: {},
    context: {},
    tags: [],
    etag: 'e',
    originalFilename: publicId,
    displayName: publicId,
    storageKey: `k-${publicId}`,
    placeholder: false,
    createdAt: now,
    uploadedAt: now,
  };
}

describe('AssetRowCache', () => {
  it('refuses a row read while a write was under way, and forgets everything on a write', () => {
    const cache = new AssetRowCache(10, 60_000);
    const before = cache.generation;
    cache.invalidate();
    cache.offer(IDENTITY, asset('a'), before);
    assert.isUndefined(cache.get(IDENTITY));
    cache.offer(IDENTITY, asset('a'), cache.generation);
    assert.strictEqual(cache.get(IDENTITY)?.publicId, 'a');
    cache.invalidate();
    assert.isUndefined(cache.get(IDENTITY));
  });

  it('keeps at most maxEntries, dropping the least recently used, and expires entries', async () => {
    const cache = new AssetRowCache(2, 30);
    const id = (publicId: string) => ({ ...IDENTITY, publicId });
    for (const name of ['a', 'b']) cache.offer(id(name), asset(name), cache.generation);
    assert.isDefined(cache.get(id('a')));
    cache.offer(id('c'), asset('c'), cache.generation);
    assert.isDefined(cache.get(id('a')));
    assert.isUndefined(cache.get(id('b')));
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.isUndefined(cache.get(id('a')));
  });
});

describe('TableWriteWatcher with AssetCatalog.getCached', () => {
  let dir: string;
  let db: Kysely<CatalogSchema>;
  let assets: AssetCatalog;
  let writes = 0;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-row-cache-'));
    const watcher = new TableWriteWatcher(ASSET_TABLES);
    db = (await openCatalogDatabase({ kind: 'sqlite', file: path.join(dir, 'c.sqlite') })).withPlugin(
      watcher,
    );
    assets = new AssetCatalog(db, 'sqlite', watcher);
    const invalidate = watcher.onWrite!;
    watcher.onWrite = () => {
      writes++;
      invalidate();
    };
  });

  after(async () => {
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('signals writes to the asset tables, before and after each, and nothing else', async () => {
    writes = 0;
    await assets.save(asset('a'));
    const afterSave = writes;
    assert.isAbove(afterSave, 1);
    await assets.get(IDENTITY);
    await db.selectFrom('assets').selectAll().execute();
    await db.deleteFrom('derived_assets').where('id', '=', 'none').execute();
    assert.strictEqual(writes, afterSave);
    await db.updateTable('assets as a').set({ display_name: 'x' }).where('a.asset_id', '=', 'none').execute();
    assert.strictEqual(writes, afterSave + 2);
  });

  it('serves what it read until the next write through any query on the shared instance', async () => {
    await assets.save(asset('a', 10));
    assert.strictEqual((await assets.getCached(IDENTITY))?.bytes, 10);
    // A write the catalog class does not know about (another catalog class, a script) still counts.
    await db.updateTable('assets').set({ bytes: 20 }).where('public_id', '=', 'a').execute();
    assert.strictEqual((await assets.getCached(IDENTITY))?.bytes, 20);
    const cached = await assets.getCached(IDENTITY);
    assert.strictEqual(await assets.getCached(IDENTITY), cached, 'the same object from memory');
    await assets.remove(IDENTITY);
    assert.isUndefined(await assets.getCached(IDENTITY));
  });

  it('keeps nothing without a watcher', async () => {
    const plain = new AssetCatalog(db, 'sqlite');
    await assets.save(asset('b'));
    const identity = { ...IDENTITY, publicId: 'b' };
    const first = await plain.getCached(identity);
    assert.notStrictEqual(await plain.getCached(identity), first);
  });
});
