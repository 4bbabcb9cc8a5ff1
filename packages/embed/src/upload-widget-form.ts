/**
 * What Cloudinary's widget loader did around a form: each successful upload adds a hidden input
 * (so a plain form post carries the result) and, optionally, a thumbnail to a list. The class
 * names and data attributes are Cloudinary's, so existing page CSS and server code keep working.
 */
import type { UploadResponse } from '@kumo/core';
import type { ElementTarget } from './upload-widget-options.js';
import { addDeleteControl, type ThumbnailDeletion } from './upload-widget-thumbnail-delete.js';

/** Cloudinary's default thumbnail size. */
export const DEFAULT_THUMBNAIL_TRANSFORMATION = 'c_limit,h_60,w_90';

/** The element a selector or element names, or null. */
export function resolveTarget(target: ElementTarget | undefined | false): Element | null {
  if (!target) return null;
  return typeof target === 'string' ? document.querySelector(target) : target;
}

/**
 * The hidden input's value: `{resource_type}/{type}/v{version}/{public_id}.{format}#{signature}`,
 * the preloaded-file form Cloudinary's server SDKs verify (`PreloadedFile`).
 */
export function preloadedFileValue(info: UploadResponse): string {
  const file = info.format ? `${info.public_id}.${info.format}` : info.public_id;
  return `${info.resource_type}/${info.type}/v${info.version}/${file}#${info.signature}`;
}

/**
 * A thumbnail URL for an upload: its delivery URL with `transformation` inserted after
 * `/{resource_type}/{type}/`; videos get the `.jpg` frame. Undefined for raw files.
 */
export function thumbnailUrl(info: UploadResponse, transformation: string): string | undefined {
  if (info.resource_type === 'raw') return undefined;
  const url = info.secure_url || info.url;
  const marker = `/${info.resource_type}/${info.type}/`;
  const at = url.indexOf(marker);
  if (at < 0) return undefined;
  const head = url.slice(0, at + marker.length);
  let tail = url.slice(at + marker.length);
  if (info.resource_type === 'video') tail = tail.replace(/\.[^./]+$/, '.jpg');
  return transformation ? `${head}${transformation}/${tail}` : head + tail;
}

/** Appends the hidden input for `info` to `form`. */
export function addHiddenInput(form: Element, fieldName: string, info: UploadResponse): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = fieldName;
  input.value = preloadedFileValue(info);
  input.dataset['cloudinaryPublicId'] = info.public_id;
  input.dataset['cloudinary'] = JSON.stringify(info);
  form.append(input);
  return input;
}

/**
 * Adds a thumbnail of `info` to the `ul.cloudinary-thumbnails` inside `container` (made on first
 * use), with a delete button when the upload returned a `delete_token` and `deletion` says where.
 */
export function addThumbnail(
  container: Element,
  info: UploadResponse,
  transformation: string,
  deletion?: ThumbnailDeletion,
): HTMLLIElement {
  let list = container.querySelector(':scope > ul.cloudinary-thumbnails');
  if (!list) {
    list = document.createElement('ul');
    list.className = 'cloudinary-thumbnails';
    container.append(list);
  }
  const item = document.createElement('li');
  item.className = 'cloudinary-thumbnail active';
  item.dataset['cloudinary'] = JSON.stringify(info);
  const src = thumbnailUrl(info, transformation);
  const name = info.original_filename ?? info.public_id;
  if (src) {
    const image = document.createElement('img');
    image.src = src;
    image.alt = name;
    item.append(image);
  } else {
    item.textContent = name;
  }
  const token = info.delete_token;
  if (deletion && token) addDeleteControl(container, item, { ...info, delete_token: token }, deletion);
  list.append(item);
  return item;
}
