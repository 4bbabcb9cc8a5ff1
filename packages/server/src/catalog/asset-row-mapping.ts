import { type Asset, type CustomRegion, folderOf, type ResourceType } from './asset.js';
import type { AssetRow, NewAssetRow } from './schema.js';

/** The `assets` row of an asset; its tags live in `asset_tags`. */
export function toRow(asset: Asset): NewAssetRow {
  return {
    asset_id: asset.assetId,
    cloud: asset.cloud,
    resource_type: asset.resourceType,
    type: asset.type,
    public_id: asset.publicId,
    folder: folderOf(asset.publicId),
    filename: lastSegment(asset.publicId),
    format: asset.format,
    version: asset.version,
    version_id: asset.versionId,
    bytes: asset.bytes,
    width: asset.width ?? null,
    height: asset.height ?? null,
    pages: asset.pages ?? null,
    duration: asset.duration ?? null,
    media: Object.keys(asset.media).length ? JSON.stringify(asset.media) : null,
    context: Object.keys(asset.context).length ? JSON.stringify(asset.context) : null,
    custom_coordinates: regionsText(asset.customCoordinates),
    etag: asset.etag,
    original_filename: asset.originalFilename,
    display_name: asset.displayName,
    storage_key: asset.storageKey,
    placeholder: asset.placeholder ? 1 : 0,
    api_key: asset.apiKey ?? null,
    created_at: asset.createdAt,
    uploaded_at: asset.uploadedAt,
  };
}

/** Maps a catalog row (and its tags) to the services' Asset. */
export function assetFromRow(row: AssetRow, tags: readonly string[]): Asset {
  return {
    assetId: row.asset_id,
    cloud: row.cloud,
    resourceType: row.resource_type as ResourceType,
    type: row.type,
    publicId: row.public_id,
    format: row.format,
    version: Number(row.version),
    versionId: row.version_id,
    bytes: Number(row.bytes),
    width: row.width ?? undefined,
    height: row.height ?? undefined,
    pages: row.pages ?? undefined,
    duration: row.duration ?? undefined,
    media: row.media ? (JSON.parse(row.media) as Record<string, unknown>) : {},
    context: row.context ? (JSON.parse(row.context) as Record<string, string>) : {},
    ...(row.custom_coordinates ? { customCoordinates: regionsOfText(row.custom_coordinates) } : {}),
    tags,
    etag: row.etag,
    originalFilename: row.original_filename,
    displayName: row.display_name,
    storageKey: row.storage_key,
    placeholder: row.placeholder === 1,
    apiKey: row.api_key ?? undefined,
    createdAt: row.created_at,
    uploadedAt: row.uploaded_at,
  };
}

/** The `custom_coordinates` column: `x,y,w,h` regions joined by `|`, or null for none. */
export function regionsText(regions: readonly CustomRegion[] | undefined): string | null {
  return regions?.length ? regions.map((region) => region.join(',')).join('|') : null;
}

function regionsOfText(text: string): CustomRegion[] {
  return text.split('|').map((region) => {
    const [x = 0, y = 0, width = 0, height = 0] = region.split(',').map(Number);
    return [x, y, width, height] as const;
  });
}

/** The `filename` column: the public id after its folder. */
export function lastSegment(publicId: string): string {
  return publicId.slice(publicId.lastIndexOf('/') + 1);
}
