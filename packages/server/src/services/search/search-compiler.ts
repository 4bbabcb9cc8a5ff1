import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  PostgresAdapter,
  type RawBuilder,
  type SqlBool,
  sql,
} from 'kysely';
import { CATALOG_SEARCH_COLUMNS, type SearchColumns } from './search-columns.js';
import type {
  Bound,
  DateValue,
  MatchMode,
  NumberField,
  Ratio,
  SearchNode,
  TextPattern,
} from './search-node.js';
import { isoInstant, resolveRelative } from './search-values.js';

export type SearchDialect = 'sqlite' | 'postgres';

export interface CompileSearchOptions {
  /** Selects the JSON function for context terms; everything else is the same SQL on both. */
  readonly dialect?: SearchDialect;
  /** "Now" for relative dates such as `created_at>1d`. */
  readonly now?: Date;
}

/** The dialect of a Kysely instance: Postgres when it runs on Postgres' adapter, SQLite otherwise. */
export function searchDialectOf<DB>(db: Kysely<DB>): SearchDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** A `.where(...)` argument for a query over the assets table. */
export type SearchFilter = <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>) => Expression<SqlBool>;

/** Integer columns, whose bounds are rounded so that Postgres never sees a fractional BIGINT. */
const INTEGER_FIELDS: ReadonlySet<NumberField> = new Set(['bytes', 'width', 'height', 'pages']);

/**
 * Turns a parsed expression into a WHERE condition on the assets table. Every user value becomes a
 * bound parameter; identifiers come from `columns` only. Each condition is TRUE or FALSE, never
 * NULL (columns that may be NULL are tested with IS NOT NULL first), so NOT means "everything else".
 */
export function compileSearch(
  node: SearchNode,
  columns: SearchColumns = CATALOG_SEARCH_COLUMNS,
  options: CompileSearchOptions = {},
): SearchFilter {
  const condition = new SearchCompiler(
    columns,
    options.dialect ?? 'sqlite',
    options.now ?? new Date(),
  ).compile(node);
  return () => condition;
}

type Condition = RawBuilder<SqlBool>;

const TRUE: Condition = sql<SqlBool>`(1 = 1)`;

class SearchCompiler {
  constructor(
    private readonly columns: SearchColumns,
    private readonly dialect: SearchDialect,
    private readonly now: Date,
  ) {}

  compile(node: SearchNode): Condition {
    switch (node.kind) {
      case 'all':
        return TRUE;
      case 'and':
        return sql<SqlBool>`(${sql.join(
          node.children.map((child) => this.compile(child)),
          sql` AND `,
        )})`;
      case 'or':
        return sql<SqlBool>`(${sql.join(
          node.children.map((child) => this.compile(child)),
          sql` OR `,
        )})`;
      case 'not':
        return sql<SqlBool>`(NOT ${this.compile(node.child)})`;
      case 'string':
        return matchText(this.column(this.columns.strings[node.field]), node.mode, node.pattern);
      case 'tags':
        return this.tagExists(node.mode, node.pattern);
      case 'context':
        return this.contextExists(node.key, node.mode, node.pattern);
      case 'text':
        return this.freeText(node.pattern);
      case 'number':
        return this.number(node.field, node.lower, node.upper);
      case 'date':
        return this.date(this.column(this.columns.dates[node.field]), node.lower, node.upper);
      case 'aspect_ratio':
        return this.aspectRatio(node.equals, node.lower, node.upper);
    }
  }

  private column(name: string): RawBuilder<unknown> {
    return sql.ref(`${this.columns.table}.${name}`);
  }

  private tagExists(mode: MatchMode, pattern: TextPattern): Condition {
    const { table, assetId, tag } = this.columns.tags;
    const match = matchText(sql.ref(`kumo_tag.${tag}`), mode, pattern);
    return sql<SqlBool>`EXISTS (SELECT 1 FROM ${sql.table(table)} AS kumo_tag WHERE ${sql.ref(
      `kumo_tag.${assetId}`,
    )} = ${this.column(this.columns.id)} AND ${match})`;
  }

  private contextExists(key: string, mode: MatchMode, pattern: TextPattern): Condition {
    const context = this.column(this.columns.context);
    const match = matchText(sql.ref('kumo_ctx.value'), mode, pattern);
    // Each dialect expands the JSON object into (key, value) rows, so keys need no path escaping.
    const entries =
      this.dialect === 'postgres'
        ? sql`jsonb_each_text(CAST(${context} AS jsonb)) AS kumo_ctx(key, value)`
        : sql`json_each(${context}) AS kumo_ctx`;
    return sql<SqlBool>`EXISTS (SELECT 1 FROM ${entries} WHERE kumo_ctx.key = ${key} AND ${match})`;
  }

  private freeText(pattern: TextPattern): Condition {
    const contains: TextPattern = { segments: ['', ...pattern.segments, ''] };
    const fields = this.columns.freeText.map((field) =>
      matchText(this.column(this.columns.strings[field]), 'token', contains),
    );
    return sql<SqlBool>`(${sql.join([...fields, this.tagExists('token', contains)], sql` OR `)})`;
  }

