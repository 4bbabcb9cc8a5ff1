import { digest, type SignatureAlgorithm, timingSafeEqual, toHex } from './digest.js';

/** Version 2 escapes `&` inside each `key=value` pair as `%26`; version 1 (legacy SDKs) does not. */
export type SignatureVersion = 1 | 2;

/** Thrown when parameters, a secret or an option cannot be signed, instead of a bare TypeError. */
export class SigningInputError extends Error {
  override name = 'SigningInputError';
}

/** Parameters that Cloudinary never signs even though they travel with the request. */
export const UNSIGNED_UPLOAD_PARAMS: readonly string[] = [
  'file',
  'cloud_name',
  'resource_type',
  'api_key',
  'signature',
];

/** Default upload-signature lifetime, as Cloudinary enforces it. */
export const UPLOAD_SIGNATURE_WINDOW_SECONDS = 3600;

/** How far in the future a reported timestamp may lie before it is rejected (clients' clocks drift). */
export const DEFAULT_CLOCK_SKEW_SECONDS = 600;

type Pair = [key: string, value: string];

/** How pairs are ordered: by UTF-16 code unit (deterministic everywhere) or as Node's `localeCompare` orders them. */
export type KeyOrder = 'code-unit' | 'locale';

/** Options of {@link serializeSignedParams}. */
export interface SerializeOptions {
  signatureVersion?: SignatureVersion;
  /** Keys dropped before signing; `[]` suffixes are stripped before this check. */
  exclude?: readonly string[];
  order?: KeyOrder;
}

function wireValue(key: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  if (Array.isArray(value)) {
    return value.map((item) => (item === undefined || item === null ? '' : wireValue(key, item))).join(',');
  }
  throw new SigningInputError(
    `Cannot sign parameter "${key}": a ${typeof value} value has no wire form; serialize it to a string first`,
  );
}

function compareCodeUnits(a: Pair, b: Pair): number {
  if (a[0] === b[0]) return 0;
  return a[0] < b[0] ? -1 : 1;
}

function compareLocale(a: Pair, b: Pair): number {
  return a[0].localeCompare(b[0]);
}

/**
 * Collects the signed `key → value` pairs: `key[]` fields lose their brackets, arrays are comma-joined,
 * and empty values are skipped, because that is what arrives on the wire and what SDKs sign.
 */
function collectPairs(params: Record<string, unknown>, exclude: readonly string[]): Pair[] {
  const merged = new Map<string, string>();
  for (const [rawKey, rawValue] of Object.entries(params)) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    if (exclude.includes(key)) continue;
    const value = wireValue(key, rawValue);
    if (value === undefined || value === '') continue;
    const previous = merged.get(key);
    merged.set(key, previous === undefined ? value : `${previous},${value}`);
  }
  return [...merged];
}

function renderPairs(pairs: Pair[], version: SignatureVersion, order: KeyOrder): string {
  const sorted = [...pairs].sort(order === 'locale' ? compareLocale : compareCodeUnits);
  return sorted
    .map(([key, value]) => {
      const pair = `${key}=${value}`;
      // Version 2 stops a value such as `a&tags=x` from forging another parameter in the string.
      return version === 2 ? pair.replace(/&/g, '%26') : pair;
    })
    .join('&');
}

function checkVersion(version: unknown): SignatureVersion {
  if (version === 1 || version === 2) return version;
  throw new SigningInputError(`Unsupported signature version ${String(version)}; use 1 or 2`);
}

/** Builds a Cloudinary string to sign with explicit control over exclusions and key order (low-level). */
export function serializeSignedParams(
  params: Record<string, unknown>,
  options: SerializeOptions = {},
): string {
  if (params === null || typeof params !== 'object') {
    throw new SigningInputError('Parameters to sign must be an object');
  }
  const version = checkVersion(options.signatureVersion ?? 2);
  return renderPairs(collectPairs(params, options.exclude ?? []), version, options.order ?? 'code-unit');
}

/** The string Cloudinary signs for upload parameters (without the secret), e.g. `public_id=x&timestamp=1`. */
export function stringToSign(
  params: Record<string, unknown>,
  options: { signatureVersion?: SignatureVersion } = {},
): string {
  return serializeSignedParams(params, {
    signatureVersion: options.signatureVersion ?? 2,
    exclude: UNSIGNED_UPLOAD_PARAMS,
  });
}

