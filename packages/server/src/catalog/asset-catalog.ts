import type { Kysely } from 'kysely';
import type { Asset, AssetIdentity, CustomRegion, ResourceType } from './asset.js';
import { AssetMetadataWrites, type TagCommand } from './asset-metadata-writes.js';
import { type AssetListQuery, type AssetPage, AssetQueries } from './asset-queries.js';
import { AssetRowCache } from './asset-row-cache.js';
import { AssetWrites } from './asset-writes.js';
import type { CatalogSchema } from './schema.js';
import type { TableWriteWatcher } from './table-write-watcher.js';

export type { TagCommand } from './asset-metadata-writes.js';
export { type AssetListQuery, type AssetPage, InvalidCursorError } from './asset-queries.js';
export { assetFromRow } from './asset-row-mapping.js';
export { tagsOfRows } from './asset-tag-rows.js';

/** Tables whose writes invalidate {@link AssetCatalog.getCached}. */
export const ASSET_TABLES = ['assets', 'asset_tags'] as const;
const ROW_CACHE_ENTRIES = 2000;
// Bounds how long another process writing the same SQLite file (an operator's script) goes unnoticed.
const ROW_CACHE_TTL_MS = 60_000;

/**
 * Asset metadata: the one place that knows the tables behind assets and tags. Reads live in
 * {@link AssetQueries}, whole-asset writes in {@link AssetWrites}, changes to an existing asset's
 * details in {@link AssetMetadataWrites}; this class owns what they share, the row cache and the
 * derived-removal hook.
 */
export class AssetCatalog {
  /**
   * Called after a commit that deleted derived assets (with their asset: destroy, delete, overwrite,
   * rename onto an existing id), with the storage keys of their blobs.
   */
  onDerivedRemoved?: (storageKeys: readonly string[]) => void;
  private readonly cache?: AssetRowCache;
  private readonly queries: AssetQueries;
  private readonly writes: AssetWrites;
  private readonly metadata: AssetMetadataWrites;

  /**
   * `writes` watches {@link ASSET_TABLES} on the Kysely instance every catalog class of this
   * process shares; with it, a SQLite catalog keeps recently read assets in memory for
   * {@link getCached}. Not with Postgres: it is shared by several processes, whose writes this one
   * never sees.
   */
  constructor(
    db: Kysely<CatalogSchema>,
    dialect: 'sqlite' | 'postgres' = 'sqlite',
    writes?: TableWriteWatcher,
  ) {
    if (dialect === 'sqlite' && writes) {
      const cache = new AssetRowCache(ROW_CACHE_ENTRIES, ROW_CACHE_TTL_MS);
      writes.onWrite = () => cache.invalidate();
      this.cache = cache;
    }
    // Read at call time: the hook is assigned (and wrapped) after construction.
    const derivedRemoved = (storageKeys: readonly string[]) => {
      if (storageKeys.length) this.onDerivedRemoved?.(storageKeys);
    };
    this.queries = new AssetQueries(db, dialect);
    this.writes = new AssetWrites(db, dialect, derivedRemoved);
    this.metadata = new AssetMetadataWrites(db, derivedRemoved);
  }

  /** `get` for delivery: recently read assets come from memory when the catalog keeps them. */
  async getCached(identity: AssetIdentity): Promise<Asset | undefined> {
    const cache = this.cache;
    if (!cache) return this.get(identity);
    const hit = cache.get(identity);
    if (hit) return hit;
    const generation = cache.generation;
    const asset = await this.get(identity);
    if (asset) cache.offer(identity, asset, generation);
    return asset;
  }

  get(identity: AssetIdentity): Promise<Asset | undefined> {
    return this.queries.get(identity);
  }

  /**
   * Stores an asset, replacing the one with the same identity if any, and returns the replaced
   * asset so the caller can delete its blob once this commit has happened.
   */
  save(asset: Asset): Promise<Asset | undefined> {
    return this.writes.save(asset);
  }

  /** Inserts new assets (no replacement) in one transaction; for bulk loads such as `kumo seed`. */
  insertMany(assets: readonly Asset[]): Promise<void> {
    return this.writes.insertMany(assets);
  }

  /** Deletes an asset (only while its version id is `versionId`, when given) and its derived assets. */
  remove(identity: AssetIdentity, versionId?: string): Promise<Asset | undefined> {
    return this.writes.remove(identity, versionId);
  }

  /**
   * Changes an asset's public id (and delivery type). Returns the renamed asset and the asset it
   * replaced, or `conflict` when the target exists and `overwrite` is false.
   */
  rename(
    from: AssetIdentity,
    to: { publicId: string; type: string },
    overwrite: boolean,
    now: string,
  ): Promise<{ status: 'renamed'; asset: Asset; replaced?: Asset } | { status: 'missing' | 'conflict' }> {
    return this.writes.rename(from, to, overwrite, now);
  }

  list(query: AssetListQuery): Promise<AssetPage> {
    return this.queries.list(query);
  }

  /** Applies a tag command to the listed assets; returns the public ids that exist. */
  updateTags(
    scope: { cloud: string; resourceType: ResourceType; type: string },
    publicIds: readonly string[],
    command: TagCommand,
    tags: readonly string[],
  ): Promise<string[]> {
    return this.metadata.updateTags(scope, publicIds, command, tags);
  }

  /** Which of these storage keys belong to a catalogued asset or derived asset. */
  referencedStorageKeys(keys: readonly string[]): Promise<Set<string>> {
    return this.queries.referencedStorageKeys(keys);
  }

  /** Which of these asset ids belong to a catalogued asset. */
  existingAssetIds(assetIds: readonly string[]): Promise<Set<string>> {
    return this.queries.existingAssetIds(assetIds);
  }

  /** Every asset in catalogue order, page by page, for consistency checks. */
  all(pageSize = 500): AsyncIterable<Asset> {
    return this.queries.all(pageSize);
  }

  removeTagEverywhere(cloud: string, tag: string): Promise<void> {
    return this.metadata.removeTagEverywhere(cloud, tag);
  }

  setDisplayName(assetId: string, displayName: string): Promise<void> {
    return this.metadata.setDisplayName(assetId, displayName);
  }

  replaceContext(assetId: string, context: Record<string, string>): Promise<void> {
    return this.metadata.replaceContext(assetId, context);
  }

  /**
   * Replaces an asset's custom coordinates (none clears them). When they change, its derived assets
   * go in the same transaction: any of them may have been cut with `g_custom`.
   */
  setCustomCoordinates(assetId: string, regions: readonly CustomRegion[]): Promise<void> {
    return this.metadata.setCustomCoordinates(assetId, regions);
  }

  /** Sets `media.moderation` (kind and status), keeping the other media details. */
  setModeration(assetId: string, moderation: { kind: string; status: string }): Promise<void> {
    return this.metadata.setModeration(assetId, moderation);
  }

  /** Distinct tags of a cloud (optionally of one resource type), alphabetically, paged by tag. */
  listTags(
    cloud: string,
    resourceType: ResourceType | undefined,
    options: { prefix?: string; maxResults: number; cursor?: string },
  ): Promise<{ tags: string[]; nextCursor?: string }> {
    return this.queries.listTags(cloud, resourceType, options);
  }

  count(cloud: string): Promise<{ assets: number; bytes: number }> {
    return this.queries.count(cloud);
  }
}
