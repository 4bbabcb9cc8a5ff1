import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import { type Asset, type AssetIdentity, type CustomRegion, folderOf, type ResourceType } from './asset.js';
import { AssetRowCache } from './asset-row-cache.js';
import { decodeCursor, encodeCursor } from './listing-cursor.js';
import type { AssetRow, CatalogSchema, NewAssetRow } from './schema.js';
import type { TableWriteWatcher } from './table-write-watcher.js';

/** Tables whose writes invalidate {@link AssetCatalog.getCached}. */
export const ASSET_TABLES = ['assets', 'asset_tags'] as const;
const ROW_CACHE_ENTRIES = 2000;
// Bounds how long another process writing the same SQLite file (an operator's script) goes unnoticed.
const ROW_CACHE_TTL_MS = 60_000;

export interface AssetListQuery {
  readonly cloud: string;
  readonly resourceType?: ResourceType;
  readonly type?: string;
  readonly prefix?: string;
  readonly publicIds?: readonly string[];
  readonly tag?: string;
  readonly assetIds?: readonly string[];
  /** Assets directly in this folder ('' for the root). */
  readonly folder?: string;
  /** Assets whose custom context has this key (with this value, when given). */
  readonly context?: { readonly key: string; readonly value?: string };
  /** Assets under this moderation kind and status. */
  readonly moderation?: { readonly kind: string; readonly status: string };
  readonly direction: 'asc' | 'desc';
  readonly maxResults: number;
  readonly cursor?: string;
}

export interface AssetPage {
  readonly assets: Asset[];
  readonly nextCursor?: string;
}

export type TagCommand = 'add' | 'remove' | 'replace' | 'remove_all';

/** Thrown when a `next_cursor` was not issued by this server. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** Asset metadata: the one place that knows the tables behind assets and tags. */
export class AssetCatalog {
  /**
   * Called after a commit that deleted derived assets (with their asset: destroy, delete, overwrite,
   * rename onto an existing id), with the storage keys of their blobs.
   */
  onDerivedRemoved?: (storageKeys: readonly string[]) => void;
  private readonly cache?: AssetRowCache;