/** Validates an algorithm name, throwing a typed error for anything but `sha1`/`sha256`. */
export function checkAlgorithm(algorithm: unknown): SignatureAlgorithm {
  if (algorithm === 'sha1' || algorithm === 'sha256') return algorithm;
  throw new SigningInputError(
    `Signature algorithm ${String(algorithm)} is not supported; use sha1 or sha256`,
  );
}

/** Throws a typed error unless the secret is a non-empty string. */
export function checkSecret(apiSecret: unknown): string {
  if (typeof apiSecret === 'string' && apiSecret.length > 0) return apiSecret;
  throw new SigningInputError('An API secret (non-empty string) is required to sign');
}

/** Lowercase hex digest of `text + secret`, the primitive behind every Cloudinary request signature. */
export async function hashWithSecret(
  text: string,
  apiSecret: string,
  algorithm: SignatureAlgorithm,
): Promise<string> {
  return toHex(await digest(checkAlgorithm(algorithm), text + checkSecret(apiSecret)));
}

/** Signs upload parameters: lowercase hex SHA-1 (default) or SHA-256 of the string to sign plus the secret. */
export async function signParams(
  params: Record<string, unknown>,
  apiSecret: string,
  options: { algorithm?: SignatureAlgorithm; signatureVersion?: SignatureVersion } = {},
): Promise<string> {
  const text = stringToSign(params, { signatureVersion: options.signatureVersion ?? 2 });
  return hashWithSecret(text, apiSecret, options.algorithm ?? 'sha1');
}

/** Infers the algorithm of a hex signature from its length (the request carries no other indication). */
export function algorithmOfSignature(signature: string): SignatureAlgorithm | undefined {
  if (!/^[0-9a-fA-F]+$/.test(signature)) return undefined;
  if (signature.length === 40) return 'sha1';
  if (signature.length === 64) return 'sha256';
  return undefined;
}

