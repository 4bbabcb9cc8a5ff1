import { buildUrl, type KnownDeliveryType, type UploadResponse } from '@kumo/core';

/** Side of the completed view's thumbnails, in CSS pixels; URLs ask for twice that for sharp screens. */
export const THUMBNAIL_SIZE = 80;

/**
 * The delivery URL of an uploaded asset's thumbnail: a 160-pixel square fill for images, the first
 * frame as a JPEG for videos; undefined for raw files (they show an icon).
 */
export function thumbnailUrl(
  info: Pick<UploadResponse, 'public_id' | 'resource_type' | 'version' | 'format' | 'type'>,
  delivery: { readonly cloudName: string; readonly baseUrl: string },
): string | undefined {
  const common = {
    cloudName: delivery.cloudName,
    baseUrl: delivery.baseUrl,
    version: info.version,
    type: (info.type || 'upload') as KnownDeliveryType,
  };
  if (info.resource_type === 'image') {
    return buildUrl(info.public_id, {
      ...common,
      resourceType: 'image',
      format: info.format,
      transformation: 'c_fill,w_160,h_160',
    });
  }
  if (info.resource_type === 'video') {
    return buildUrl(info.public_id, {
      ...common,
      resourceType: 'video',
      format: 'jpg',
      transformation: 'so_0/c_fill,w_160,h_160',
    });
  }
  return undefined;
}
