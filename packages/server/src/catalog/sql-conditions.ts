import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * A case-sensitive, wildcard-free prefix test that behaves the same in SQLite and Postgres
 * (LIKE is case-insensitive in SQLite and would need escaping).
 */
export function startsWith(column: string, prefix: string): Expression<SqlBool> {
  return sql<SqlBool>`substr(${sql.ref(column)}, 1, ${[...prefix].length}) = ${prefix}`;
}

// Context and moderation live in JSON text columns; each dialect has its own JSON functions.

/** Assets whose custom context has `key` (with `value`, when given). */
export function contextMatches(
  dialect: 'sqlite' | 'postgres',
  key: string,
  value: string | undefined,
): Expression<SqlBool> {
  if (dialect === 'postgres') {
    const found = sql`(${sql.ref('assets.context')}::jsonb ->> ${key}::text)`;
    return value === undefined ? sql<SqlBool>`${found} is not null` : sql<SqlBool>`${found} = ${value}::text`;
  }
  const valueTest = value === undefined ? sql`` : sql` and json_each.value = ${value}`;
  return sql<SqlBool>`exists (select 1 from json_each(${sql.ref('assets.context')}) where json_each.key = ${key}${valueTest})`;
}

/** An asset's `media.moderation.kind` or `.status`, as text. */
export function moderationText(dialect: 'sqlite' | 'postgres', field: 'kind' | 'status') {
  return dialect === 'postgres'
    ? sql`(${sql.ref('assets.media')}::jsonb -> 'moderation' ->> ${field}::text)`
    : sql`json_extract(${sql.ref('assets.media')}, ${`$.moderation.${field}`})`;
}
