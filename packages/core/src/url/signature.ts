import type { SignatureAlgorithm } from '../signing/digest.js';
import { timingSafeEqual, toBase64Url } from '../signing/digest.js';
import { digestSync } from '../signing/sha-sync.js';
import type { DeliverySigningOptions } from './options.js';

/**
 * The signature characters of a delivery URL (without `s--`/`--`): URL-safe base64 of
 * hash(`toSign` + secret), cut to 8 characters, or 32 of SHA-256 for the long form. `toSign` is the
 * transformation and the escaped public id with extension, joined by `/` (no version, no suffix).
 */
export function signDeliveryPath(toSign: string, signing: DeliverySigningOptions): string {
  const algorithm: SignatureAlgorithm = signing.long ? 'sha256' : (signing.algorithm ?? 'sha1');
  const length = signing.long ? 32 : 8;
  return toBase64Url(digestSync(algorithm, toSign + signing.secret)).slice(0, length);
}

/** Constant-time check of a delivery signature against the one `signDeliveryPath` computes. */
export function deliverySignatureMatches(
  toSign: string,
  signature: string,
  secret: string,
  algorithm: SignatureAlgorithm = 'sha1',
): boolean {
  const long = signature.length === 32;
  if (!long && signature.length !== 8) return false;
  return timingSafeEqual(signDeliveryPath(toSign, { secret, algorithm, long }), signature);
}
