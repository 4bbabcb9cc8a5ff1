import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { assert } from 'chai';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '../../catalog/migrations.js';
import type { CatalogSchema, NewAssetRow } from '../../catalog/schema.js';
import { seededRandom as random } from '../../testing/seeded-random.js';
import { ServiceError } from '../service-error.js';
import { searchAssets } from './search-assets.js';
import { CATALOG_SEARCH_COLUMNS } from './search-columns.js';
import { compileSearch, type SearchDialect, searchDialectOf } from './search-compiler.js';
import type { Bound, DateValue, MatchMode, Ratio, SearchNode, TextPattern } from './search-node.js';
import { parseSearchExpression } from './search-parser.js';
import { parseSearchRequest, type SortKey } from './search-request.js';

// ---------------------------------------------------------------------------------------------
// Generated catalog: a few hundred assets with awkward values (LIKE metacharacters, quotes, case,
// NULL dimensions, equal timestamps), inserted through the real migration's tables.

const NOW = new Date('2026-01-15T12:00:00.000Z');
const CLOUD = 'demo';
const INJECTION = "'; DROP TABLE assets; --";

interface TestAsset {
  readonly asset_id: string;
  readonly cloud: string;
  readonly resource_type: string;
  readonly type: string;
  readonly public_id: string;
  readonly folder: string;
  readonly filename: string;
  readonly display_name: string;
  readonly format: string;
  readonly bytes: number;
  readonly width: number | null;
  readonly height: number | null;
  readonly pages: number | null;
  readonly duration: number | null;
  readonly context: Readonly<Record<string, string>> | null;
  readonly tags: readonly string[];
  readonly created_at: string;
  readonly uploaded_at: string;
}

const FOLDERS = ['', 'shoes', 'shoes/summer', 'Shoes/Winter', 'hats', 'sale_50%', 'a_b', 'products/sale'];
const NAMES = [
  'red',
  'Red_Shoe',
  'blue-hat',
  'sale%item',
  'under_score',
  'spin_01',
  'café',
  "quote'd",
  'x"y',
  'ÉTÉ',
  'a\\b',
  'star*name',
];
const TAGS = ['shoe', 'Shoe', 'product', 'spin', 'sale_50%', 'summer sale', 'red', INJECTION];
const CONTEXT_KEYS = ['color', 'Alt', 'season'];
const CONTEXT_VALUES = ['Dark Red', 'dark red', 'blue', 'summer sale', 'x"y', '50%', 'a_b'];
const SIZES: [number, number][] = [
  [1920, 1080],
  [1366, 768],
  [1600, 900],
  [800, 600],
  [600, 800],
  [1000, 1000],
  [300, 200],
  [1500, 1000],
  [100, 57],
  [0, 10],
  [10, 0],
];
const SHARED_TIMES = ['2025-12-01T00:00:00.000Z', '2025-06-15T08:30:00.000Z', '2026-01-15T11:00:00.000Z'];

function generateAssets(count: number, cloud: string, seed: number): TestAsset[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const assets: TestAsset[] = [];
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const resourceType = pick(['image', 'image', 'image', 'video', 'raw']);
    const folder = pick(FOLDERS);
    const type = pick(['upload', 'upload', 'private', 'authenticated']);
    let filename = `${pick(NAMES)}${next() < 0.5 ? `_${i}` : ''}`;
    // (cloud, resource type, type, public id) is unique in the catalog.
    if (used.has(`${resourceType}/${type}/${folder}/${filename}`)) filename = `${filename}_${i}`;
    used.add(`${resourceType}/${type}/${folder}/${filename}`);
    const size = resourceType === 'raw' || next() < 0.05 ? undefined : pick(SIZES);
    const timestamp = (maxDays: number) =>
      next() < 0.15
        ? pick(SHARED_TIMES)
        : new Date(NOW.getTime() - Math.floor(next() * maxDays * 86_400_000)).toISOString();
    const tags = [...new Set(Array.from({ length: Math.floor(next() * 4) }, () => pick(TAGS)))];
    const context =
      next() < 0.5
        ? null
        : Object.fromEntries(
            Array.from({ length: 1 + Math.floor(next() * 2) }, () => [
              pick(CONTEXT_KEYS),
              pick(CONTEXT_VALUES),
            ]),
          );
    assets.push({
      // Random ids so that id order (the tie-breaker) is unrelated to insertion order.
      asset_id: `${Math.floor(next() * 1e9).toString(36)}${i}`,
      cloud,
      resource_type: resourceType,
      type,
      public_id: folder ? `${folder}/${filename}` : filename,
      folder,
      filename,
      display_name: filename,
      format:
        resourceType === 'video'
          ? pick(['mp4', 'webm'])
          : resourceType === 'raw'
            ? 'txt'
            : pick(['png', 'jpg', 'PNG', 'webp']),
      bytes: next() < 0.1 ? 1048576 : Math.floor(next() * 5_000_000),
      width: size ? size[0] : null,
      height: size ? size[1] : null,
      pages: resourceType === 'image' && next() < 0.3 ? 1 + Math.floor(next() * 5) : null,
      duration: resourceType === 'video' ? Math.round(next() * 1200) / 10 : null,
      context,
      tags,
      created_at: timestamp(800),
      uploaded_at: timestamp(400),
    });
  }
  return assets;
}