/** Formats Unix seconds as Cloudinary's error messages do: `YYYY-MM-DD HH:MM:SS +0000`. */
export function formatSignatureTime(seconds: number): string {
  const iso = new Date(seconds * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0000`;
}

function describeSeconds(seconds: number): string {
  const units: [number, string][] = [
    [86400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, name] of units) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${count} ${name}${count === 1 ? '' : 's'}`;
    }
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/** Current time in whole seconds; a `now` below 10^11 is read as seconds, anything larger as milliseconds. */
export function nowInSeconds(now?: number): number {
  const value = now ?? Date.now();
  return Math.floor(value < 1e11 ? value : value / 1000);
}

/** Options of {@link checkTimestamp}. */
export interface TimestampWindowOptions {
  /** Current time, milliseconds since the epoch as `Date.now()` gives it (values below 10^11 are read as seconds). */
  now?: number;
  /** How long after its timestamp a signature stays valid. */
  windowSeconds?: number;
  /** How far ahead of `now` a timestamp may be. */
  clockSkewSeconds?: number;
}

/** Result of {@link checkTimestamp}. */
export type TimestampCheck =
  | { ok: true; seconds: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'future'; message: string };

/**
 * Checks a reported Unix timestamp against a validity window. Timestamps ahead of the clock are accepted
 * only within a small skew allowance: accepting any future value would let one signature live forever.
 */
export function checkTimestamp(reported: unknown, options: TimestampWindowOptions = {}): TimestampCheck {
  if (reported === undefined || reported === null || reported === '') {
    return { ok: false, reason: 'missing', message: 'Missing required parameter - timestamp' };
  }
  const text = String(reported).trim();
  if (!/^\d{1,12}$/.test(text)) {
    return {
      ok: false,
      reason: 'malformed',
      message: `Invalid timestamp ${text} - expected Unix time in seconds`,
    };
  }
  const seconds = Number(text);
  const now = nowInSeconds(options.now);
  const window = options.windowSeconds ?? UPLOAD_SIGNATURE_WINDOW_SECONDS;
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  if (now - seconds > window) {
    return {
      ok: false,
      reason: 'stale',
      message: `Stale request - reported time is ${formatSignatureTime(seconds)} which is more than ${describeSeconds(window)} ago`,
    };
  }
  if (seconds - now > skew) {
    return {
      ok: false,
      reason: 'future',
      message: `Invalid timestamp - reported time is ${formatSignatureTime(seconds)} which is more than ${describeSeconds(skew)} in the future`,
    };
  }
  return { ok: true, seconds };
}

/** Outcome of {@link verifyUploadSignature}, carrying Cloudinary's status and message on failure. */
export type UploadSignatureCheck =
  | { ok: true; algorithm: SignatureAlgorithm }
  | { ok: false; status: 400 | 401; message: string };

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Candidate strings a legitimate client may have signed, canonical first. */
function candidateStrings(params: Record<string, unknown>, legacyVersion1: boolean): string[] {
  const pairs = collectPairs(params, UNSIGNED_UPLOAD_PARAMS);
  const candidates = [renderPairs(pairs, 2, 'code-unit'), renderPairs(pairs, 2, 'locale')];
  // Legacy (version 1) clients are still in the field; they differ only when a value holds `&`.
  if (legacyVersion1 && pairs.some(([, value]) => value.includes('&'))) {
    candidates.push(renderPairs(pairs, 1, 'code-unit'), renderPairs(pairs, 1, 'locale'));
  }
  return [...new Set(candidates)];
}

/**
 * Verifies a signed Upload API request as received (form fields, `key[]` arrays included): api_key and
 * timestamp present, timestamp inside the window, signature matching in constant time. SHA-1 or SHA-256
 * is inferred from the signature's length; Node SDK key order and legacy version-1 strings are accepted
 * (`legacyVersion1: false` refuses the latter).
 */
export async function verifyUploadSignature(
  params: Record<string, string | string[] | undefined>,
  apiSecret: string,
  options: { now?: number; windowSeconds?: number; clockSkewSeconds?: number; legacyVersion1?: boolean } = {},
): Promise<UploadSignatureCheck> {
  checkSecret(apiSecret);
  const apiKey = single(params['api_key']);
  if (apiKey === undefined || apiKey === '')
    return { ok: false, status: 401, message: 'Must supply api_key' };
  const timestamp = checkTimestamp(single(params['timestamp']), options);
  if (!timestamp.ok && (timestamp.reason === 'missing' || timestamp.reason === 'malformed')) {
    return { ok: false, status: 400, message: timestamp.message };
  }
  const signature = single(params['signature']);
  if (signature === undefined || signature === '') {
    return { ok: false, status: 400, message: 'Missing required parameter - signature' };
  }
  if (!timestamp.ok) return { ok: false, status: 400, message: timestamp.message };

  const candidates = candidateStrings(params, options.legacyVersion1 ?? true);
  const canonical = candidates[0] ?? '';
  const algorithm = algorithmOfSignature(signature);
  if (algorithm !== undefined) {
    const given = signature.toLowerCase();
    let matched = false;
    // Every candidate is hashed and compared so the time taken does not reveal which one matched.
    for (const candidate of candidates) {
      const expected = await hashWithSecret(candidate, apiSecret, algorithm);
      if (timingSafeEqual(expected, given)) matched = true;
    }
    if (matched) return { ok: true, algorithm };
  }
  return {
    ok: false,
    status: 401,
    message: `Invalid Signature ${signature}. String to sign - '${canonical}'.`,
  };
}

/** The `signature` an upload/explicit/rename response carries: signed `public_id=…&version=…` (version-1 string). */
export async function responseSignature(
  publicId: string,
  version: number | string,
  apiSecret: string,
  options: { algorithm?: SignatureAlgorithm } = {},
): Promise<string> {
  const text = serializeSignedParams({ public_id: publicId, version }, { signatureVersion: 1 });
  return hashWithSecret(text, apiSecret, options.algorithm ?? 'sha1');
}

/** Checks a response `signature` for `public_id`/`version` in constant time (algorithm from its length). */
export async function verifyResponseSignature(
  publicId: string,
  version: number | string,
  signature: string,
  apiSecret: string,
): Promise<boolean> {
  const algorithm = algorithmOfSignature(signature);
  if (algorithm === undefined) return false;
  const expected = await responseSignature(publicId, version, apiSecret, { algorithm });
  return timingSafeEqual(expected, signature.toLowerCase());
}
