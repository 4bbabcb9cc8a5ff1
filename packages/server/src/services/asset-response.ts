import { type Asset, folderOf } from '../catalog/asset.js';

/** One eager (derived) version as upload and explicit responses list it. */
export interface EagerEntry {
  readonly transformation: string;
  readonly format?: string;
}

/** Path of an asset on this server's delivery routes, with an optional transformation. */
export function deliveryPath(asset: Asset, transformation?: string, format?: string): string {
  const id = asset.publicId.split('/').map(encodeURIComponent).join('/');
  const extension = format ?? asset.format;
  const suffix = asset.resourceType === 'raw' || !extension ? '' : `.${extension}`;
  const tx = transformation ? `${transformation}/` : '';
  return `/${asset.cloud}/${asset.resourceType}/${asset.type}/${tx}v${asset.version}/${id}${suffix}`;
}

/** Cloudinary reports times to the second, in UTC with a `Z`. */
export function cloudinaryTime(iso: string): string {
  return `${iso.slice(0, 19)}Z`;
}

/**
 * The fields every listing shows for an asset (Admin API resource lists and search results).
 * `secure_url` equals `url`: it is https exactly when this server is reached over https.
 */
export function resourceSummary(
  asset: Asset,
  baseUrl: string,
  options: { tags?: boolean; context?: boolean } = {},
) {
  const url = baseUrl + deliveryPath(asset);
  return {
    asset_id: asset.assetId,
    public_id: asset.publicId,
    format: asset.format,
    version: asset.version,
    resource_type: asset.resourceType,
    type: asset.type,
    created_at: cloudinaryTime(asset.createdAt),
    bytes: asset.bytes,
    ...dimensions(asset),
    asset_folder: folderOf(asset.publicId),
    display_name: asset.displayName,
    url,
    secure_url: url,
    ...(options.tags ? { tags: [...asset.tags] } : {}),
    ...(options.context && Object.keys(asset.context).length
      ? { context: { custom: { ...asset.context } } }
      : {}),
  };
}

/** The Upload API response for an asset (upload, explicit, rename). */
export function uploadResponse(
  asset: Asset,
  baseUrl: string,
  extra: {
    signature: string;
    apiKey?: string;
    eager?: readonly EagerEntry[];
    eagerAsync?: boolean;
    existing?: boolean;
    overwritten?: boolean;
  },
) {
  const url = baseUrl + deliveryPath(asset);
  const response: Record<string, unknown> = {
    asset_id: asset.assetId,
    public_id: asset.publicId,
    version: asset.version,
    version_id: asset.versionId,
    signature: extra.signature,
    ...dimensions(asset),
    ...(asset.resourceType === 'raw' ? {} : { format: asset.format }),
    resource_type: asset.resourceType,
    created_at: cloudinaryTime(asset.createdAt),
    tags: [...asset.tags],
    ...(asset.pages !== undefined ? { pages: asset.pages } : {}),
    bytes: asset.bytes,
    type: asset.type,
    etag: asset.etag,
    placeholder: asset.placeholder,
    url,
    secure_url: url,
    asset_folder: folderOf(asset.publicId),
    display_name: asset.displayName,
  };
  if (Object.keys(asset.context).length) response.context = { custom: { ...asset.context } };
  if (extra.existing !== undefined) response.existing = extra.existing;
  if (extra.overwritten) response.overwritten = true;
  response.original_filename = asset.originalFilename;
  if (asset.resourceType === 'video') Object.assign(response, videoFields(asset, baseUrl));
  if (extra.eager?.length) {
    response.eager = extra.eager.map((entry) => {
      const eagerUrl = baseUrl + deliveryPath(asset, entry.transformation, entry.format);
      const base = {
        transformation: entry.transformation + (entry.format ? `/${entry.format}` : ''),
        url: eagerUrl,
        secure_url: eagerUrl,
      };
      return extra.eagerAsync ? { status: 'processing', batch_id: asset.versionId, ...base } : base;
    });
  }
  if (extra.apiKey) response.api_key = extra.apiKey;
  return response;
}

function dimensions(asset: Asset) {
  return asset.width !== undefined && asset.height !== undefined
    ? { width: asset.width, height: asset.height }
    : {};
}

function videoFields(asset: Asset, baseUrl: string) {
  const fields: Record<string, unknown> = {};
  const playback = { ...asset, format: 'm3u8' };
  fields.playback_url = baseUrl + deliveryPath(playback, 'sp_auto');
  if (asset.duration !== undefined) fields.duration = asset.duration;
  for (const key of ['frame_rate', 'bit_rate', 'nb_frames', 'rotation', 'is_audio', 'video', 'audio']) {
    if (asset.media[key] !== undefined) fields[key] = asset.media[key];
  }
  return fields;
}
