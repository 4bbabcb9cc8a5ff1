import type { Kysely } from 'kysely';
import { ASSET_TABLES, AssetCatalog } from './catalog/asset-catalog.js';
import { DerivedCatalog } from './catalog/derived-catalog.js';
import { FolderCatalog } from './catalog/folder-catalog.js';
import { openCatalogDatabase } from './catalog/open-catalog.js';
import { PresetCatalog } from './catalog/preset-catalog.js';
import type { CatalogSchema } from './catalog/schema.js';
import { TableWriteWatcher } from './catalog/table-write-watcher.js';
import type { Config } from './config.js';
import type { BlobStorage } from './storage/blob-storage.js';
import { LocalDiskStorage } from './storage/local-disk-storage.js';

/** Catalog and storage as configured; shared by the server and by offline commands (`kumo fsck`). */
export interface Backends {
  readonly db: Kysely<CatalogSchema>;
  readonly assets: AssetCatalog;
  readonly derived: DerivedCatalog;
  readonly folders: FolderCatalog;
  readonly presets: PresetCatalog;
  readonly storage: BlobStorage;
  close(): Promise<void>;
}

export async function openBackends(config: Config): Promise<Backends> {
  let storage: BlobStorage;
  let closeStorage = () => {};
  if (config.storage.kind === 'local') {
    const local = new LocalDiskStorage(config.storage.root);
    await local.removePartials();
    storage = local;
  } else {
    // Loaded only when configured, so a local-disk server never loads the AWS SDK.
    const { S3Storage } = await import('./storage/s3-storage.js');
    const s3 = new S3Storage(config.storage.options);
    storage = s3;
    closeStorage = () => s3.destroy();
  }
  // Every catalog class shares this instance, so the watcher sees every write made by this process.
  const assetWrites = new TableWriteWatcher(ASSET_TABLES);
  const db = (await openCatalogDatabase(config.database)).withPlugin(assetWrites);
  const assets = new AssetCatalog(db, config.database.kind, assetWrites);
  // Blobs go after the commit; one that fails to delete is an orphan the hourly clean-up removes.
  assets.onDerivedRemoved = (keys) => {
    for (const key of keys) void storage.delete(key).catch(() => undefined);
  };
  return {
    db,
    assets,
    derived: new DerivedCatalog(db),
    folders: new FolderCatalog(db),
    presets: new PresetCatalog(db),
    storage,
    async close() {
      await db.destroy();
      closeStorage();
    },
  };
}
