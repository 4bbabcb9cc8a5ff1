import type { AssetCatalog } from '../catalog/asset-catalog.js';
import type { DerivedAsset, DerivedCatalog } from '../catalog/derived-catalog.js';
import type { BlobStorage } from '../storage/blob-storage.js';

export interface ConsistencyReport {
  /** Blobs no catalog row points to (an upload interrupted between storage and catalog). */
  readonly orphanBlobs: string[];
  /** Catalogued assets whose blob is missing or has another size. */
  readonly brokenAssets: {
    publicId: string;
    cloud: string;
    resourceType: string;
    storageKey: string;
    problem: string;
  }[];
  readonly removedOrphans: number;
  /**
   * Derived assets whose blob is missing or has another size, or whose asset no longer exists
   * (checked when the derived catalog is given).
   */
  readonly brokenDerived: {
    id: string;
    cloud: string;
    assetId: string;
    transformation: string;
    format: string;
    storageKey: string;
    problem: string;
  }[];
  /** Broken derived assets deleted (row and blob): each renders again on its next request. */
  readonly removedDerived: number;
}

export interface ConsistencyOptions {
  /** Deletes orphan blobs whose version time is at least this old. */
  readonly removeOrphansOlderThanMs?: number;
  /** Checks every asset's blob (on by default). */
  readonly checkAssets?: boolean;
  /** Also checks derived assets (when `checkAssets` is not false). */
  readonly derived?: DerivedCatalog;
  /** Deletes broken derived assets. */
  readonly removeBrokenDerived?: boolean;
  readonly now?: number;
}

const BATCH = 500;

/**
 * Compares catalog and storage. Blobs are written before their catalog row, so a crash can leave
 * orphan blobs but never a listed asset without bytes; `removeOrphansOlderThanMs` deletes orphans
 * whose version time is old enough that no upload in progress (in any process) can still commit them.
 */
export async function checkConsistency(
  catalog: AssetCatalog,
  storage: BlobStorage,
  options: ConsistencyOptions = {},
): Promise<ConsistencyReport> {
  const orphanBlobs: string[] = [];
  let removedOrphans = 0;
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await catalog.referencedStorageKeys(batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      orphanBlobs.push(key);
      const age = (options.now ?? Date.now()) - versionTimeOf(key);
      if (options.removeOrphansOlderThanMs !== undefined && age >= options.removeOrphansOlderThanMs) {
        // Re-check right before deleting: the row may have committed since the batch was read.
        if ((await catalog.referencedStorageKeys([key])).size === 0) {
          await storage.delete(key);
          removedOrphans++;
        }
      }
    }
    batch = [];
  };
  for await (const key of storage.list()) {
    batch.push(key);
    if (batch.length >= BATCH) await flush();
  }
  await flush();

  const brokenAssets: ConsistencyReport['brokenAssets'] = [];
  if (options.checkAssets !== false) {
    for await (const asset of catalog.all()) {
      const size = await storage.size(asset.storageKey);
      if (size === asset.bytes) continue;
      brokenAssets.push({
        cloud: asset.cloud,
        resourceType: asset.resourceType,
        publicId: asset.publicId,
        storageKey: asset.storageKey,
        problem: size === undefined ? 'blob missing' : `blob has ${size} bytes, catalog says ${asset.bytes}`,
      });
    }
  }
  const derived =
    options.derived && options.checkAssets !== false
      ? await checkDerived(options.derived, catalog, storage, options.removeBrokenDerived ?? false)
      : { broken: [], removed: 0 };
  return {
    orphanBlobs,
    brokenAssets,
    removedOrphans,
    brokenDerived: derived.broken,
    removedDerived: derived.removed,
  };
}

/**
 * Derived rows whose blob is gone or whose asset is gone. Deleting such a row is always safe: it is
 * a cache entry, rendered again from the original on its next request. Rows of fetched images
 * (`fetch-…`) have no asset by design. Each broken row is reported once, and the masters removed
 * along with a broken HLS file are not counted as broken themselves.
 */
async function checkDerived(
  derived: DerivedCatalog,
  catalog: AssetCatalog,
  storage: BlobStorage,
  repair: boolean,
): Promise<{ broken: ConsistencyReport['brokenDerived']; removed: number }> {
  const broken: ConsistencyReport['brokenDerived'] = [];
  let removed = 0;
  let batch: DerivedAsset[] = [];
  const gone = new Set<string>();
  const remove = async (entry: DerivedAsset) => {
    // The row goes first, so no request is answered from a blob about to be deleted.
    await derived.remove(entry.id, entry.storageKey);
    await storage.delete(entry.storageKey);
    gone.add(entry.id);
  };
  const flush = async () => {
    const assetIds = [...new Set(batch.map((entry) => entry.assetId))].filter(
      (id) => !id.startsWith('fetch-'),
    );
    const existing = await catalog.existingAssetIds(assetIds);
    for (const entry of batch) {
      if (gone.has(entry.id)) continue;
      let problem: string | undefined;
      if (!entry.assetId.startsWith('fetch-') && !existing.has(entry.assetId))
        problem = 'asset no longer exists';
      else {
        const size = await storage.size(entry.storageKey);
        if (size === undefined) problem = 'blob missing';
        else if (size !== entry.bytes) problem = `blob has ${size} bytes, catalog says ${entry.bytes}`;
      }
      if (problem === undefined) continue;
      broken.push({
        id: entry.id,
        cloud: entry.cloud,
        assetId: entry.assetId,
        transformation: entry.transformation,
        format: entry.format,
        storageKey: entry.storageKey,
        problem,
      });
      if (!repair) continue;
      await remove(entry);
      removed++;
      // An HLS playlist or segment is made only with its whole ladder, which is encoded when its
      // master is requested and has no row: without the master, the player's next request makes it.
      if (entry.variant.startsWith('file=') && problem !== 'asset no longer exists') {
        for (const master of await derived.hlsMasters(entry.assetId, entry.transformation))
          if (!gone.has(master.id)) await remove(master);
      }
    }
    batch = [];
  };
  for await (const entry of derived.all()) {
    batch.push(entry);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { broken, removed };
}

/** Storage keys end in `<version>-<version_id>`; the version is the upload time in seconds. */
function versionTimeOf(key: string): number {
  const match = /\/(\d+)-[0-9a-f]+$/.exec(key);
  return match ? Number(match[1]) * 1000 : 0;
}
