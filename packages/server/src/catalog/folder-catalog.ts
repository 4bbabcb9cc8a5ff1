import { type Kysely, sql, type Transaction } from 'kysely';
import type { CatalogSchema } from './schema.js';
import { startsWith } from './sql-conditions.js';

/** Folders of a cloud: created explicitly or implicitly by uploads into them. */
export class FolderCatalog {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  /** Direct children of `parent` ('' for the root), sorted by path. */
  async children(cloud: string, parent: string): Promise<string[]> {
    let select = this.db.selectFrom('folders').select('path').where('cloud', '=', cloud);
    if (parent) select = select.where(startsWith('path', `${parent}/`));
    const rows = await select.orderBy('path').execute();
    const depth = parent ? parent.split('/').length + 1 : 1;
    return rows.map((row) => row.path).filter((path) => path.split('/').length === depth);
  }

  /** Every folder of a cloud with its creation time, sorted by path. */
  async all(cloud: string): Promise<{ path: string; createdAt: string }[]> {
    const rows = await this.db
      .selectFrom('folders')
      .select(['path', 'created_at'])
      .where('cloud', '=', cloud)
      .orderBy('path')
      .execute();
    return rows.map((row) => ({ path: row.path, createdAt: row.created_at }));
  }

  async exists(cloud: string, path: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('folders')
      .select('path')
      .where('cloud', '=', cloud)
      .where('path', '=', path)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Creates the folder and its missing ancestors; returns false when it already existed. */
  async create(cloud: string, path: string, now: string): Promise<boolean> {
    if (await this.exists(cloud, path)) return false;
    await ensureFolders(this.db, cloud, path, now);
    return true;
  }

  /**
   * Deletes an empty folder with its (empty) sub-folders. Returns the deleted paths, `missing`, or
   * `not-empty` when any asset lives in it or below it.
   */
  async delete(cloud: string, path: string): Promise<string[] | 'missing' | 'not-empty'> {
    return this.db.transaction().execute(async (trx) => {
      const folders = await trx
        .selectFrom('folders')
        .select('path')
        .where('cloud', '=', cloud)
        .where((eb) => eb.or([eb('path', '=', path), startsWith('path', `${path}/`)]))
        .orderBy('path')
        .execute();
      if (!folders.some((row) => row.path === path)) return 'missing' as const;
      const asset = await trx
        .selectFrom('assets')
        .select('asset_id')
        .where('cloud', '=', cloud)
        .where((eb) => eb.or([eb('folder', '=', path), startsWith('folder', `${path}/`)]))
        .limit(1)
        .executeTakeFirst();
      if (asset) return 'not-empty' as const;
      const paths = folders.map((row) => row.path);
      await trx.deleteFrom('folders').where('cloud', '=', cloud).where('path', 'in', paths).execute();
      return paths;
    });
  }

  /**
   * Renames a folder with its sub-folders and moves every asset below it: in fixed-folder mode the
   * folder is part of the public id, so the public ids change and the blobs (keyed by asset id) stay.
   */
  async rename(
    cloud: string,
    from: string,
    to: string,
    now: string,
  ): Promise<{ status: 'renamed'; assets: number } | { status: 'missing' | 'exists' | 'conflict' }> {
    return this.db.transaction().execute(async (trx) => {
      const inFolder = (column: 'path' | 'folder') =>
        sql<boolean>`(${sql.ref(column)} = ${from} or ${startsWith(column, `${from}/`)})`;
      if (
        !(await trx
          .selectFrom('folders')
          .select('path')
          .where('cloud', '=', cloud)
          .where('path', '=', from)
          .executeTakeFirst())
      )
        return { status: 'missing' as const };
      if (
        await trx
          .selectFrom('folders')
          .select('path')
          .where('cloud', '=', cloud)
          .where('path', '=', to)
          .executeTakeFirst()
      )
        return { status: 'exists' as const };
      // substr counts characters in both dialects, as startsWith does.
      const cut = [...from].length + 1;
      const moved = (column: 'public_id' | 'folder' | 'path') =>
        sql<string>`${to} || substr(${sql.ref(column)}, ${cut})`;
      const clash = await trx
        .selectFrom('assets as moving')
        .innerJoin('assets as other', (join) =>
          join
            .onRef('other.cloud', '=', 'moving.cloud')
            .onRef('other.resource_type', '=', 'moving.resource_type')
            .onRef('other.type', '=', 'moving.type')
            .on(
              sql<boolean>`${sql.ref('other.public_id')} = ${to} || substr(${sql.ref('moving.public_id')}, ${cut})`,
            ),
        )
        .select('moving.asset_id')
        .where('moving.cloud', '=', cloud)
        .where(
          sql<boolean>`(${sql.ref('moving.folder')} = ${from} or ${startsWith('moving.folder', `${from}/`)})`,
        )
        .limit(1)
        .executeTakeFirst();
      if (clash) return { status: 'conflict' as const };
      const result = await trx
        .updateTable('assets')
        .set({ public_id: moved('public_id'), folder: moved('folder') })
        .where('cloud', '=', cloud)
        .where(inFolder('folder'))
        .executeTakeFirst();
      await trx
        .updateTable('folders')
        .set({ path: moved('path') })
        .where('cloud', '=', cloud)
        .where(inFolder('path'))
        .execute();
      await ensureFolders(trx, cloud, to.includes('/') ? to.slice(0, to.lastIndexOf('/')) : '', now);
      return { status: 'renamed' as const, assets: Number(result.numUpdatedRows) };
    });
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
