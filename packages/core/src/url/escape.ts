import { DeliveryUrlError } from './delivery-url-error.js';

const REMOTE_URL = /^https?:\//i;
const DOUBLE_SLASH = /([^:])\/\//g;
const FETCH_UNSAFE = /[^a-zA-Z0-9_.\-/:]+/g;
const PLAIN_PUBLIC_ID = /^[A-Za-z0-9_.\-/:~!*'()]*$/;
const encoder = new TextEncoder();

/** True when a public id is a remote `http(s)` URL (fetch-style), which is escaped differently. */
export function isRemoteUrl(publicId: string): boolean {
  return REMOTE_URL.test(publicId);
}

/** Collapses `//` that is not part of `scheme://`, as the SDKs do for public ids and transformations. */
export function collapseSlashes(path: string): string {
  return path.includes('//') ? path.replace(DOUBLE_SLASH, '$1/') : path;
}

/**
 * Escapes a stored public id for the URL path. The id may already be percent-encoded (the SDKs
 * decode first, then encode), so `a%20b` and `a b` give the same URL; `/` and `:` stay literal.
 */
export function escapePublicId(publicId: string): string {
  // Characters that decoding and encoding both leave as they are (`/` and `:` are restored anyway).
  if (PLAIN_PUBLIC_ID.test(publicId)) return publicId;
  try {
    return encodeURIComponent(decodeURIComponent(publicId)).replace(/%3A/g, ':').replace(/%2F/g, '/');
  } catch {
    throw new DeliveryUrlError(
      'invalid_public_id',
      `Public id ${JSON.stringify(publicId)} has a malformed percent-escape or unpaired surrogate; write a literal % as %25`,
    );
  }
}

/**
 * Escapes a remote URL (fetch type): everything but letters, digits, `_.-/:` is percent-encoded
 * byte by byte from its UTF-8 form, so `?` and `=` become `%3F` and `%3D`.
 */
export function escapeRemoteUrl(remoteUrl: string): string {
  return remoteUrl.replace(FETCH_UNSAFE, (run) => {
    let out = '';
    for (const byte of encoder.encode(run)) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0');
    return out;
  });
}

/**
 * The official SDK's variant of {@link escapeRemoteUrl}: one escape per UTF-16 code unit, hex not
 * zero-padded (`\n` → `%A`, `é` → `%E9`). Only `url()` compatibility uses it.
 */
export function escapeRemoteUrlAsSdk(remoteUrl: string): string {
  return remoteUrl.replace(FETCH_UNSAFE, (run) => {
    let out = '';
    for (let i = 0; i < run.length; i++) out += '%' + run.charCodeAt(i).toString(16).toUpperCase();
    return out;
  });
}
