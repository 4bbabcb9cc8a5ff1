import { type Params, toWireParams } from '@kumo/core';
import type { CropRect, UploadQueueOptions } from './upload-queue.types.js';

/** Added to every upload, as Cloudinary's widget does, so the server can tell widget uploads apart. */
export const WIDGET_SOURCE = 'uw';

/** `{x: 10.4, y: 20, width: 100, height: 50}` → `10,20,100,50`, Cloudinary's `custom_coordinates`. */
export function customCoordinates(rect: CropRect, scale = 1): string {
  return [rect.x, rect.y, rect.width, rect.height].map((value) => Math.round(value * scale)).join(',');
}

/**
 * The Upload API parameters for one file, in wire form: `extra` first, then the named options (which
 * win), `source=uw`, and `custom_coordinates` when given. Tags are comma-joined and context uses the
 * escaped `key=value|key=value` syntax (both via @kumo/core's wire encoding).
 */
export function uploadParams(
  options: UploadQueueOptions,
  file: { readonly customCoordinates?: string } = {},
): Record<string, string> {
  const params: Params = { ...options.extra };
  const named: Params = {
    upload_preset: options.uploadPreset,
    folder: options.folder,
    tags: options.tags?.length ? options.tags : undefined,
    context: options.context && Object.keys(options.context).length ? options.context : undefined,
    public_id: options.publicId,
    source: WIDGET_SOURCE,
    custom_coordinates: file.customCoordinates,
  };
  for (const [key, value] of Object.entries(named)) {
    if (value !== undefined && value !== '') params[key] = value;
  }
  const wire = toWireParams(params);
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(wire)) flat[key] = Array.isArray(value) ? value.join(',') : value;
  return flat;
}

/** `POST {apiBase}/v1_1/{cloudName}/{resourceType|auto}/upload`; an empty base means the page's origin. */
export function uploadUrl(
  options: Pick<UploadQueueOptions, 'apiBase' | 'cloudName' | 'resourceType'>,
): string {
  const base = (options.apiBase ?? '').replace(/\/+$/, '');
  const cloud = encodeURIComponent(options.cloudName);
  return `${base}/v1_1/${cloud}/${options.resourceType ?? 'auto'}/upload`;
}