  /**
   * `writes` watches {@link ASSET_TABLES} on the Kysely instance every catalog class of this
   * process shares; with it, a SQLite catalog keeps recently read assets in memory for
   * {@link getCached}. Not with Postgres: it is shared by several processes, whose writes this one
   * never sees.
   */
  constructor(
    private readonly db: Kysely<CatalogSchema>,
    private readonly dialect: 'sqlite' | 'postgres' = 'sqlite',
    writes?: TableWriteWatcher,
  ) {
    if (dialect === 'sqlite' && writes) {
      const cache = new AssetRowCache(ROW_CACHE_ENTRIES, ROW_CACHE_TTL_MS);
      writes.onWrite = () => cache.invalidate();
      this.cache = cache;
    }
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

  async get(identity: AssetIdentity): Promise<Asset | undefined> {
    const row = await this.db
      .selectFrom('assets')
      .selectAll()
      .where('cloud', '=', identity.cloud)
      .where('resource_type', '=', identity.resourceType)
      .where('type', '=', identity.type)
      .where('public_id', '=', identity.publicId)
      .executeTakeFirst();
    return row ? (await this.withTags([row]))[0] : undefined;
  }

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
          if (previous) dropped.push(...(await this.deleteRow(trx, previous.assetId)));
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
      if (previous) dropped.push(...(await this.deleteRow(trx, previous.assetId)));
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
      if (target) dropped.push(...(await this.deleteRow(trx, target.assetId)));
      // Derived assets live at URLs naming the old public id; they are rendered again under the new one.
      dropped.push(...(await this.deleteDerived(trx, source.assetId)));
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

  async list(query: AssetListQuery): Promise<AssetPage> {
    const conditions: Expression<SqlBool>[] = [sql<SqlBool>`${sql.ref('assets.cloud')} = ${query.cloud}`];
    const equals = (column: string, value: string) => sql<SqlBool>`${sql.ref(column)} = ${value}`;
    const within = (column: string, values: readonly string[]) =>
      sql<SqlBool>`${sql.ref(column)} in (${sql.join(values.length ? [...values] : [''])})`;
    if (query.resourceType) conditions.push(equals('assets.resource_type', query.resourceType));
    if (query.type) conditions.push(equals('assets.type', query.type));
    if (query.prefix) conditions.push(startsWith('assets.public_id', query.prefix));
    if (query.publicIds) conditions.push(within('assets.public_id', query.publicIds));
    if (query.assetIds) conditions.push(within('assets.asset_id', query.assetIds));
    if (query.folder !== undefined) conditions.push(equals('assets.folder', query.folder));
    if (query.context) conditions.push(this.contextMatches(query.context.key, query.context.value));
    if (query.moderation) {
      conditions.push(
        sql<SqlBool>`${this.mediaText('kind')} = ${query.moderation.kind}`,
        sql<SqlBool>`${this.mediaText('status')} = ${query.moderation.status}`,
      );
    }
    // With a tag, the tag index (which carries created_at) drives the scan in listing order.
    const order = query.tag ? 'asset_tags' : 'assets';
    const createdAt = sql.ref(`${order}.created_at`);
    const assetId = sql.ref(`${order}.asset_id`);
    if (query.cursor) {
      const position = decodeCursor(query.cursor);
      if (position?.length !== 2) throw new InvalidCursorError('Invalid next_cursor');
      const [afterCreatedAt, afterAssetId] = position as [string, string];
      const op = sql.raw(query.direction === 'asc' ? '>' : '<');
      conditions.push(
        sql<SqlBool>`(${createdAt} ${op} ${afterCreatedAt} or (${createdAt} = ${afterCreatedAt} and ${assetId} ${op} ${afterAssetId}))`,
      );
    }
    const where = sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
    const direction = query.direction === 'asc' ? sql`asc` : sql`desc`;
    const rows = query.tag
      ? await this.db
          .selectFrom('assets')
          .innerJoin('asset_tags', 'asset_tags.asset_id', 'assets.asset_id')
          .selectAll('assets')
          .where(equals('asset_tags.cloud', query.cloud))
          .where(equals('asset_tags.tag', query.tag))
          .where(where)
          .orderBy(sql`${createdAt} ${direction}`)
          .orderBy(sql`${assetId} ${direction}`)
          .limit(query.maxResults + 1)
          .execute()
      : await this.db
          .selectFrom('assets')
          .selectAll()
          .where(where)
          .orderBy(sql`${createdAt} ${direction}`)
          .orderBy(sql`${assetId} ${direction}`)
          .limit(query.maxResults + 1)
          .execute();
    const page = rows.slice(0, query.maxResults);
    const last = page.at(-1);
    return {
      assets: await this.withTags(page),
      nextCursor:
        rows.length > query.maxResults && last ? encodeCursor([last.created_at, last.asset_id]) : undefined,
    };
  }

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

  /** Which of these storage keys belong to a catalogued asset or derived asset. */
  async referencedStorageKeys(keys: readonly string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const rows = await this.db
      .selectFrom('assets')
      .select('storage_key')
      .where('storage_key', 'in', [...keys])
      .union(
        this.db
          .selectFrom('derived_assets')
          .select('storage_key')
          .where('storage_key', 'in', [...keys]),
      )
      .execute();
    return new Set(rows.map((row) => row.storage_key));
  }

  /** Which of these asset ids belong to a catalogued asset. */
  async existingAssetIds(assetIds: readonly string[]): Promise<Set<string>> {
    if (!assetIds.length) return new Set();
    const rows = await this.db
      .selectFrom('assets')
      .select('asset_id')
      .where('asset_id', 'in', [...assetIds])
      .execute();
    return new Set(rows.map((row) => row.asset_id));
  }

  /** Every asset in catalogue order, page by page, for consistency checks. */
  async *all(pageSize = 500): AsyncIterable<Asset> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom('assets')
        .selectAll()
        .where('asset_id', '>', after)
        .orderBy('asset_id')
        .limit(pageSize)
        .execute();
      if (!rows.length) return;
      yield* await this.withTags(rows);
      after = rows.at(-1)!.asset_id;
    }
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
      return this.deleteDerived(trx, assetId);
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

