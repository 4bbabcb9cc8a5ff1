import { type SignatureAlgorithm, timingSafeEqual } from './digest.js';
import {
  algorithmOfSignature,
  checkTimestamp,
  hashWithSecret,
  nowInSeconds,
  SigningInputError,
  serializeSignedParams,
  type TimestampWindowOptions,
} from './upload.js';

/** What a page passes to the media-library widget to log a user in without exposing the secret. */
export interface MediaLibraryLogin {
  cloud_name: string;
  api_key: string;
  username: string;
  timestamp: number;
  signature: string;
}

/** The three signed fields of a media-library login. */
export interface MediaLibraryIdentity {
  cloudName: string;
  username: string;
  /** Unix seconds. */
  timestamp: number | string;
}

function requireText(value: unknown, name: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new SigningInputError(`Media-library signature needs a non-empty ${name}`);
}

/**
 * Signature of a media-library login: hex SHA-256 (default) of
 * `cloud_name=…&timestamp=…&username=…` + secret. Unlike upload signing, `cloud_name` is signed here.
 */
export async function mediaLibrarySignature(
  identity: MediaLibraryIdentity,
  apiSecret: string,
  options: { algorithm?: SignatureAlgorithm } = {},
): Promise<string> {
  const text = serializeSignedParams({
    cloud_name: requireText(identity.cloudName, 'cloud name'),
    timestamp: requireText(identity.timestamp, 'timestamp'),
    username: requireText(identity.username, 'username'),
  });
  return hashWithSecret(text, apiSecret, options.algorithm ?? 'sha256');
}

/** Builds the complete login object for the widget, stamped with the current time unless one is given. */
export async function signMediaLibraryLogin(
  login: { cloudName: string; apiKey: string; username: string; timestamp?: number },
  apiSecret: string,
  options: { algorithm?: SignatureAlgorithm; now?: number } = {},
): Promise<MediaLibraryLogin> {
  const timestamp = login.timestamp ?? nowInSeconds(options.now);
  const signature = await mediaLibrarySignature({ ...login, timestamp }, apiSecret, options);
  return {
    cloud_name: login.cloudName,
    api_key: requireText(login.apiKey, 'API key'),
    username: login.username,
    timestamp,
    signature,
  };
}

/** Outcome of {@link verifyMediaLibrarySignature}. */
export type MediaLibrarySignatureCheck =
  | { ok: true; algorithm: SignatureAlgorithm; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch'; message: string };

/**
 * Verifies a media-library login in constant time: all fields present, timestamp inside the window
 * (default one hour, like upload signatures) and signature matching (SHA-256, or SHA-1 by length).
 */
export async function verifyMediaLibrarySignature(
  login: Partial<Record<'cloud_name' | 'username' | 'signature', string>> & { timestamp?: number | string },
  apiSecret: string,
  options: TimestampWindowOptions = {},
): Promise<MediaLibrarySignatureCheck> {
  for (const field of ['cloud_name', 'username', 'signature'] as const) {
    if (typeof login[field] !== 'string' || login[field] === '') {
      return { ok: false, reason: 'missing', message: `Missing required parameter - ${field}` };
    }
  }
  const time = checkTimestamp(login.timestamp, options);
  if (!time.ok) return { ok: false, reason: time.reason, message: time.message };
  const signature = login.signature as string;
  const algorithm = algorithmOfSignature(signature);
  if (algorithm === undefined) {
    return {
      ok: false,
      reason: 'malformed',
      message: 'Signature must be 64 (SHA-256) or 40 (SHA-1) hex digits',
    };
  }
  const expected = await mediaLibrarySignature(
    {
      cloudName: login.cloud_name as string,
      username: login.username as string,
      timestamp: String(login.timestamp),
    },
    apiSecret,
    { algorithm },
  );
  if (!timingSafeEqual(expected, signature.toLowerCase())) {
    return { ok: false, reason: 'mismatch', message: 'Invalid media-library signature' };
  }
  return { ok: true, algorithm, timestamp: time.seconds };
}
