import type { Kysely } from 'kysely';
import type { CatalogSchema } from './schema.js';

/** Totals of a cloud's derived assets, for the Admin API's `usage`. */
export class DerivedUsage {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  async totals(cloud: string): Promise<{ count: number; bytes: number }> {
    const row = await this.db
      .selectFrom('derived_assets')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('count'),
        eb.fn.sum<number | string | null>('bytes').as('bytes'),
      ])
      .where('cloud', '=', cloud)
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), bytes: Number(row.bytes ?? 0) };
  }
}