  /** Distinct tags of a cloud (optionally of one resource type), alphabetically, paged by tag. */
  async listTags(
    cloud: string,
    resourceType: ResourceType | undefined,
    options: { prefix?: string; maxResults: number; cursor?: string },
  ): Promise<{ tags: string[]; nextCursor?: string }> {
    let select = this.db
      .selectFrom('asset_tags')
      .select('asset_tags.tag')
      .distinct()
      .where('asset_tags.cloud', '=', cloud);
    if (resourceType) {
      select = select
        .innerJoin('assets', 'assets.asset_id', 'asset_tags.asset_id')
        .where('assets.resource_type', '=', resourceType);
    }
    if (options.prefix) select = select.where(startsWith('asset_tags.tag', options.prefix));
    if (options.cursor) {
      const position = decodeCursor(options.cursor);
      if (!position || typeof position[0] !== 'string') throw new InvalidCursorError('Invalid next_cursor');
      select = select.where('asset_tags.tag', '>', position[0]);
    }
    const rows = await select
      .orderBy('asset_tags.tag')
      .limit(options.maxResults + 1)
      .execute();
    const tags = rows.slice(0, options.maxResults).map((row) => row.tag);
    const last = tags.at(-1);
    return { tags, nextCursor: rows.length > options.maxResults && last ? encodeCursor([last]) : undefined };
  }

  async count(cloud: string): Promise<{ assets: number; bytes: number }> {
    const row = await this.db
      .selectFrom('assets')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('assets'),
        eb.fn.sum<number | string | null>('bytes').as('bytes'),
      ])
      .where('cloud', '=', cloud)
      .executeTakeFirstOrThrow();
    return { assets: Number(row.assets), bytes: Number(row.bytes ?? 0) };
  }

  // Context and moderation live in JSON text columns; each dialect has its own JSON functions.
  private contextMatches(key: string, value: string | undefined): Expression<SqlBool> {
    if (this.dialect === 'postgres') {
      const found = sql`(${sql.ref('assets.context')}::jsonb ->> ${key}::text)`;
      return value === undefined
        ? sql<SqlBool>`${found} is not null`
        : sql<SqlBool>`${found} = ${value}::text`;
    }
    const valueTest = value === undefined ? sql`` : sql` and json_each.value = ${value}`;
    return sql<SqlBool>`exists (select 1 from json_each(${sql.ref('assets.context')}) where json_each.key = ${key}${valueTest})`;
  }

  private mediaText(field: 'kind' | 'status') {
    return this.dialect === 'postgres'
      ? sql`(${sql.ref('assets.media')}::jsonb -> 'moderation' ->> ${field}::text)`
      : sql`json_extract(${sql.ref('assets.media')}, ${`$.moderation.${field}`})`;
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
    const row = await trx
      .selectFrom('assets')
      .selectAll()
      .where('cloud', '=', identity.cloud)
      .where('resource_type', '=', identity.resourceType)
      .where('type', '=', identity.type)
      .where('public_id', '=', identity.publicId)
      .executeTakeFirst();
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

  /** Deletes an asset with its tags and derived assets; returns the derived blobs' storage keys. */
  private async deleteRow(trx: Transaction<CatalogSchema>, assetId: string): Promise<string[]> {
    await trx.deleteFrom('asset_tags').where('asset_id', '=', assetId).execute();
    await trx.deleteFrom('assets').where('asset_id', '=', assetId).execute();
    return this.deleteDerived(trx, assetId);
  }

  private async deleteDerived(trx: Transaction<CatalogSchema>, assetId: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('derived_assets')
      .select('storage_key')
      .where('asset_id', '=', assetId)
      .execute();
    if (rows.length) await trx.deleteFrom('derived_assets').where('asset_id', '=', assetId).execute();
    return rows.map((row) => row.storage_key);
  }

  private derivedRemoved(storageKeys: readonly string[]): void {
    if (storageKeys.length) this.onDerivedRemoved?.(storageKeys);
  }

  private async withTags(rows: AssetRow[]): Promise<Asset[]> {
    const tags = await tagsOfRows(this.db, rows);
    return rows.map((row) => assetFromRow(row, tags.get(row.asset_id) ?? []));
  }
}

