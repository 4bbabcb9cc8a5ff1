import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { migrateToLatest } from './migrations.js';
import type { CatalogSchema } from './schema.js';
import { withStatementCache } from './sqlite-statement-cache.js';

// Postgres returns BIGINT as text to avoid precision loss; byte counts and versions stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** Opens (and migrates) the catalog database: an embedded SQLite file or a Postgres server. */
export async function openCatalogDatabase(config: DatabaseConfig): Promise<Kysely<CatalogSchema>> {
  const db = config.kind === 'sqlite' ? openSqlite(config.file) : openPostgres(config.url);
  try {
    await migrateToLatest(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

function openSqlite(file: string): Kysely<CatalogSchema> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new Database(file);
  // WAL lets readers run during a write; FULL makes a committed row survive power loss, not only a crash.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<CatalogSchema>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
  });
}

function openPostgres(url: string): Kysely<CatalogSchema> {
  return new Kysely<CatalogSchema>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) }),
  });
}
