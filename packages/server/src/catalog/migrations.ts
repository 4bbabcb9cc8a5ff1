import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

/**
 * Schema changes in order. Only portable column types are used so that SQLite and Postgres share
 * every migration; never edit a released migration, add a new one.
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('assets')
        .addColumn('asset_id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('resource_type', 'varchar(16)', (c) => c.notNull())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('public_id', 'text', (c) => c.notNull())
        .addColumn('folder', 'text', (c) => c.notNull())
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('format', 'varchar(32)', (c) => c.notNull())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .addColumn('version_id', 'varchar(32)', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('pages', 'integer')
        .addColumn('duration', 'double precision')
        .addColumn('media', 'text')
        .addColumn('context', 'text')
        .addColumn('etag', 'varchar(64)', (c) => c.notNull())
        .addColumn('original_filename', 'text', (c) => c.notNull())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('placeholder', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('api_key', 'varchar(64)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('assets_identity', ['cloud', 'resource_type', 'type', 'public_id'])
        .execute();
      await db.schema
        .createIndex('assets_listing')
        .on('assets')
        .columns(['cloud', 'resource_type', 'type', 'created_at', 'asset_id'])
        .execute();
      await db.schema.createIndex('assets_folder').on('assets').columns(['cloud', 'folder']).execute();

      await db.schema
        .createTable('asset_tags')
        .addColumn('asset_id', 'varchar(32)', (c) =>
          c.notNull().references('assets.asset_id').onDelete('cascade'),
        )
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('tag', 'varchar(255)', (c) => c.notNull())
        .addPrimaryKeyConstraint('asset_tags_pk', ['asset_id', 'tag'])
        .execute();
      await db.schema.createIndex('asset_tags_by_tag').on('asset_tags').columns(['cloud', 'tag']).execute();

      await db.schema
        .createTable('folders')
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('path', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('folders_pk', ['cloud', 'path'])
        .execute();

      await db.schema
        .createTable('upload_presets')
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('name', 'varchar(255)', (c) => c.notNull())
        .addColumn('unsigned', 'integer', (c) => c.notNull())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('upload_presets_pk', ['cloud', 'name'])
        .execute();
    },
  },
  '0002_webhook_deliveries': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('last_error', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
    },
  },
  '0003_named_transformations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('named_transformations')
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('name', 'varchar(255)', (c) => c.notNull())
        .addColumn('transformation', 'text', (c) => c.notNull())
        .addColumn('allowed_for_strict', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('named_transformations_pk', ['cloud', 'name'])
        .execute();
    },
  },
  '0004_listing_indexes': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('asset_tags')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull().defaultTo(''))
        .execute();
      await sql`update asset_tags set created_at = (select assets.created_at from assets where assets.asset_id = asset_tags.asset_id)`.execute(
        db,
      );
      await db.schema
        .createIndex('asset_tags_listing')
        .on('asset_tags')
        .columns(['cloud', 'tag', 'created_at', 'asset_id'])
        .execute();
      await db.schema
        .createIndex('assets_listing_any_type')
        .on('assets')
        .columns(['cloud', 'resource_type', 'created_at', 'asset_id'])
        .execute();
    },
  },
  '0005_derived_assets': {
    async up(db: Kysely<unknown>) {
      // No foreign key to assets: fetched remote images have derived entries without an asset row.
      await db.schema
        .createTable('derived_assets')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('asset_id', 'varchar(40)', (c) => c.notNull())
        .addColumn('cloud', 'varchar(64)', (c) => c.notNull())
        .addColumn('transformation', 'text', (c) => c.notNull())
        .addColumn('format', 'varchar(32)', (c) => c.notNull())
        .addColumn('variant', 'varchar(128)', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('content_type', 'varchar(128)', (c) => c.notNull())
        .addColumn('etag', 'varchar(64)', (c) => c.notNull())
        .addColumn('meta', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('derived_assets_by_asset')
        .on('derived_assets')
        .columns(['asset_id'])
        .execute();
      await db.schema
        .createIndex('derived_assets_by_key')
        .on('derived_assets')
        .columns(['storage_key'])
        .execute();
    },
  },
  '0006_custom_coordinates': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('assets').addColumn('custom_coordinates', 'text').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the catalog schema up to date; throws with the failing migration's error. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    throw new Error(`Catalog migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
}
