import type { Kysely } from 'kysely';
import { AssetCatalog } from './catalog/asset-catalog.js';
import { FolderCatalog } from './catalog/folder-catalog.js';
import { openCatalogDatabase } from './catalog/open-catalog.js';
import { PresetCatalog } from './catalog/preset-catalog.js';
import type { CatalogSchema } from './catalog/schema.js';
import { type Config, ConfigError } from './config.js';
import type { BlobStorage } from './storage/blob-storage.js';
import { LocalDiskStorage } from './storage/local-disk-storage.js';

/** Catalog and storage as configured; shared by the server and by offline commands (`kumo fsck`). */
export interface Backends {
  readonly db: Kysely<CatalogSchema>;
  readonly assets: AssetCatalog;
  readonly folders: FolderCatalog;
  readonly presets: PresetCatalog;
  readonly storage: BlobStorage;
  close(): Promise<void>;
}

export async function openBackends(config: Config): Promise<Backends> {
  if (config.storage.kind !== 'local')
    throw new ConfigError('KUMO_STORAGE=s3:// is not available in this version yet');
  const storage = new LocalDiskStorage(config.storage.root);
  await storage.removePartials();
  const db = await openCatalogDatabase(config.database);
  return {
    db,
    assets: new AssetCatalog(db),
    folders: new FolderCatalog(db),
    presets: new PresetCatalog(db),
    storage,
    close: () => db.destroy(),
  };
}
