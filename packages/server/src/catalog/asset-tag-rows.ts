import type { Kysely, Transaction } from 'kysely';
import type { AssetRow, CatalogSchema } from './schema.js';

/** Adds the tags an asset does not have yet; `createdAt` is the asset's, which tag listings sort by. */
export async function insertTags(
  trx: Transaction<CatalogSchema>,
  cloud: string,
  assetId: string,
  tags: readonly string[],
  createdAt: string,
): Promise<void> {
  const unique = [...new Set(tags)];
  if (!unique.length) return;
  const existing = new Set(
    (await trx.selectFrom('asset_tags').select('tag').where('asset_id', '=', assetId).execute()).map(
      (row) => row.tag,
    ),
  );
  const fresh = unique.filter((tag) => !existing.has(tag));
  if (fresh.length) {
    await trx
      .insertInto('asset_tags')
      .values(fresh.map((tag) => ({ asset_id: assetId, cloud, tag, created_at: createdAt })))
      .execute();
  }
}

/** The tags of each asset row, sorted, in one query; assets without tags are absent from the map. */
export async function tagsOfRows(
  db: Kysely<CatalogSchema>,
  rows: readonly AssetRow[],
): Promise<Map<string, string[]>> {
  const tags = new Map<string, string[]>();
  if (!rows.length) return tags;
  const tagRows = await db
    .selectFrom('asset_tags')
    .select(['asset_id', 'tag'])
    .where(
      'asset_id',
      'in',
      rows.map((row) => row.asset_id),
    )
    .orderBy('tag')
    .execute();
  for (const { asset_id, tag } of tagRows) tags.set(asset_id, [...(tags.get(asset_id) ?? []), tag]);
  return tags;
}
