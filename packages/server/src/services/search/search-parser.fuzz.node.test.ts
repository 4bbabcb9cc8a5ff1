import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { assert } from 'chai';
import fc from 'fast-check';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../../catalog/migrations.js';
import type { CatalogSchema } from '../../catalog/schema.js';
import { CATALOG_SEARCH_COLUMNS } from './search-columns.js';
import { compileSearch } from './search-compiler.js';
import type { SearchNode } from './search-node.js';
import { parseSearchExpression } from './search-parser.js';
import { SearchSyntaxError } from './search-syntax-error.js';

const VALID = [
  'resource_type:image AND tags=kitten AND uploaded_at>1d AND bytes>1m',
  'public_id:folder/* -tags:draft',
  '(format:png OR format:jpg) AND width>=800 AND height<300',
  'created_at:[2024-01-01 TO 2024-02-01] OR created_at>=2024-06-01T10:00:00Z',
  'context.color:"dark red" || NOT context.season=summer',
  'aspect_ratio:"16:9" aspect_ratio:{1 TO 2.5]',
  'bytes:[1kb TO *} duration<=12.5 pages:3',
  '"summer sale" shoe* !filename:a\\*b',
  'folder:shoes/summer AND asset_folder:"Products/Sale"',
  '+tags:shoe && (-width:* || created_at:3m)',
  '*',
];

/** Characters the language gives meaning to, plus a few that stress escaping and Unicode. */
const SYNTAX = [
  ...'()[]{}":=<>!^~?&|*\\+- \t\n.,/_%\'0123456789aAzTOND',
  'AND',
  'OR',
  'NOT',
  'TO',
  'é',
  '😀',
  '\u0000',
];

function parsesOrRefuses(expression: string): SearchNode | undefined {
  try {
    return parseSearchExpression(expression);
  } catch (error) {
    if (!(error instanceof SearchSyntaxError)) {
      assert.fail(`${JSON.stringify(expression)} threw ${String(error)} instead of a SearchSyntaxError`);
    }
    assert.isAtLeast(error.position, 0);
    assert.isAtMost(error.position, Math.max(expression.length, 8192));
    return undefined;
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...SYNTAX) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 12 }),
  }),
);

function mutate(source: string, mutations: readonly Mutation[]): string {
  let text = source;
  for (const m of mutations) {
    const at = text.length ? m.at % (text.length + 1) : 0;
    if (m.kind === 'insert') text = text.slice(0, at) + m.text + text.slice(at);
    else if (m.kind === 'delete') text = text.slice(0, at) + text.slice(at + m.length);
    else text = text.slice(0, at) + text.slice(at, at + m.length) + text.slice(at);
  }
  return text;
}

type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number };

describe('parseSearchExpression under fuzzing', () => {
  let db: Kysely<CatalogSchema>;

  before(async () => {
    db = new Kysely<CatalogSchema>({ dialect: new SqliteDialect({ database: new Database(':memory:') }) });
    await migrateToLatest(db as Kysely<unknown>);
  });
  after(async () => db.destroy());

  it('parses every seed expression', () => {
    for (const expression of VALID) assert.isDefined(parseSearchExpression(expression), expression);
  });

  it('only ever raises SearchSyntaxError for arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 80 })),
        (input) => {
          parsesOrRefuses(input);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('only ever raises SearchSyntaxError for strings made of syntax characters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SYNTAX), { maxLength: 40 }), (parts) => {
        parsesOrRefuses(parts.join(''));
      }),
      { numRuns: 3000 },
    );
  });

  it('only ever raises SearchSyntaxError for mutations of valid expressions, and what parses runs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...VALID),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('sqlite' as const, 'postgres' as const),
        async (source, mutations, dialect) => {
          const node = parsesOrRefuses(mutate(source, mutations));
          if (!node) return;
          const filter = compileSearch(node, CATALOG_SEARCH_COLUMNS, { dialect, now: new Date() });
          const query = db.selectFrom('assets').select('asset_id').where(filter);
          // Postgres SQL cannot run here; it must at least compile. SQLite SQL must also execute.
          assert.isString(query.compile().sql);
          if (dialect === 'sqlite') await query.execute();
        },
      ),
      { numRuns: 1500 },
    );
  });
});
