import type { Kysely } from 'kysely';
import { ensureFolders, startsWith } from './asset-catalog.js';
import type { CatalogSchema } from './schema.js';

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
}
