import type { Insertable, Selectable } from 'kysely';

/** Tables of the catalog, shared by the SQLite and Postgres dialects (JSON kept as text). */
export interface CatalogSchema {
  assets: AssetTable;
  asset_tags: AssetTagTable;
  folders: FolderTable;
  upload_presets: UploadPresetTable;
  webhook_deliveries: WebhookDeliveryTable;
  named_transformations: NamedTransformationTable;
  derived_assets: DerivedAssetTable;
}

export interface AssetTable {
  asset_id: string;
  cloud: string;
  resource_type: string;
  type: string;
  public_id: string;
  /** The folder part of the public id ('' at the root); also the asset folder. */
  folder: string;
  /** The last segment of the public id, which search's `filename` field matches. */
  filename: string;
  format: string;
  version: number;
  version_id: string;
  bytes: number;
  width: number | null;
  height: number | null;
  pages: number | null;
  duration: number | null;
  /** JSON: media details (video/audio streams, frame rate…) that have no column of their own. */
  media: string | null;
  /** JSON `{key: value}` of the custom context. */
  context: string | null;
  /** `x,y,w,h` regions joined by `|`, as Cloudinary's `custom_coordinates` parameter writes them. */
  custom_coordinates: string | null;
  etag: string;
  original_filename: string;
  display_name: string;
  storage_key: string;
  placeholder: number;
  api_key: string | null;
  /** ISO-8601 with milliseconds, so it sorts as text. */
  created_at: string;
  uploaded_at: string;
}

export interface AssetTagTable {
  asset_id: string;
  cloud: string;
  tag: string;
  /** The asset's created_at, copied so that listing by tag runs on one index in listing order. */
  created_at: string;
}

export interface FolderTable {
  cloud: string;
  path: string;
  created_at: string;
}

export interface UploadPresetTable {
  cloud: string;
  name: string;
  unsigned: number;
  /** JSON object of upload parameters and preset controls. */
  settings: string;
  created_at: string;
}

export type AssetRow = Selectable<AssetTable>;
export type NewAssetRow = Insertable<AssetTable>;
export type UploadPresetRow = Selectable<UploadPresetTable>;

export interface WebhookDeliveryTable {
  id: string;
  cloud: string;
  url: string;
  /** The exact JSON text that is signed and sent. */
  body: string;
  attempts: number;
  /** `pending` until delivered (row deleted) or given up (`failed`). */
  status: string;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
}

export type WebhookDeliveryRow = Selectable<WebhookDeliveryTable>;

export interface NamedTransformationTable {
  cloud: string;
  /** Without the `t_` prefix URLs use. */
  name: string;
  /** Canonical transformation string. */
  transformation: string;
  allowed_for_strict: number;
  created_at: string;
}

/** A rendered version of an asset (or of a fetched remote image), stored as a blob of its own. */
export interface DerivedAssetTable {
  /** Hash of asset, version, canonical transformation, format and variant: the cache key. */
  id: string;
  /** The asset's id, or `fetch:<hash>` for a fetched remote image. */
  asset_id: string;
  cloud: string;
  /** Canonical transformation string ('' for a plain format conversion). */
  transformation: string;
  /** Requested extension ('' when the URL had none). */
  format: string;
  /** What the request chose for `f_auto`, `dpr_auto` or `w_auto` ('' when none applies). */
  variant: string;
  storage_key: string;
  bytes: number;
  width: number | null;
  height: number | null;
  content_type: string;
  etag: string;
  /** JSON: output format, `vary`, `attachment`, and extras such as HLS details. */
  meta: string | null;
  created_at: string;
}

export type DerivedAssetRow = Selectable<DerivedAssetTable>;
