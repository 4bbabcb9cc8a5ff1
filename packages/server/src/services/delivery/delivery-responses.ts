import { createHash } from 'node:crypto';
import type { Asset } from '../../catalog/asset.js';
import type { DerivedAsset } from '../../catalog/derived-catalog.js';
import { contentTypeOf } from './content-types.js';
import type { CacheControl, DeliveryResult } from './delivery-types.js';

/** The response for a stored derived asset (with its bytes when they were just rendered). */
export function fromDerived(
  derived: DerivedAsset,
  data: Buffer | undefined,
  source: DeliveryResult['source'],
  cacheControl: CacheControl,
): DeliveryResult {
  return {
    body: data ? { kind: 'bytes', data } : { kind: 'blob', storageKey: derived.storageKey },
    bytes: derived.bytes,
    contentType: derived.contentType,
    ...(derived.meta.outputFormat ? { format: derived.meta.outputFormat } : {}),
    ...(derived.width !== undefined ? { width: derived.width } : {}),
    ...(derived.height !== undefined ? { height: derived.height } : {}),
    etag: derived.etag,
    maxAge: cacheControl.maxAge,
    immutable: cacheControl.immutable,
    vary: derived.meta.vary ?? [],
    ...(derived.meta.attachment ? { attachment: derived.meta.attachment } : {}),
    ...(data ? {} : { derivedId: derived.id }),
    source,
  };
}

/**
 * The response for an original. Raw public ids keep their extension (`captions-en.vtt`), which
 * names the content type; other assets are served as their detected format.
 */
export function fromOriginal(asset: Asset, cacheControl: CacheControl): DeliveryResult {
  let extension = asset.format;
  if (asset.resourceType === 'raw') {
    const dot = asset.publicId.lastIndexOf('.');
    extension = dot >= 0 ? asset.publicId.slice(dot + 1) : '';
  }
  return {
    body: { kind: 'blob', storageKey: asset.storageKey },
    bytes: asset.bytes,
    contentType: contentTypeOf(extension),
    format: asset.format,
    ...(asset.width !== undefined ? { width: asset.width } : {}),
    ...(asset.height !== undefined ? { height: asset.height } : {}),
    etag: asset.etag,
    maxAge: cacheControl.maxAge,
    immutable: cacheControl.immutable,
    vary: [],
    source: 'original',
  };
}

/** A generated JSON document (tag lists), cached briefly since it changes with every upload. */
export function fromGenerated(data: Buffer, maxAge: number): DeliveryResult {
  return {
    body: { kind: 'bytes', data },
    bytes: data.length,
    contentType: 'application/json; charset=utf-8',
    etag: createHash('sha1').update(data).digest('base64url'),
    maxAge,
    immutable: false,
    vary: [],
    source: 'generated',
  };
}
