import type { AccessControlRule, AssetContext, DeliveryType, ResourceType } from './common.js';

/** One eager derivative in an upload/explicit response (`status`/`batch_id` when generated asynchronously). */
export interface EagerResult {
  transformation: string;
  width?: number;
  height?: number;
  bytes?: number;
  format?: string;
  url: string;
  secure_url: string;
  status?: 'processing' | (string & {});
  batch_id?: string;
}

/** Video stream details of a video upload. */
export interface VideoStreamInfo {
  pix_format?: string;
  codec?: string;
  level?: number;
  profile?: string;
  bit_rate?: string | number;
  dar?: string;
  time_base?: string;
}

/** Audio stream details of a video/audio upload. */
export interface AudioStreamInfo {
  codec?: string;
  bit_rate?: string | number;
  frequency?: number;
  channels?: number;
  channel_layout?: string;
}

/** JSON of a successful upload, explicit or rename call, with Cloudinary's field names and types. */
export interface UploadResponse {
  asset_id: string;
  public_id: string;
  version: number;
  version_id?: string;
  /** `hex(SHA(public_id=…&version=… + secret))`, see `verifyResponseSignature`. */
  signature: string;
  width?: number;
  height?: number;
  format?: string;
  resource_type: ResourceType;
  /** ISO-8601 UTC, e.g. `2024-06-25T09:25:44Z`. */
  created_at: string;
  tags: string[];
  pages?: number;
  bytes: number;
  type: DeliveryType;
  etag?: string;
  placeholder?: boolean;
  url: string;
  secure_url: string;
  /** Media-library folder (dynamic folders); may be `""`. */
  asset_folder?: string;
  /** Folder part of the public id (fixed folders). */
  folder?: string;
  display_name?: string;
  original_filename?: string;
  original_extension?: string;
  api_key?: string;
  context?: AssetContext;
  metadata?: Record<string, unknown>;
  eager?: EagerResult[];
  overwritten?: boolean;
  existing?: boolean;
  delete_token?: string;
  access_mode?: 'public' | 'authenticated';
  access_control?: AccessControlRule[];
  faces?: number[][];
  coordinates?: { faces?: number[][]; custom?: number[][] };
  colors?: [string, number][];
  predominant?: Record<string, [string, number][]>;
  phash?: string;
  image_metadata?: Record<string, string>;
  media_metadata?: Record<string, unknown>;
  info?: Record<string, unknown>;
  moderation?: unknown[];
  moderation_status?: string;
  /** Video: HLS stream of the asset (`…/sp_auto/v<version>/<id>.m3u8`). */
  playback_url?: string;
  /** Video/audio length in seconds. */
  duration?: number;
  frame_rate?: number;
  bit_rate?: number;
  nb_frames?: number;
  rotation?: number;
  is_audio?: boolean;
  video?: VideoStreamInfo;
  audio?: AudioStreamInfo;
}

/** Response to an upload sent with `async=true`. */
export interface AsyncUploadResponse {
  status: 'pending';
  batch_id: string;
  type: DeliveryType;
  resource_type?: ResourceType;
  public_id?: string;
}

/** Response to a non-final chunk of a chunked upload. */
export interface ChunkUploadResponse {
  done: false;
  /** Bytes received so far. */
  bytes: number;
  kind?: DeliveryType;
  resource_type?: ResourceType;
  public_id?: string;
}

/** Response to `destroy`. */
export interface DestroyResponse {
  result: 'ok' | 'not found' | (string & {});
}

/** Response to the bulk `tags` and `context` commands. */
export interface PublicIdsResponse {
  public_ids: string[];
}
