/** Asset kinds as they appear in URLs and JSON (`auto` is accepted only when uploading). */
export type ResourceType = 'image' | 'video' | 'raw';

/** Resource types an upload request may name in its path. */
export type UploadResourceType = ResourceType | 'auto';

/** Delivery types an asset can be stored with (`fetch` and social types exist only for delivery/explicit). */
export type DeliveryType = 'upload' | 'private' | 'authenticated' | 'asset' | 'fetch' | (string & {});

/** Contextual metadata as responses carry it: `{ custom: { alt: '…' } }`. */
export interface AssetContext {
  custom?: Record<string, string>;
  [key: string]: unknown;
}

/** One access-control rule (`access_control` parameter and field). */
export interface AccessControlRule {
  access_type: 'token' | 'anonymous';
  key?: string;
  start?: string;
  end?: string;
}

/** Cloudinary's error body: `{"error":{"message":"…"}}`. */
export interface ApiErrorBody {
  error: { message: string; http_code?: number; [key: string]: unknown };
}
