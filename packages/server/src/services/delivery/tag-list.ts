import type { ResourceType } from '../../catalog/asset.js';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import { cloudinaryTime } from '../asset-response.js';

const MAX_LISTED = 1000;

/**
 * `/<cloud>/<resource_type>/list/<tag>.json`: the public (`upload`) assets with a tag, newest first,
 * in the shape Cloudinary's gallery and player read. Private and authenticated assets never appear.
 */
export async function tagList(
  catalog: AssetCatalog,
  cloud: string,
  resourceType: ResourceType,
  tag: string,
): Promise<Buffer> {
  const page = await catalog.list({
    cloud,
    resourceType,
    type: 'upload',
    tag,
    direction: 'desc',
    maxResults: MAX_LISTED,
  });
  let updated = '';
  const resources = page.assets.map((asset) => {
    if (asset.uploadedAt > updated) updated = asset.uploadedAt;
    return {
      public_id: asset.publicId,
      version: asset.version,
      format: asset.format,
      ...(asset.width !== undefined ? { width: asset.width } : {}),
      ...(asset.height !== undefined ? { height: asset.height } : {}),
      type: asset.type,
      created_at: cloudinaryTime(asset.createdAt),
      ...(Object.keys(asset.context).length ? { context: { custom: { ...asset.context } } } : {}),
    };
  });
  return Buffer.from(
    JSON.stringify({ resources, updated_at: cloudinaryTime(updated || new Date().toISOString()) }),
  );
}
