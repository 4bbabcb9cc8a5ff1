import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * The database as Kysely's SQLite dialect uses it, with prepared statements kept by SQL text
 * (least recently used first out, at most `maxStatements`): the dialect prepares every query it
 * runs, and compiling the SQL again costs more than running a small indexed query. A statement still
 * iterating rows (a streamed query) is busy and cannot run twice at once, so a fresh one is prepared
 * for that case.
 */
export function withStatementCache(database: Database.Database, maxStatements = 200): SqliteDatabase {
  const statements = new Map<string, Database.Statement>();
  return {
    close() {
      statements.clear();
      database.close();
    },
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement && !statement.busy) {
        statements.delete(sql);
      } else {
        statement = database.prepare(sql);
      }
      statements.set(sql, statement);
      if (statements.size > maxStatements) statements.delete(statements.keys().next().value!);
      return statement as unknown as SqliteStatement;
    },
  };
}
