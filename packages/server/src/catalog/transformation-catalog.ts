import type { Kysely } from 'kysely';
import type { CatalogSchema } from './schema.js';

/** A named transformation (`t_<name>` in URLs). */
export interface NamedTransformation {
  readonly name: string;
  readonly transformation: string;
  readonly allowedForStrict: boolean;
}

export class TransformationCatalog {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  async get(cloud: string, name: string): Promise<NamedTransformation | undefined> {
    const row = await this.db
      .selectFrom('named_transformations')
      .selectAll()
      .where('cloud', '=', cloud)
      .where('name', '=', name)
      .executeTakeFirst();
    return row
      ? { name: row.name, transformation: row.transformation, allowedForStrict: row.allowed_for_strict === 1 }
      : undefined;
  }

  /** Whether a named transformation with exactly this definition is allowed in strict mode. */
  async isAllowedForStrict(cloud: string, transformation: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('named_transformations')
      .select('name')
      .where('cloud', '=', cloud)
      .where('transformation', '=', transformation)
      .where('allowed_for_strict', '=', 1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async list(
    cloud: string,
    maxResults: number,
    after?: string,
  ): Promise<{ items: NamedTransformation[]; more: boolean }> {
    let select = this.db.selectFrom('named_transformations').selectAll().where('cloud', '=', cloud);
    if (after !== undefined) select = select.where('name', '>', after);
    const rows = await select
      .orderBy('name')
      .limit(maxResults + 1)
      .execute();
    return {
      items: rows.slice(0, maxResults).map((row) => ({
        name: row.name,
        transformation: row.transformation,
        allowedForStrict: row.allowed_for_strict === 1,
      })),
      more: rows.length > maxResults,
    };
  }

  /** Returns false when the name is taken. */
  async create(cloud: string, item: NamedTransformation, now: string): Promise<boolean> {
    if (await this.get(cloud, item.name)) return false;
    await this.db
      .insertInto('named_transformations')
      .values({
        cloud,
        name: item.name,
        transformation: item.transformation,
        allowed_for_strict: item.allowedForStrict ? 1 : 0,
        created_at: now,
      })
      .execute();
    return true;
  }

  async update(cloud: string, item: NamedTransformation): Promise<void> {
    await this.db
      .updateTable('named_transformations')
      .set({ transformation: item.transformation, allowed_for_strict: item.allowedForStrict ? 1 : 0 })
      .where('cloud', '=', cloud)
      .where('name', '=', item.name)
      .execute();
  }

  async delete(cloud: string, name: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('named_transformations')
      .where('cloud', '=', cloud)
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