function toRow(asset: TestAsset): NewAssetRow {
  const { tags: _tags, context, ...columns } = asset;
  return {
    ...columns,
    context: context ? JSON.stringify(context) : null,
    version: 1,
    version_id: 'v1',
    media: null,
    etag: 'etag',
    original_filename: asset.filename,
    storage_key: `blobs/${asset.asset_id}`,
    placeholder: 0,
    api_key: null,
  };
}

async function fill(db: Kysely<CatalogSchema>, assets: readonly TestAsset[]): Promise<void> {
  await migrateToLatest(db as Kysely<unknown>);
  for (let i = 0; i < assets.length; i += 50) {
    const chunk = assets.slice(i, i + 50);
    await db.insertInto('assets').values(chunk.map(toRow)).execute();
    const tags = chunk.flatMap((a) =>
      a.tags.map((tag) => ({ asset_id: a.asset_id, cloud: a.cloud, tag, created_at: toRow(a).created_at })),
    );
    if (tags.length) await db.insertInto('asset_tags').values(tags).execute();
  }
}

// ---------------------------------------------------------------------------------------------
// The oracle: what each node means, evaluated directly on the generated objects.

const asciiLower = (text: string) => text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());

function matches(value: string, mode: MatchMode, pattern: TextPattern): boolean {
  if (mode === 'exact') return value === pattern.segments.join('');
  const source = pattern.segments.map((s) => asciiLower(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`, 's').test(asciiLower(value));
}

function ago(value: { amount: number; unit: string }): number {
  const n = NOW;
  const hours = { h: 1, d: 24, w: 168 }[value.unit as 'h' | 'd' | 'w'];
  if (hours) return n.getTime() - value.amount * hours * 3_600_000;
  const months = value.unit === 'm' ? value.amount : value.amount * 12;
  const time = n.getUTCHours() * 3_600_000 + n.getUTCMinutes() * 60_000 + n.getUTCSeconds() * 1000;
  return (
    Date.UTC(n.getUTCFullYear(), n.getUTCMonth() - months, n.getUTCDate()) + time + n.getUTCMilliseconds()
  );
}

function dateIn(time: number, lower?: Bound<DateValue>, upper?: Bound<DateValue>): boolean {
  if (lower) {
    const v = lower.value;
    if (
      v.kind === 'relative'
        ? !(lower.inclusive ? time >= ago(v) : time > ago(v))
        : time < (lower.inclusive ? v.start : v.end)
    )
      return false;
  }
  if (upper) {
    const v = upper.value;
    if (
      v.kind === 'relative'
        ? !(upper.inclusive ? time <= ago(v) : time < ago(v))
        : time >= (upper.inclusive ? v.end : v.start)
    )
      return false;
  }
  return true;
}

function ratioCompare(width: number, height: number, r: Ratio): bigint {
  return BigInt(width) * BigInt(r.denominator) - BigInt(height) * BigInt(r.numerator);
}

function evaluate(node: SearchNode, a: TestAsset): boolean {
  switch (node.kind) {
    case 'all':
      return true;
    case 'and':
      return node.children.every((child) => evaluate(child, a));
    case 'or':
      return node.children.some((child) => evaluate(child, a));
    case 'not':
      return !evaluate(node.child, a);
    case 'string':
      return matches(a[node.field], node.mode, node.pattern);
    case 'tags':
      return a.tags.some((tag) => matches(tag, node.mode, node.pattern));
    case 'context': {
      const context = a.context ?? {};
      return (
        Object.hasOwn(context, node.key) && matches(context[node.key] as string, node.mode, node.pattern)
      );
    }
    case 'text': {
      const contains = { segments: ['', ...node.pattern.segments, ''] };
      return [a.public_id, a.filename, ...a.tags].some((value) => matches(value, 'token', contains));
    }
    case 'number': {
      const value = a[node.field];
      if (value === null) return false;
      const { lower, upper } = node;
      if (lower && !(lower.inclusive ? value >= lower.value : value > lower.value)) return false;
      return !upper || (upper.inclusive ? value <= upper.value : value < upper.value);
    }
    case 'date':
      return dateIn(Date.parse(a[node.field]), node.lower, node.upper);
    case 'aspect_ratio': {
      const { width, height } = a;
      if (width === null || height === null || height <= 0) return false;
      if (node.equals) {
        const difference = ratioCompare(width, height, node.equals);
        const tolerance = BigInt(height) * BigInt(node.equals.denominator);
        if (!(2000n * (difference < 0n ? -difference : difference) < tolerance)) return false;
      }
      const { lower, upper } = node;
      if (
        lower &&
        !(lower.inclusive
          ? ratioCompare(width, height, lower.value) >= 0n
          : ratioCompare(width, height, lower.value) > 0n)
      )
        return false;
      return (
        !upper ||
        (upper.inclusive
          ? ratioCompare(width, height, upper.value) <= 0n
          : ratioCompare(width, height, upper.value) < 0n)
      );
    }
  }
}

function sortedOracle(assets: readonly TestAsset[], sortBy: readonly SortKey[]): string[] {
  const numeric = new Set(['bytes', 'width', 'height', 'pages', 'duration']);
  const bytes = (text: string) => Buffer.from(text, 'utf8');
  return [...assets]
    .sort((x, y) => {
      for (const { field, direction } of sortBy) {
        const a = x[field as keyof TestAsset];
        const b = y[field as keyof TestAsset];
        const order = numeric.has(field)
          ? Math.sign(Number(a ?? -1) - Number(b ?? -1))
          : Buffer.compare(bytes(String(a)), bytes(String(b)));
        if (order) return direction === 'asc' ? order : -order;
      }
      return Buffer.compare(bytes(x.asset_id), bytes(y.asset_id));
    })
    .map((a) => a.asset_id);
}

// ---------------------------------------------------------------------------------------------
// Expressions: a hand-written list covering every construct, and random combinations.

const HANDWRITTEN = [
  '*',
  'resource_type:image',
  'resource_type:IMAGE',
  'type=upload',
  'type:private',
  'format:png',
  'format=PNG',
  'public_id:shoes/*',
  'public_id:*_1*',
  'public_id:sale_50%/*',
  'public_id:a_b/*',
  'public_id:*%*',
  'public_id:*\\**',
  'filename:red',
  'filename=Red_Shoe',
  'filename:RED_SHOE',
  'filename:"quote\'d"',
  'filename:"x\\"y*"',
  'filename:a\\\\b*',
  'folder:shoes',
  'folder:shoes*',
  'asset_folder:"shoes/summer"',
  'folder:""',
  'display_name:spin*',
  'tags:shoe',
  'tags=Shoe',
  'tags:"summer sale"',
  'tags:sale_50%',
  'tags:sale_5*',
  'tags:*',
  '-tags:*',
  `tags:"${INJECTION}"`,
  `"${INJECTION}"`,
  `public_id:"${INJECTION}"`,
  `context.color:"${INJECTION}"`,
  'context.color:"dark red"',
  'context.color="Dark Red"',
  'context.Alt:*',
  'context.season:"50%"',
  'context.season:"a_b"',
  'context.missing:*',
  'shoe',
  'SHOE',
  'sale',
  '"summer sale"',
  'sp*n',
  'café',
  'bytes>1mb',
  'bytes>=1mb',
  'bytes:1mb',
  'bytes<=1048576',
  'bytes:[100kb TO 2mb}',
  'bytes>1.5mb',
  'width>=800',
  'width:[600 TO 1366]',
  'width:{600 TO 1366}',
  'width>799.5',
  'width<=800.5',
  'width:800.5',
  'height<300',
  'width:*',
  'NOT width:*',
  '-width>1000',
  'pages>=2',
  'duration>60',
  'duration<=12.5',
  'duration:[10 TO 20.5]',
  'aspect_ratio:"16:9"',
  'aspect_ratio=1.5',
  'aspect_ratio:1',
  'aspect_ratio>1',
  'aspect_ratio>=4:3',
  'aspect_ratio<0.8',
  'aspect_ratio:[1 TO 16:9]',
  'aspect_ratio:{1 TO 16:9}',
  'aspect_ratio:*',
  'created_at>1d',
  'created_at:1w',
  'created_at<1w',
  'created_at>=3m',
  'created_at>1y',
  'created_at<=1y',
  'uploaded_at>12h',
  'created_at>=2025-06-15',
  'created_at:2025-06-15',
  'created_at>2025-06-15',
  'created_at<2025-06-15',
  'created_at<=2025-06-15',
  'created_at:2025-12',
  'created_at:2025',
  'created_at:[2025-01-01 TO 2025-06-15]',
  'created_at:{2025-01-01 TO 2025-06-15}',
  'created_at:[2025-06-15T08:30 TO *]',
  'created_at="2025-06-15T08:30:00Z"',
  'created_at:"2025-06-15T10:30:00+02:00"',
  'created_at:[6m TO 1m]',
  'resource_type:image AND tags:shoe',
  'resource_type:image tags:shoe',
  'tags:shoe OR tags:spin width>1000',
  '(tags:shoe OR tags:spin) width>1000',
  'NOT resource_type:image',
  '-(format:png OR format:jpg) -resource_type:raw',
  'NOT NOT tags:red',
  '+tags:red !folder:hats',
  'resource_type:video && duration>30 || resource_type:raw',
];

function randomExpressions(count: number, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const quote = (value: string) => `"${value.replace(/["\\*]/g, '\\$&')}"`;
  const int = (max: number) => Math.floor(next() * max);
  const date = () => new Date(NOW.getTime() - int(800) * 86_400_000).toISOString().slice(0, 10);
  const terms: (() => string)[] = [
    () => `resource_type:${pick(['image', 'video', 'raw'])}`,
    () => `type${pick([':', '='])}${pick(['upload', 'private', 'authenticated'])}`,
    () => `format:${pick(['png', 'jpg', 'mp4', 'txt'])}`,
    () => `public_id:${quote(pick(FOLDERS))}*`.replace('"*', '*"'),
    () => `folder${pick([':', '='])}${quote(pick(FOLDERS))}`,
    () => `filename:${quote(pick(NAMES).slice(0, 3))}*`.replace('"*', '*"'),
    () => `filename:*${quote(pick(NAMES).slice(-2))}`.replace('*"', '"*'),
    () => `tags${pick([':', '='])}${quote(pick(TAGS))}`,
    () => `tags:${quote(pick(TAGS).slice(0, 2))}*`.replace('"*', '*"'),
    () => `context.${pick(CONTEXT_KEYS)}${pick([':', '='])}${quote(pick(CONTEXT_VALUES))}`,
    () => `context.${pick(CONTEXT_KEYS)}:*`,
    () => quote(pick([...NAMES, ...TAGS]).slice(0, 4)),
    () =>
      `bytes${pick(['>', '>=', '<', '<=', ':'])}${pick(['1mb', '500kb', `${int(5_000_000)}`, '1048576'])}`,
    () => `${pick(['width', 'height'])}${pick(['>', '>=', '<', '<=', ':'])}${pick(SIZES)[int(2)]}`,
    () =>
      `${pick(['width', 'height', 'pages', 'duration'])}:${pick(['[', '{'])}${int(900)} TO ${int(2000)}${pick([']', '}'])}`,
    () => `duration${pick(['>', '<='])}${(next() * 120).toFixed(1)}`,
    () => `aspect_ratio${pick([':', '>', '>=', '<', '<='])}${pick(['"16:9"', '1.5', '1', '"4:3"', '0.75'])}`,
    () =>
      `${pick(['created_at', 'uploaded_at'])}${pick(['>', '>=', '<', '<=', ':'])}${int(30) + 1}${pick(['h', 'd', 'w', 'm', 'y'])}`,
    () => `${pick(['created_at', 'uploaded_at'])}${pick(['>', '>=', '<', '<=', ':'])}${date()}`,
    () => `created_at:[${date()} TO ${pick([date(), '*'])}${pick([']', '}'])}`,
    () => `${pick(['width', 'duration', 'pages', 'aspect_ratio', 'tags'])}:*`,
  ];
  const expression = (depth: number): string => {
    const roll = next();
    if (depth <= 0 || roll < 0.4) return pick(terms)();
    if (roll < 0.5) return `${pick(['NOT ', '-', '!'])}${expression(depth - 1)}`;
    if (roll < 0.6) return `(${expression(depth - 1)})`;
    return `${expression(depth - 1)} ${pick(['AND ', 'OR ', '', '&& ', '|| '])}${expression(depth - 1)}`;
  };
  return Array.from({ length: count }, () => expression(3));
}

