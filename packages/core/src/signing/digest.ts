/** Hash algorithms Kumo signs with, named as Cloudinary's SDKs name them. */
export type SignatureAlgorithm = 'sha1' | 'sha256';

const WEB_CRYPTO_NAMES: Record<SignatureAlgorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256' };

const encoder = new TextEncoder();

/** Digests UTF-8 text (or raw bytes) with Web Crypto, available in browsers, Node 20+ and edge runtimes. */
export async function digest(algorithm: SignatureAlgorithm, input: string | Uint8Array): Promise<Uint8Array> {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  const buffer = await globalThis.crypto.subtle.digest(WEB_CRYPTO_NAMES[algorithm], bytes as BufferSource);
  return new Uint8Array(buffer);
}

/** Lowercase hexadecimal, the form Cloudinary uses for request and notification signatures. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** URL-safe base64 (`+` → `-`, `/` → `_`) with padding, as delivery-URL signatures use before truncation. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * Compares two strings in time that depends only on their lengths, so a signature check does not
 * reveal how many leading characters of a guess were right.
 */
export function timingSafeEqual(a: string, b: string): boolean {
  const length = Math.max(a.length, b.length);
  let diff = a.length ^ b.length;
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}
