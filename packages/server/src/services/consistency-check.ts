import type { AssetCatalog } from '../catalog/asset-catalog.js';
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
  options: { removeOrphansOlderThanMs?: number; checkAssets?: boolean; now?: number } = {},
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
  return { orphanBlobs, brokenAssets, removedOrphans };
}

/** Storage keys end in `<version>-<version_id>`; the version is the upload time in seconds. */
function versionTimeOf(key: string): number {
  const match = /\/(\d+)-[0-9a-f]+$/.exec(key);
  return match ? Number(match[1]) * 1000 : 0;
}
