import type { Kysely } from 'kysely';
import type { CustomRegion, ResourceType } from './asset.js';
import { deleteDerivedRows } from './asset-row-deletion.js';
import { regionsText } from './asset-row-mapping.js';
import { insertTags } from './asset-tag-rows.js';
import type { CatalogSchema } from './schema.js';

export type TagCommand = 'add' | 'remove' | 'replace' | 'remove_all';

/** Changes to an existing asset's tags, display name, context, custom coordinates and moderation. */
export class AssetMetadataWrites {
  constructor(
    private readonly db: Kysely<CatalogSchema>,
    private readonly derivedRemoved: (storageKeys: readonly string[]) => void,
  ) {}

  /** Applies a tag command to the listed assets; returns the public ids that exist. */
  async updateTags(
    scope: { cloud: string; resourceType: ResourceType; type: string },
    publicIds: readonly string[],
    command: TagCommand,
    tags: readonly string[],
  ): Promise<string[]> {
    return this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('assets')
        .select(['asset_id', 'public_id', 'created_at'])
        .where('cloud', '=', scope.cloud)
        .where('resource_type', '=', scope.resourceType)
        .where('type', '=', scope.type)
        .where('public_id', 'in', publicIds.length ? [...publicIds] : [''])
        .execute();
      for (const row of rows) {
        if (command === 'remove_all' || command === 'replace') {
          await trx.deleteFrom('asset_tags').where('asset_id', '=', row.asset_id).execute();
        }
        if (command === 'remove') {
          if (tags.length) {
            await trx
              .deleteFrom('asset_tags')
              .where('asset_id', '=', row.asset_id)
              .where('tag', 'in', [...tags])
              .execute();
          }
        } else if (command !== 'remove_all') {
          await insertTags(trx, scope.cloud, row.asset_id, tags, row.created_at);
        }
      }
      const found = new Set(rows.map((row) => row.public_id));
      return publicIds.filter((id) => found.has(id));
    });
  }

  async removeTagEverywhere(cloud: string, tag: string): Promise<void> {
    await this.db.deleteFrom('asset_tags').where('cloud', '=', cloud).where('tag', '=', tag).execute();
  }

  async setDisplayName(assetId: string, displayName: string): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({ display_name: displayName })
      .where('asset_id', '=', assetId)
      .execute();
  }

  async replaceContext(assetId: string, context: Record<string, string>): Promise<void> {
    const value = Object.keys(context).length ? JSON.stringify(context) : null;
    await this.db.updateTable('assets').set({ context: value }).where('asset_id', '=', assetId).execute();
  }

  /**
   * Replaces an asset's custom coordinates (none clears them). When they change, its derived assets
   * go in the same transaction: any of them may have been cut with `g_custom`, and their cache keys
   * would otherwise still find the old renderings.
   */
  async setCustomCoordinates(assetId: string, regions: readonly CustomRegion[]): Promise<void> {
    const value = regionsText(regions);
    const dropped = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('assets')
        .select('custom_coordinates')
        .where('asset_id', '=', assetId)
        .executeTakeFirst();
      if (!row || row.custom_coordinates === value) return [];
      await trx
        .updateTable('assets')
        .set({ custom_coordinates: value })
        .where('asset_id', '=', assetId)
        .execute();
      return deleteDerivedRows(trx, assetId);
    });
    this.derivedRemoved(dropped);
  }

  /** Sets `media.moderation` (kind and status), keeping the other media details. */
  async setModeration(assetId: string, moderation: { kind: string; status: string }): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('assets')
        .select('media')
        .where('asset_id', '=', assetId)
        .executeTakeFirst();
      if (!row) return;
      const media = row.media ? (JSON.parse(row.media) as Record<string, unknown>) : {};
      await trx
        .updateTable('assets')
        .set({ media: JSON.stringify({ ...media, moderation }) })
        .where('asset_id', '=', assetId)
        .execute();
    });
  }
}
