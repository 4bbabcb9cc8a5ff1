import type { Kysely } from 'kysely';
import type { CatalogSchema } from './schema.js';

/** An upload preset: defaults and controls applied to uploads that name it. */
export interface UploadPreset {
  readonly name: string;
  readonly unsigned: boolean;
  /** Upload parameters (folder, tags, allowed_formats…) and preset controls, as Cloudinary stores them. */
  readonly settings: Readonly<Record<string, unknown>>;
}

export class PresetCatalog {
  constructor(private readonly db: Kysely<CatalogSchema>) {}

  async get(cloud: string, name: string): Promise<UploadPreset | undefined> {
    const row = await this.db
      .selectFrom('upload_presets')
      .selectAll()
      .where('cloud', '=', cloud)
      .where('name', '=', name)
      .executeTakeFirst();
    return row ? presetFromRow(row) : undefined;
  }

  async list(
    cloud: string,
    maxResults: number,
    after?: string,
  ): Promise<{ presets: UploadPreset[]; more: boolean }> {
    let select = this.db.selectFrom('upload_presets').selectAll().where('cloud', '=', cloud);
    if (after !== undefined) select = select.where('name', '>', after);
    const rows = await select
      .orderBy('name')
      .limit(maxResults + 1)
      .execute();
    return {
      presets: rows.slice(0, maxResults).map(presetFromRow),
      more: rows.length > maxResults,
    };
  }

  /** Returns false when a preset of that name exists. */
  async create(cloud: string, preset: UploadPreset, now: string): Promise<boolean> {
    if (await this.get(cloud, preset.name)) return false;
    await this.db
      .insertInto('upload_presets')
      .values({
        cloud,
        name: preset.name,
        unsigned: preset.unsigned ? 1 : 0,
        settings: JSON.stringify(preset.settings),
        created_at: now,
      })
      .execute();
    return true;
  }

  /** Returns false when there is no such preset. */
  async update(cloud: string, preset: UploadPreset): Promise<boolean> {
    const result = await this.db
      .updateTable('upload_presets')
      .set({ unsigned: preset.unsigned ? 1 : 0, settings: JSON.stringify(preset.settings) })
      .where('cloud', '=', cloud)
      .where('name', '=', preset.name)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(cloud: string, name: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('upload_presets')
      .where('cloud', '=', cloud)
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function presetFromRow(row: { name: string; unsigned: number; settings: string }): UploadPreset {
  return { name: row.name, unsigned: row.unsigned === 1, settings: JSON.parse(row.settings) };
}