// ---------------------------------------------------------------------------------------------
// A throwaway Postgres cluster (Unix socket only) when the server binaries are installed.

interface TemporaryPostgres {
  readonly pool: pg.Pool;
  stop(): Promise<void>;
}

function startPostgres(): TemporaryPostgres | string {
  // Debian keeps the server binaries out of PATH, under /usr/lib/postgresql/<version>/bin.
  const debianBins = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => `/usr/lib/postgresql/${version}/bin`)
    : [];
  const which = (name: string) =>
    spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() ||
    debianBins.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file)) ||
    '';
  const [initdb, pgCtl] = [which('initdb'), which('pg_ctl')];
  if (!initdb || !pgCtl) return 'initdb/pg_ctl not installed';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumo-search-pg-'));
  const asRoot = process.getuid?.() === 0;
  // Postgres refuses to run as root; in root containers it runs as the postgres system user.
  if (asRoot) {
    const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
    const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
    if (!uid) return 'running as root without a postgres user';
    fs.chownSync(dir, uid, gid);
  }
  const run = (command: string, args: string[]) => {
    const result = asRoot
      ? spawnSync(which('runuser') || '/usr/sbin/runuser', ['-u', 'postgres', '--', command, ...args], {
          encoding: 'utf8',
          timeout: 60_000,
        })
      : spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
    return result.status === 0 ? undefined : `${command} failed: ${result.stderr || result.error}`;
  };
  const data = path.join(dir, 'data');
  const failed =
    run(initdb, ['-D', data, '-A', 'trust', '-U', 'kumo', '--locale=C', '-E', 'UTF8', '--no-sync']) ??
    run(pgCtl, [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-k ${dir} -c listen_addresses= -F`,
      'start',
    ]);
  if (failed) {
    fs.rmSync(dir, { recursive: true, force: true });
    return failed;
  }
  const pool = new pg.Pool({ host: dir, user: 'kumo', database: 'postgres', max: 4 });
  return {
    pool,
    async stop() {
      await pool.end().catch(() => undefined);
      run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------

const ASSETS = generateAssets(320, CLOUD, 20260115);
const OTHER_CLOUD = generateAssets(40, 'other', 7);

function suite(
  dialect: SearchDialect,
  open: () => Promise<{ db: Kysely<CatalogSchema>; close(): Promise<void> } | string>,
) {
  describe(`search over a generated catalog (${dialect})`, () => {
    let db: Kysely<CatalogSchema>;
    let close: (() => Promise<void>) | undefined;
    let skipped: string | undefined;

    before(async () => {
      const opened = await open();
      if (typeof opened === 'string') {
        skipped = opened;
        return;
      }
      ({ db, close } = opened);
      await fill(db, [...ASSETS, ...OTHER_CLOUD]);
    });
    after(async () => close?.());

    // The dialect is left to detection, which the first test checks.
    const search = (body: Record<string, unknown>) =>
      searchAssets(db, parseSearchRequest(body), { cloud: CLOUD, now: NOW });

    it('detects the dialect from the Kysely instance', (t) => {
      if (skipped) return t.skip(skipped);
      assert.strictEqual(searchDialectOf(db), dialect);
    });

    const expectSame = async (expression: string) => {
      const node = parseSearchExpression(expression);
      const expected = ASSETS.filter((a) => evaluate(node, a)).map((a) => a.asset_id);
      const rows = await db
        .selectFrom('assets')
        .select('asset_id')
        .where('cloud', '=', CLOUD)
        .where(compileSearch(node, CATALOG_SEARCH_COLUMNS, { dialect, now: NOW }))
        .execute();
      assert.sameMembers(
        rows.map((r) => r.asset_id),
        expected,
        `${expression} (expected ${expected.length} rows, got ${rows.length})`,
      );
      return expected.length;
    };

    it('returns exactly the oracle rows for every hand-written expression', async (t) => {
      if (skipped) return t.skip(skipped);
      const empty: string[] = [];
      for (const expression of HANDWRITTEN) if ((await expectSame(expression)) === 0) empty.push(expression);
      // An expression that matches nothing proves little; only these are expected to.
      const expectedEmpty = [
        `public_id:"${INJECTION}"`,
        `context.color:"${INJECTION}"`,
        'context.missing:*',
        'width:800.5',
      ];
      assert.sameMembers(empty, expectedEmpty);
    });

    it('returns exactly the oracle rows for 300 random expressions', async (t) => {
      if (skipped) return t.skip(skipped);
      let nonEmpty = 0;
      for (const expression of randomExpressions(300, 99)) if ((await expectSame(expression)) > 0) nonEmpty++;
      assert.isAbove(nonEmpty, 100);
    });

    it('passes hostile values only as parameters', async (t) => {
      if (skipped) return t.skip(skipped);
      const node = parseSearchExpression(
        `tags=${JSON.stringify(INJECTION)} OR context.color:${JSON.stringify(INJECTION)}`,
      );
      const query = db
        .selectFrom('assets')
        .select('asset_id')
        .where(compileSearch(node, CATALOG_SEARCH_COLUMNS, { dialect, now: NOW }));
      const compiled = query.compile();
      assert.notInclude(compiled.sql, 'DROP');
      assert.include(compiled.parameters, INJECTION);
      const expected = ASSETS.filter((a) => a.tags.includes(INJECTION)).length;
      assert.isAbove(expected, 0);
      assert.lengthOf(await query.where('cloud', '=', CLOUD).execute(), expected);
      const count = await db
        .selectFrom('assets')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.strictEqual(Number(count.n), ASSETS.length + OTHER_CLOUD.length);
    });

    const SORTS: SortKey[][] = [
      [{ field: 'created_at', direction: 'desc' }],
      [{ field: 'public_id', direction: 'asc' }],
      [
        { field: 'format', direction: 'asc' },
        { field: 'uploaded_at', direction: 'desc' },
      ],
      [{ field: 'width', direction: 'desc' }],
      [
        { field: 'duration', direction: 'asc' },
        { field: 'bytes', direction: 'desc' },
      ],
      [{ field: 'folder', direction: 'desc' }],
    ];

    for (const sortBy of SORTS) {
      const label = sortBy.map((k) => `${k.field} ${k.direction}`).join(', ');
      it(`pages through every match exactly once, in order, sorted by ${label}`, async (t) => {
        if (skipped) return t.skip(skipped);
        for (const [expression, pageSize] of [
          ['', 7],
          ['resource_type:image', 50],
          ['tags:shoe OR width>500', 13],
        ] as const) {
          const node = parseSearchExpression(expression);
          const matching = ASSETS.filter((a) => evaluate(node, a));
          const expected = sortedOracle(matching, sortBy);
          const seen: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const body = {
              expression,
              sort_by: sortBy.map((k) => ({ [k.field]: k.direction })),
              max_results: pageSize,
              ...(cursor ? { next_cursor: cursor } : {}),
            };
            const result = await search(body);
            assert.strictEqual(result.totalCount, matching.length);
            assert.isAtMost(result.hits.length, pageSize);
            seen.push(...result.hits.map((hit) => hit.row.asset_id));
            // The same request gives the same cursor: clients can retry a page.
            assert.strictEqual((await search(body)).nextCursor, result.nextCursor);
            cursor = result.nextCursor;
            assert.isBelow(++pages, 1000);
          } while (cursor);
          assert.deepEqual(seen, expected, `${expression} sorted by ${label}`);
          assert.strictEqual(pages, Math.max(1, Math.ceil(expected.length / pageSize)));
        }
      });
    }

    it('counts aggregations over every match, not only the page', async (t) => {
      if (skipped) return t.skip(skipped);
      for (const expression of [
        '',
        'tags:shoe OR width>500',
        'NOT resource_type:image',
        'tags="no such tag"',
      ]) {
        const node = parseSearchExpression(expression);
        const matching = ASSETS.filter((a) => evaluate(node, a));
        const result = await search({
          expression,
          max_results: 3,
          aggregate: ['format', 'resource_type', 'type'],
        });
        assert.strictEqual(result.totalCount, matching.length);
        for (const field of ['format', 'resource_type', 'type'] as const) {
          const expected: Record<string, number> = {};
          for (const a of matching) expected[a[field]] = (expected[a[field]] ?? 0) + 1;
          assert.deepEqual(result.aggregations[field], expected, `${field} of ${expression}`);
        }
      }
    });

    it('answers max_results 0 with counts only', async (t) => {
      if (skipped) return t.skip(skipped);
      const result = await search({
        expression: 'resource_type:video',
        max_results: 0,
        aggregate: ['format'],
      });
      const videos = ASSETS.filter((a) => a.resource_type === 'video');
      assert.strictEqual(result.totalCount, videos.length);
      assert.lengthOf(result.hits, 0);
      assert.isUndefined(result.nextCursor);
      assert.strictEqual(
        Object.values(result.aggregations.format ?? {}).reduce((sum, n) => sum + n, 0),
        videos.length,
      );
    });

    it('returns tags with the rows when with_field asks for them', async (t) => {
      if (skipped) return t.skip(skipped);
      const result = await search({ expression: 'tags:*', max_results: 500, with_field: ['tags'] });
      const byId = new Map(ASSETS.map((a) => [a.asset_id, a]));
      assert.isAbove(result.hits.length, 0);
      for (const hit of result.hits)
        assert.sameMembers([...(hit.tags ?? [])], [...(byId.get(hit.row.asset_id)?.tags ?? [])]);
      const without = await search({ expression: 'tags:*', max_results: 5 });
      assert.isUndefined(without.hits[0]?.tags);
    });

    it('refuses cursors it did not issue for this sort', async (t) => {
      if (skipped) return t.skip(skipped);
      const first = await search({ max_results: 5 });
      assert.isString(first.nextCursor);
      for (const body of [
        { next_cursor: 'garbage!' },
        { next_cursor: Buffer.from('[1,2,3]').toString('base64url') },
        { next_cursor: first.nextCursor, sort_by: [{ public_id: 'asc' }] },
      ]) {
        try {
          await search(body);
          assert.fail(`accepted ${JSON.stringify(body)}`);
        } catch (error) {
          assert.instanceOf(error, ServiceError);
          assert.strictEqual((error as ServiceError).status, 400);
          assert.match((error as ServiceError).message, /Invalid next_cursor/);
        }
      }
    });
  });
}

suite('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kumo-search-'));
  const database = new Database(path.join(dir, 'catalog.sqlite'));
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<CatalogSchema>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    async close() {
      await db.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

suite('postgres', async () => {
  const server = startPostgres();
  if (typeof server === 'string') return `Postgres not available: ${server}`;
  const db = new Kysely<CatalogSchema>({ dialect: new PostgresDialect({ pool: server.pool }) });
  return {
    db,
    async close() {
      await db.destroy().catch(() => undefined);
      await server.stop();
    },
  };
});
