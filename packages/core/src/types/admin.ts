import type { AccessControlRule, AssetContext, DeliveryType, ResourceType } from './common.js';

/** One derived version of an asset, as the resource-details call lists them. */
export interface DerivedResource {
  transformation: string;
  format: string;
  bytes: number;
  id: string;
  url: string;
  secure_url: string;
}

/** An asset as the Admin API lists it. */
export interface Resource {
  asset_id: string;
  public_id: string;
  format?: string;
  version: number;
  version_id?: string;
  resource_type: ResourceType;
  type: DeliveryType;
  created_at: string;
  uploaded_at?: string;
  bytes: number;
  width?: number;
  height?: number;
  aspect_ratio?: number;
  pixels?: number;
  pages?: number;
  duration?: number;
  asset_folder?: string;
  folder?: string;
  display_name?: string;
  filename?: string;
  url: string;
  secure_url: string;
  etag?: string;
  placeholder?: boolean;
  status?: 'active' | 'pending' | 'deleted' | (string & {});
  access_mode?: 'public' | 'authenticated';
  access_control?: AccessControlRule[] | null;
  backup_bytes?: number;
  /** Present when listed with `tags=true` (or always on a single resource). */
  tags?: string[];
  context?: AssetContext;
  metadata?: Record<string, unknown>;
  playback_url?: string;
  created_by?: Record<string, unknown>;
  uploaded_by?: Record<string, unknown>;
}

/** A single asset with its derived list (`GET /resources/:rt/:type/:public_id`). */
export interface ResourceDetails extends Resource {
  derived?: DerivedResource[];
  /** Cursor for the next page of `derived`. */
  next_cursor?: string;
  image_metadata?: Record<string, string>;
  colors?: [string, number][];
  faces?: number[][];
  phash?: string;
  last_updated?: Record<string, string>;
}

/** A page of assets; `next_cursor` is present only when more exist. */
export interface ResourceList {
  resources: Resource[];
  next_cursor?: string;
}

/** Response to deleting resources; `partial` with `next_cursor` when more remain. */
export interface DeleteResourcesResponse {
  deleted: Record<string, 'deleted' | 'not_found' | (string & {})>;
  deleted_counts?: Record<string, { original: number; derived: number }>;
  partial: boolean;
  next_cursor?: string;
}

/** A page of tag names. */
export interface TagsResponse {
  tags: string[];
  next_cursor?: string;
}

/** One folder. */
export interface Folder {
  name: string;
  path: string;
  external_id?: string;
}

/** A page of folders (`next_cursor` is `null` at the end). */
export interface FoldersResponse {
  folders: Folder[];
  next_cursor: string | null;
  total_count: number;
}

/** Response to creating a folder. */
export interface CreateFolderResponse {
  success: boolean;
  path: string;
  name: string;
  external_id?: string;
}

/** Response to deleting a folder. */
export interface DeleteFolderResponse {
  deleted: string[];
}

/** Body of `POST /resources/search`. */
export interface SearchParams {
  expression?: string;
  sort_by?: Record<string, 'asc' | 'desc'>[];
  max_results?: number;
  next_cursor?: string;
  aggregate?: (string | Record<string, unknown>)[];
  with_field?: string[];
  fields?: string | string[];
}

/** Response of `POST /resources/search`. */
export interface SearchResponse {
  total_count: number;
  /** Milliseconds the search took. */
  time: number;
  resources: Resource[];
  next_cursor?: string;
  aggregations?: Record<string, unknown>;
}

/** Admin API rate-limit figures, copied from the `X-FeatureRateLimit-*` response headers when present. */
export interface RateLimitInfo {
  rate_limit_allowed?: number;
  rate_limit_remaining?: number;
  /** RFC 1123 date, e.g. `Sat, 01 Apr 2017 22:00:00 GMT`. */
  rate_limit_reset_at?: string;
}