  private number(field: NumberField, lower?: Bound<number>, upper?: Bound<number>): Condition {
    const column = this.column(this.columns.numbers[field]);
    const conditions: Condition[] = [sql<SqlBool>`${column} IS NOT NULL`];
    const integer = INTEGER_FIELDS.has(field);
    const value = (n: number) => (integer ? sql`CAST(${n} AS BIGINT)` : sql`CAST(${n} AS DOUBLE PRECISION)`);
    if (lower) {
      const { inclusive } = lower;
      const n = integer ? (inclusive ? Math.ceil(lower.value) : Math.floor(lower.value)) : lower.value;
      conditions.push(inclusive ? sql`${column} >= ${value(n)}` : sql`${column} > ${value(n)}`);
    }
    if (upper) {
      const { inclusive } = upper;
      const n = integer ? (inclusive ? Math.floor(upper.value) : Math.ceil(upper.value)) : upper.value;
      conditions.push(inclusive ? sql`${column} <= ${value(n)}` : sql`${column} < ${value(n)}`);
    }
    return all(conditions);
  }

  /** A date value is a span [start, end); the stored instant is compared with its ends as text. */
  private date(column: RawBuilder<unknown>, lower?: Bound<DateValue>, upper?: Bound<DateValue>): Condition {
    const conditions: Condition[] = [sql<SqlBool>`${column} IS NOT NULL`];
    if (lower) {
      const span = this.span(lower.value);
      conditions.push(sql`${column} >= ${isoInstant(lower.inclusive ? span.start : span.end)}`);
    }
    if (upper) {
      const span = this.span(upper.value);
      conditions.push(sql`${column} < ${isoInstant(upper.inclusive ? span.end : span.start)}`);
    }
    return all(conditions);
  }

  private span(value: DateValue): { start: number; end: number } {
    if (value.kind === 'absolute') return value;
    // Stored instants have millisecond resolution, so the instant t is the span [t, t + 1ms).
    const start = resolveRelative(value, this.now);
    return { start, end: start + 1 };
  }

  /** Cross-multiplied in BIGINT, so `16:9` is compared exactly and never divides by zero. */
  private aspectRatio(equals?: Ratio, lower?: Bound<Ratio>, upper?: Bound<Ratio>): Condition {
    const width = this.column(this.columns.numbers.width);
    const height = this.column(this.columns.numbers.height);
    const w = sql`CAST(${width} AS BIGINT)`;
    const h = sql`CAST(${height} AS BIGINT)`;
    const int = (n: number) => sql`CAST(${n} AS BIGINT)`;
    const conditions: Condition[] = [
      sql<SqlBool>`${width} IS NOT NULL`,
      sql<SqlBool>`${height} IS NOT NULL`,
      sql<SqlBool>`${height} > 0`,
    ];
    const scaled = (r: Ratio) => ({
      left: sql`${w} * ${int(r.denominator)}`,
      right: sql`${h} * ${int(r.numerator)}`,
    });
    if (equals) {
      // |w/h - p/q| < 0.0005  <=>  2000 * |w*q - h*p| < h*q
      const { left, right } = scaled(equals);
      const tolerance = sql`${h} * ${int(equals.denominator)}`;
      conditions.push(sql`2000 * (${left} - ${right}) < ${tolerance}`);
      conditions.push(sql`2000 * (${right} - ${left}) < ${tolerance}`);
    }
    if (lower) {
      const { left, right } = scaled(lower.value);
      conditions.push(lower.inclusive ? sql`${left} >= ${right}` : sql`${left} > ${right}`);
    }
    if (upper) {
      const { left, right } = scaled(upper.value);
      conditions.push(upper.inclusive ? sql`${left} <= ${right}` : sql`${left} < ${right}`);
    }
    return all(conditions);
  }
}

function all(conditions: readonly Condition[]): Condition {
  return sql<SqlBool>`(${sql.join(conditions, sql` AND `)})`;
}

/**
 * `exact`: case-sensitive equality. `token`: equality ignoring case (lower() on both sides, so each
 * database folds case its own way: ASCII only in SQLite, Unicode in Postgres), with wildcards as
 * LIKE patterns whose literal `%`, `_` and `\` are escaped.
 */
function matchText(column: RawBuilder<unknown>, mode: MatchMode, pattern: TextPattern): Condition {
  const { segments } = pattern;
  if (mode === 'exact') return sql<SqlBool>`${column} = ${segments.join('*')}`;
  if (segments.length === 1) return sql<SqlBool>`lower(${column}) = lower(CAST(${segments[0]} AS TEXT))`;
  const like = segments.map((segment) => segment.replace(/[\\%_]/g, '\\$&')).join('%');
  return sql<SqlBool>`lower(${column}) LIKE lower(CAST(${like} AS TEXT)) ESCAPE '\\'`;
}
