import { type Kysely, sql, type Transaction } from 'kysely';
import { type Asset, type AssetIdentity, folderOf } from './asset.js';
import { findAssetRow } from './asset-queries.js';
import { deleteAssetRows, deleteDerivedRows } from './asset-row-deletion.js';
import { assetFromRow, lastSegment, toRow } from './asset-row-mapping.js';
import { insertTags } from './asset-tag-rows.js';
import { ensureFolders } from './folder-catalog.js';
import type { CatalogSchema } from './schema.js';

/**
 * Writes that create, replace, delete or move a whole asset: each serializes the writers of the
 * identities it touches and reports the derived blobs it dropped once its transaction has committed.
 */
export class AssetWrites {
  constructor(
    private readonly db: Kysely<CatalogSchema>,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly derivedRemoved: (storageKeys: readonly string[]) => void,
  ) {}

  /**
   * Stores an asset, replacing the one with the same identity if any, and returns the replaced
   * asset so the caller can delete its blob once this commit has happened.
   */
  async save(asset: Asset): Promise<Asset | undefined> {
    // Two uploads of a new public id can race (Postgres runs them concurrently); the loser sees a
    // unique violation, and on retry finds the winner's row and replaces it, as an overwrite would.
    for (let attempt = 1; ; attempt++) {
      try {
        const dropped: string[] = [];
        const previous = await this.db.transaction().execute(async (trx) => {
          await this.lockIdentity(trx, asset);
          const previous = await this.getIn(trx, asset);
          if (previous) dropped.push(...(await deleteAssetRows(trx, previous.assetId)));
          await trx.insertInto('assets').values(toRow(asset)).execute();
          await insertTags(trx, asset.cloud, asset.assetId, asset.tags, asset.createdAt);
          await ensureFolders(trx, asset.cloud, folderOf(asset.publicId), asset.uploadedAt);
          return previous;
        });
        this.derivedRemoved(dropped);
        return previous;
      } catch (error) {
        if (attempt >= 5 || !isUniqueViolation(error)) throw error;
      }
    }
  }

  /** Inserts new assets (no replacement) in one transaction; for bulk loads such as `kumo seed`. */
  async insertMany(assets: readonly Asset[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const asset of assets) {
        await trx.insertInto('assets').values(toRow(asset)).execute();
        await insertTags(trx, asset.cloud, asset.assetId, asset.tags, asset.createdAt);
        await ensureFolders(trx, asset.cloud, folderOf(asset.publicId), asset.uploadedAt);
      }
    });
  }

  /** Deletes an asset (only while its version id is `versionId`, when given) and its derived assets. */
  async remove(identity: AssetIdentity, versionId?: string): Promise<Asset | undefined> {
    const dropped: string[] = [];
    const previous = await this.db.transaction().execute(async (trx) => {
      // A save to the same identity must not slip between the version check and the delete.
      if (versionId !== undefined) await this.lockIdentity(trx, identity);
      const found = await this.getIn(trx, identity);
      const previous = versionId === undefined || found?.versionId === versionId ? found : undefined;
      if (previous) dropped.push(...(await deleteAssetRows(trx, previous.assetId)));
      return previous;
    });
    this.derivedRemoved(dropped);
    return previous;
  }

  /**
   * Changes an asset's public id (and delivery type). Returns the renamed asset and the asset it
   * replaced, or `conflict` when the target exists and `overwrite` is false.
   */
  async rename(
    from: AssetIdentity,
    to: { publicId: string; type: string },
    overwrite: boolean,
    now: string,
  ): Promise<{ status: 'renamed'; asset: Asset; replaced?: Asset } | { status: 'missing' | 'conflict' }> {
    const dropped: string[] = [];
    const outcome = await this.db.transaction().execute(async (trx) => {
      await this.lockIdentity(trx, { ...from, publicId: to.publicId, type: to.type });
      const source = await this.getIn(trx, from);
      if (!source) return { status: 'missing' as const };
      const targetIdentity = { ...from, publicId: to.publicId, type: to.type };
      const target = await this.getIn(trx, targetIdentity);
      if (target && target.assetId === source.assetId) return { status: 'renamed' as const, asset: source };
      if (target && !overwrite) return { status: 'conflict' as const };
      if (target) dropped.push(...(await deleteAssetRows(trx, target.assetId)));
      // Derived assets live at URLs naming the old public id; they are rendered again under the new one.
      dropped.push(...(await deleteDerivedRows(trx, source.assetId)));
      const folder = folderOf(to.publicId);
      await trx
        .updateTable('assets')
        .set({ public_id: to.publicId, type: to.type, folder, filename: lastSegment(to.publicId) })
        .where('asset_id', '=', source.assetId)
        .execute();
      await ensureFolders(trx, from.cloud, folder, now);
      const renamed = { ...source, publicId: to.publicId, type: to.type };
      return { status: 'renamed' as const, asset: renamed, replaced: target };
    });
    this.derivedRemoved(dropped);
    return outcome;
  }

  /**
   * Serializes writers of one identity. SQLite already runs one write transaction at a time;
   * Postgres gets a transaction-scoped advisory lock on a hash of the identity.
   */
  private async lockIdentity(trx: Transaction<CatalogSchema>, identity: AssetIdentity): Promise<void> {
    if (this.dialect !== 'postgres') return;
    const key = [identity.cloud, identity.resourceType, identity.type, identity.publicId].join('\n');
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(trx);
  }

  private async getIn(trx: Transaction<CatalogSchema>, identity: AssetIdentity): Promise<Asset | undefined> {
    const row = await findAssetRow(trx, identity);
    if (!row) return undefined;
    const tags = await trx
      .selectFrom('asset_tags')
      .select('tag')
      .where('asset_id', '=', row.asset_id)
      .orderBy('tag')
      .execute();
    return assetFromRow(
      row,
      tags.map((t) => t.tag),
    );
  }
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