async function insertTags(
  trx: Transaction<CatalogSchema>,
  cloud: string,
  assetId: string,
  tags: readonly string[],
  createdAt: string,
) {
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

/** Records a folder and its ancestors, as Cloudinary creates folders implicitly on upload. */
export async function ensureFolders(
  db: Kysely<CatalogSchema> | Transaction<CatalogSchema>,
  cloud: string,
  folder: string,
  now: string,
): Promise<void> {
  if (!folder) return;
  const parts = folder.split('/');
  const paths = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  const existing = new Set(
    (
      await db
        .selectFrom('folders')
        .select('path')
        .where('cloud', '=', cloud)
        .where('path', 'in', paths)
        .execute()
    ).map((row) => row.path),
  );
  const missing = paths.filter((p) => !existing.has(p));
  if (missing.length) {
    await db
      .insertInto('folders')
      .values(missing.map((p) => ({ cloud, path: p, created_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/**
 * A case-sensitive, wildcard-free prefix test that behaves the same in SQLite and Postgres
 * (LIKE is case-insensitive in SQLite and would need escaping).
 */
export function startsWith(column: string, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`substr(${sql.ref(column)}, 1, ${[...prefix].length}) = ${prefix}`;
}

function regionsText(regions: readonly CustomRegion[] | undefined): string | null {
  return regions?.length ? regions.map((region) => region.join(',')).join('|') : null;
}

function regionsOfText(text: string): CustomRegion[] {
  return text.split('|').map((region) => {
    const [x = 0, y = 0, width = 0, height = 0] = region.split(',').map(Number);
    return [x, y, width, height] as const;
  });
}

function lastSegment(publicId: string): string {
  return publicId.slice(publicId.lastIndexOf('/') + 1);
}

function toRow(asset: Asset): NewAssetRow {
  return {
    asset_id: asset.assetId,
    cloud: asset.cloud,
    resource_type: asset.resourceType,
    type: asset.type,
    public_id: asset.publicId,
    folder: folderOf(asset.publicId),
    filename: lastSegment(asset.publicId),
    format: asset.format,
    version: asset.version,
    version_id: asset.versionId,
    bytes: asset.bytes,
    width: asset.width ?? null,
    height: asset.height ?? null,
    pages: asset.pages ?? null,
    duration: asset.duration ?? null,
    media: Object.keys(asset.media).length ? JSON.stringify(asset.media) : null,
    context: Object.keys(asset.context).length ? JSON.stringify(asset.context) : null,
    custom_coordinates: regionsText(asset.customCoordinates),
    etag: asset.etag,
    original_filename: asset.originalFilename,
    display_name: asset.displayName,
    storage_key: asset.storageKey,
    placeholder: asset.placeholder ? 1 : 0,
    api_key: asset.apiKey ?? null,
    created_at: asset.createdAt,
    uploaded_at: asset.uploadedAt,
  };
}

/** Maps a catalog row (and its tags) to the services' Asset. */
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

export function assetFromRow(row: AssetRow, tags: readonly string[]): Asset {
  return {
    assetId: row.asset_id,
    cloud: row.cloud,
    resourceType: row.resource_type as ResourceType,
    type: row.type,
    publicId: row.public_id,
    format: row.format,
    version: Number(row.version),
    versionId: row.version_id,
    bytes: Number(row.bytes),
    width: row.width ?? undefined,
    height: row.height ?? undefined,
    pages: row.pages ?? undefined,
    duration: row.duration ?? undefined,
    media: row.media ? (JSON.parse(row.media) as Record<string, unknown>) : {},
    context: row.context ? (JSON.parse(row.context) as Record<string, string>) : {},
    ...(row.custom_coordinates ? { customCoordinates: regionsOfText(row.custom_coordinates) } : {}),
    tags,
    etag: row.etag,
    originalFilename: row.original_filename,
    displayName: row.display_name,
    storageKey: row.storage_key,
    placeholder: row.placeholder === 1,
    apiKey: row.api_key ?? undefined,
    createdAt: row.created_at,
    uploadedAt: row.uploaded_at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
