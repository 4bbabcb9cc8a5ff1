import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Asset, AssetIdentity, ResourceType } from './asset.js';
import { assetFromRow } from './asset-row-mapping.js';
import { tagsOfRows } from './asset-tag-rows.js';
import { decodeCursor, encodeCursor } from './listing-cursor.js';
import type { AssetRow, CatalogSchema } from './schema.js';
import { contextMatches, moderationText, startsWith } from './sql-conditions.js';

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

/** Thrown when a `next_cursor` was not issued by this server. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** The row of the asset at `identity`, read through `db` (the catalog's, or a transaction). */
export function findAssetRow(
  db: Kysely<CatalogSchema>,
  identity: AssetIdentity,
): Promise<AssetRow | undefined> {
  return db
    .selectFrom('assets')
    .selectAll()
    .where('cloud', '=', identity.cloud)
    .where('resource_type', '=', identity.resourceType)
    .where('type', '=', identity.type)
    .where('public_id', '=', identity.publicId)
    .executeTakeFirst();
}

/** Reads of assets and tags: lookups, paged listings, totals, and existence checks. */
export class AssetQueries {
  constructor(
    private readonly db: Kysely<CatalogSchema>,
    private readonly dialect: 'sqlite' | 'postgres',
  ) {}

  async get(identity: AssetIdentity): Promise<Asset | undefined> {
    const row = await findAssetRow(this.db, identity);
    return row ? (await this.withTags([row]))[0] : undefined;
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
    if (query.context) {
      conditions.push(contextMatches(this.dialect, query.context.key, query.context.value));
    }
    if (query.moderation) {
      conditions.push(
        sql<SqlBool>`${moderationText(this.dialect, 'kind')} = ${query.moderation.kind}`,
        sql<SqlBool>`${moderationText(this.dialect, 'status')} = ${query.moderation.status}`,
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

  private async withTags(rows: AssetRow[]): Promise<Asset[]> {
    const tags = await tagsOfRows(this.db, rows);
    return rows.map((row) => assetFromRow(row, tags.get(row.asset_id) ?? []));
  }
}
