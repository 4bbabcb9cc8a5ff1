import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { tagsOfRows } from '../../catalog/asset-catalog.js';
import type { AssetRow, CatalogSchema } from '../../catalog/schema.js';
import { CATALOG_SEARCH_COLUMNS } from './search-columns.js';
import { compileSearch, type SearchDialect, searchDialectOf } from './search-compiler.js';
import { decodeSearchCursor, encodeSearchCursor, type SortPosition } from './search-cursor.js';
import { type DateField, NUMBER_FIELDS, type NumberField, type StringField } from './search-node.js';
import type { AggregateField, SearchRequest, SortField, SortKey } from './search-request.js';

export interface SearchAssetsOptions {
  readonly cloud: string;
  /** Detected from `db` when not given. */
  readonly dialect?: SearchDialect;
  /** "Now" for relative dates; also lets tests pin time. */
  readonly now?: Date;
}

export interface SearchHit {
  readonly row: AssetRow;
  /** Alphabetical; present when `with_field` asked for tags. */
  readonly tags?: readonly string[];
}

export interface SearchAssetsResult {
  readonly totalCount: number;
  readonly hits: readonly SearchHit[];
  readonly nextCursor?: string;
  /** `{format: {png: 3, jpg: 5}}` for each requested aggregate, counted over every match. */
  readonly aggregations: Readonly<Partial<Record<AggregateField, Readonly<Record<string, number>>>>>;
}

interface OrderKey {
  readonly expression: RawBuilder<unknown>;
  readonly direction: 'asc' | 'desc';
}

const columns = CATALOG_SEARCH_COLUMNS;

/**
 * Runs a validated search over one cloud's assets in the catalog: one page in the requested order
 * (asset id breaks ties, so paging with `next_cursor` returns every match exactly once), the
 * total count, and the requested aggregations.
 */
export async function searchAssets(
  db: Kysely<CatalogSchema>,
  request: SearchRequest,
  options: SearchAssetsOptions,
): Promise<SearchAssetsResult> {
  const dialect = options.dialect ?? searchDialectOf(db);
  const filter = compileSearch(request.expression, columns, { dialect, now: options.now ?? new Date() });
  const matching = () => db.selectFrom('assets').where('cloud', '=', options.cloud).where(filter);
  const keys = orderKeys(request.sortBy, dialect);

  const page = async (): Promise<{ hits: SearchHit[]; nextCursor?: string }> => {
    if (request.maxResults === 0) return { hits: [] };
    let select = matching().selectAll();
    if (request.nextCursor) {
      select = select.where(after(keys, decodeSearchCursor(request.nextCursor, request.sortBy)));
    }
    for (const key of keys) select = select.orderBy(key.expression, key.direction);
    const rows = await select.limit(request.maxResults + 1).execute();
    const pageRows = rows.slice(0, request.maxResults);
    const last = pageRows.at(-1);
    const tags = request.withField.includes('tags') ? await tagsOfRows(db, pageRows) : undefined;
    return {
      hits: pageRows.map((row) => (tags ? { row, tags: tags.get(row.asset_id) ?? [] } : { row })),
      ...(rows.length > request.maxResults && last
        ? { nextCursor: encodeSearchCursor(request.sortBy, positionOf(last, request.sortBy)) }
        : {}),
    };
  };

  const count = async () => {
    const row = await matching()
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  };

  const aggregate = async (field: AggregateField) => {
    const column = sql.ref<string>(`${columns.table}.${columns.strings[field]}`);
    const rows = await matching()
      .select((eb) => [column.as('value'), eb.fn.countAll<number | string>().as('count')])
      .groupBy(column)
      .execute();
    return [field, Object.fromEntries(rows.map((row) => [String(row.value), Number(row.count)]))] as const;
  };

  const [{ hits, nextCursor }, totalCount, aggregations] = await Promise.all([
    page(),
    count(),
    Promise.all(request.aggregate.map(aggregate)),
  ]);
  return {
    totalCount,
    hits,
    ...(nextCursor ? { nextCursor } : {}),
    aggregations: Object.fromEntries(aggregations),
  };
}

function isNumberField(field: SortField): field is NumberField {
  return (NUMBER_FIELDS as readonly string[]).includes(field);
}

function columnOf(field: SortField): string {
  if (isNumberField(field)) return columns.numbers[field];
  if (field === 'created_at' || field === 'uploaded_at') return columns.dates[field as DateField];
  return columns.strings[field as StringField];
}

/**
 * Sort expressions that order the same way in SQLite and Postgres: missing numbers count as -1
 * (NULLs sort first in one and last in the other) and text compares bytewise (Postgres would
 * otherwise use the database's locale).
 */
function orderKeys(sortBy: readonly SortKey[], dialect: SearchDialect): OrderKey[] {
  const text = (name: string) => {
    const ref = sql.ref(`${columns.table}.${name}`);
    return dialect === 'postgres' ? sql`${ref} COLLATE "C"` : sql`${ref}`;
  };
  const keys = sortBy.map(({ field, direction }) => ({
    expression: isNumberField(field)
      ? sql`COALESCE(${sql.ref(`${columns.table}.${columnOf(field)}`)}, -1)`
      : text(columnOf(field)),
    direction,
  }));
  return [...keys, { expression: text(columns.id), direction: 'asc' }];
}

function positionOf(row: AssetRow, sortBy: readonly SortKey[]): SortPosition {
  const values = sortBy.map(({ field }) => {
    const value = row[columnOf(field) as keyof AssetRow];
    return isNumberField(field) ? Number(value ?? -1) : String(value);
  });
  return [...values, row.asset_id];
}

/** Rows strictly after `position` in the order of `keys` (a lexicographic keyset condition). */
function after(keys: readonly OrderKey[], position: SortPosition): RawBuilder<SqlBool> {
  const branches = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((earlier, j) => sql`${earlier.expression} = ${position[j]}`);
    const beyond = sql`${key.expression} ${sql.raw(key.direction === 'asc' ? '>' : '<')} ${position[i]}`;
    return sql`(${sql.join([...equalBefore, beyond], sql` AND `)})`;
  });
  return sql<SqlBool>`(${sql.join(branches, sql` OR `)})`;
}
