import type { Transaction } from 'kysely';
import type { CatalogSchema } from './schema.js';

/** Deletes an asset with its tags and derived assets; returns the derived blobs' storage keys. */
export async function deleteAssetRows(trx: Transaction<CatalogSchema>, assetId: string): Promise<string[]> {
  await trx.deleteFrom('asset_tags').where('asset_id', '=', assetId).execute();
  await trx.deleteFrom('assets').where('asset_id', '=', assetId).execute();
  return deleteDerivedRows(trx, assetId);
}

/**
 * Deletes an asset's derived assets and returns their blobs' storage keys, for the caller to hand
 * on once the transaction has committed.
 */
export async function deleteDerivedRows(trx: Transaction<CatalogSchema>, assetId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('derived_assets')
    .select('storage_key')
    .where('asset_id', '=', assetId)
    .execute();
  if (rows.length) await trx.deleteFrom('derived_assets').where('asset_id', '=', assetId).execute();
  return rows.map((row) => row.storage_key);
}
