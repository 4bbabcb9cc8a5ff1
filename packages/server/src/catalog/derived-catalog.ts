import type { Kysely } from 'kysely';
import type { CatalogSchema, DerivedAssetRow } from './schema.js';

/** A stored rendering of an asset, as the delivery service sees it. */
export interface DerivedAsset {
  readonly id: string;
  readonly assetId: string;
  readonly cloud: string;
  readonly transformation: string;
  readonly format: string;
  readonly variant: string;
  readonly storageKey: string;
  readonly bytes: number;
  readonly width?: number;
  readonly height?: number;
  readonly contentType: string;
  readonly etag: string;
  readonly meta: Readonly<DerivedMeta>;
  readonly createdAt: string;
}

/** Details of a derived asset that have no column of their own. */
export interface DerivedMeta {
  /** Output format actually written (`webp` for an `f_auto` that chose WebP). */
  readonly outputFormat?: string;
  /** Request headers the rendering depended on. */
  readonly vary?: readonly string[];
  /** Set by `fl_attachment`: answer with `Content-Disposition: attachment`. */
  readonly attachment?: { readonly filename?: string };
}

/** Derived assets: the render cache, keyed by the hash `id`. */
export class DerivedCatalog {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  async get(id: string): Promise<DerivedAsset | undefined> {
    const row = await this.db
      .selectFrom('derived_assets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  /**
   * Records a derived asset unless one with the same id exists (another process rendered it too);
   * returns the entry that is now stored, so the caller can delete its own blob when it lost.
   */
  async insert(derived: DerivedAsset): Promise<DerivedAsset> {
    await this.db
      .insertInto('derived_assets')
      .values({
        id: derived.id,
        asset_id: derived.assetId,
        cloud: derived.cloud,
        transformation: derived.transformation,
        format: derived.format,
        variant: derived.variant,
        storage_key: derived.storageKey,
        bytes: derived.bytes,
        width: derived.width ?? null,
        height: derived.height ?? null,
        content_type: derived.contentType,
        etag: derived.etag,
        meta: Object.keys(derived.meta).length ? JSON.stringify(derived.meta) : null,
        created_at: derived.createdAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return (await this.get(derived.id)) ?? derived;
  }

  /** Derived assets of one asset, newest first. */
  async listForAsset(assetId: string, limit = 1000): Promise<DerivedAsset[]> {
    const rows = await this.db
      .selectFrom('derived_assets')
      .selectAll()
      .where('asset_id', '=', assetId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(fromRow);
  }

  /**
   * Removes one entry (its blob went missing, or its asset was deleted while it rendered). With a
   * storage key, only while the entry still names that blob: another request may have stored a new
   * rendering under another key since.
   */
  async remove(id: string, storageKey?: string): Promise<void> {
    let query = this.db.deleteFrom('derived_assets').where('id', '=', id);
    if (storageKey !== undefined) query = query.where('storage_key', '=', storageKey);
    await query.execute();
  }

  /** The HLS master playlists of an asset's ladders made with this transformation (one per version). */
  async hlsMasters(assetId: string, transformation: string): Promise<DerivedAsset[]> {
    const rows = await this.db
      .selectFrom('derived_assets')
      .selectAll()
      .where('asset_id', '=', assetId)
      .where('transformation', '=', transformation)
      .where('format', '=', 'm3u8')
      .where('variant', '=', '')
      .execute();
    return rows.map(fromRow);
  }

  /** Every derived asset in id order, page by page, for consistency checks. */
  async *all(pageSize = 500): AsyncIterable<DerivedAsset> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('derived_assets')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      if (!rows.length) return;
      yield* rows.map(fromRow);
      after = rows.at(-1)!.id;
    }
  }

  async countForCloud(cloud: string): Promise<number> {
    const row = await this.db
      .selectFrom('derived_assets')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('cloud', '=', cloud)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}

function fromRow(row: DerivedAssetRow): DerivedAsset {
  return {
    id: row.id,
    assetId: row.asset_id,
    cloud: row.cloud,
    transformation: row.transformation,
    format: row.format,
    variant: row.variant,
    storageKey: row.storage_key,
    bytes: Number(row.bytes),
    width: row.width ?? undefined,
    height: row.height ?? undefined,
    contentType: row.content_type,
    etag: row.etag,
    meta: row.meta ? (JSON.parse(row.meta) as DerivedMeta) : {},
    createdAt: row.created_at,
  };
}
