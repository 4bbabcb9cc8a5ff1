import type { Asset } from '../catalog/asset.js';
import type { AssetCatalog } from '../catalog/asset-catalog.js';
import type { DerivedAsset, DerivedCatalog } from '../catalog/derived-catalog.js';
import type { EagerEntry } from './asset-response.js';
import { sameFormat } from './delivery/content-types.js';

// Derived assets per asset read in one go; an asset has a handful, an HLS ladder a few hundred.
const PAGE = 10_000;

/**
 * Deletes derived assets while keeping their originals (`keep_original`, `transformations`,
 * `delete_derived_resources`). Rows go first; the blobs then leave through the catalog's
 * `onDerivedRemoved` hook, the same path a destroyed asset's derived blobs take (storage delete, hot
 * cache forget), so a failed blob delete is an orphan for the hourly clean-up, never a listed row
 * without bytes.
 */
export class DerivedDeletion {
  constructor(
    private readonly derived: DerivedCatalog,
    private readonly assets: AssetCatalog,
  ) {}

  /**
   * Deletes the derived assets of one asset: all of them, or those whose canonical transformation
   * is one of `match` (and, for an entry with a format, whose format is that one). Returns how many.
   */
  async forAsset(asset: Asset, match?: readonly EagerEntry[]): Promise<number> {
    const entries = await this.derived.listForAsset(asset.assetId, PAGE);
    const chosen = match ? entries.filter((entry) => matchesAny(entry, asset, match)) : entries;
    await this.removeEntries(chosen);
    return chosen.length;
  }

  /** How many derived assets an asset has (reported as `deleted_counts` when the asset goes). */
  async countForAsset(assetId: string): Promise<number> {
    return (await this.derived.listForAsset(assetId, PAGE)).length;
  }

  /** `delete_derived_resources`: deletes derived assets of this cloud by id. */
  async byIds(cloud: string, ids: readonly string[]): Promise<Record<string, 'deleted' | 'not_found'>> {
    const outcome: Record<string, 'deleted' | 'not_found'> = {};
    const found: DerivedAsset[] = [];
    for (const id of ids) {
      const entry = await this.derived.get(id);
      const ours = entry !== undefined && entry.cloud === cloud;
      outcome[id] = ours ? 'deleted' : 'not_found';
      if (ours) found.push(entry);
    }
    await this.removeEntries(found);
    return outcome;
  }

  private async removeEntries(entries: readonly DerivedAsset[]): Promise<void> {
    if (!entries.length) return;
    for (const entry of entries) await this.derived.remove(entry.id);
    this.assets.onDerivedRemoved?.(entries.map((entry) => entry.storageKey));
  }
}

function matchesAny(entry: DerivedAsset, asset: Asset, match: readonly EagerEntry[]): boolean {
  return match.some(({ transformation, format }) => {
    if (entry.transformation !== transformation) return false;
    if (format === undefined) return true;
    // An HLS ladder (renditions and segments) goes with its master playlist.
    if (entry.variant.startsWith('file=')) return sameFormat(format, 'm3u8');
    return sameFormat(format, entry.format || entry.meta.outputFormat || asset.format);
  });
}
