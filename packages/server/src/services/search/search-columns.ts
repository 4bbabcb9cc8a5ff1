import type { DateField, NumberField, StringField } from './search-node.js';

/**
 * Where each search field lives. The parser speaks Cloudinary's field names only; this mapping
 * is the one place that names tables and columns, so a schema change touches nothing else.
 */
export interface SearchColumns {
  /** The assets table, referenced by name from correlated subqueries (do not alias it). */
  readonly table: string;
  /** The asset's key, which the tags table refers to. */
  readonly id: string;
  /** NOT NULL text columns (a NULL would make `NOT field:x` drop the row). */
  readonly strings: Readonly<Record<StringField, string>>;
  readonly numbers: Readonly<Record<NumberField, string>>;
  /** ISO-8601 text with milliseconds, compared as text. */
  readonly dates: Readonly<Record<DateField, string>>;
  /** JSON text of a `{key: value}` object, or NULL. */
  readonly context: string;
  readonly tags: { readonly table: string; readonly assetId: string; readonly tag: string };
  /** The text fields free text is looked for in (tags always are). */
  readonly freeText: readonly StringField[];
}

/** The catalog's schema (packages/server/src/catalog/schema.ts). */
export const CATALOG_SEARCH_COLUMNS: SearchColumns = {
  table: 'assets',
  id: 'asset_id',
  strings: {
    public_id: 'public_id',
    filename: 'filename',
    folder: 'folder',
    resource_type: 'resource_type',
    type: 'type',
    format: 'format',
    asset_id: 'asset_id',
    display_name: 'display_name',
  },
  numbers: { bytes: 'bytes', width: 'width', height: 'height', pages: 'pages', duration: 'duration' },
  dates: { created_at: 'created_at', uploaded_at: 'uploaded_at' },
  context: 'context',
  tags: { table: 'asset_tags', assetId: 'asset_id', tag: 'tag' },
  freeText: ['public_id', 'filename'],
};
