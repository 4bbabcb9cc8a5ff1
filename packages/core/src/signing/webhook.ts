import { digest, type SignatureAlgorithm, timingSafeEqual, toHex } from './digest.js';
import {
  algorithmOfSignature,
  checkAlgorithm,
  checkSecret,
  checkTimestamp,
  DEFAULT_CLOCK_SKEW_SECONDS,
  nowInSeconds,
  SigningInputError,
} from './upload.js';

/** Header carrying the notification signature. */
export const NOTIFICATION_SIGNATURE_HEADER = 'X-Cld-Signature';

/** Header carrying the Unix time (seconds) the notification was signed at. */
export const NOTIFICATION_TIMESTAMP_HEADER = 'X-Cld-Timestamp';

/** How long receivers accept a notification after its timestamp by default, as the SDKs do. */
export const NOTIFICATION_VALID_FOR_SECONDS = 7200;

/** Headers to send with a signed notification. */
export interface NotificationHeaders {
  'X-Cld-Signature': string;
  'X-Cld-Timestamp': string;
}

const encoder = new TextEncoder();

function bodyBytes(body: string | Uint8Array): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof Uint8Array) return body;
  throw new SigningInputError('Notification body must be a string or a Uint8Array (the raw bytes as sent)');
}

function timestampText(timestamp: number | string): string {
  const text = String(timestamp);
  if (text === '' || (typeof timestamp !== 'number' && typeof timestamp !== 'string')) {
    throw new SigningInputError('Notification timestamp must be a Unix time in seconds');
  }
  return text;
}

/** `hex(SHA(body + timestamp + secret))` over the raw body bytes, as Cloudinary signs notifications. */
export async function notificationSignature(
  body: string | Uint8Array,
  timestamp: number | string,
  apiSecret: string,
  options: { algorithm?: SignatureAlgorithm } = {},
): Promise<string> {
  const head = bodyBytes(body);
  const tail = encoder.encode(timestampText(timestamp) + checkSecret(apiSecret));
  const input = new Uint8Array(head.length + tail.length);
  input.set(head, 0);
  input.set(tail, head.length);
  return toHex(await digest(checkAlgorithm(options.algorithm ?? 'sha1'), input));
}

/** Signs a notification body, returning the two headers to send with it (timestamp defaults to now). */
export async function signNotification(
  body: string | Uint8Array,
  apiSecret: string,
  options: { timestamp?: number; now?: number; algorithm?: SignatureAlgorithm } = {},
): Promise<NotificationHeaders> {
  const timestamp = String(options.timestamp ?? nowInSeconds(options.now));
  const signature = await notificationSignature(body, timestamp, apiSecret, options);
  return { 'X-Cld-Signature': signature, 'X-Cld-Timestamp': timestamp };
}

/** Outcome of {@link verifyNotificationSignature}. */
export type NotificationSignatureCheck =
  | { ok: true; algorithm: SignatureAlgorithm; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch'; message: string };

/** Where the receiver found the signature: a `Headers` object, a Node-style header record, or the two values. */
export type NotificationSignatureSource =
  | Headers
  | NotificationHeaders
  | Record<string, string | string[] | undefined>
  | { signature?: string; timestamp?: string | number };

function readHeader(source: NotificationSignatureSource, name: string): string | undefined {
  if (typeof Headers !== 'undefined' && source instanceof Headers) return source.get(name) ?? undefined;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(source)) {
    if (key.toLowerCase() === lower) return Array.isArray(value) ? value[0] : (value as string | undefined);
  }
  return undefined;
}

function readSource(source: NotificationSignatureSource): { signature?: string; timestamp?: string } {
  if (
    !(typeof Headers !== 'undefined' && source instanceof Headers) &&
    ('signature' in source || 'timestamp' in source)
  ) {
    const plain = source as { signature?: string; timestamp?: string | number };
    return {
      signature: plain.signature,
      timestamp: plain.timestamp === undefined ? undefined : String(plain.timestamp),
    };
  }
  return {
    signature: readHeader(source, NOTIFICATION_SIGNATURE_HEADER),
    timestamp: readHeader(source, NOTIFICATION_TIMESTAMP_HEADER),
  };
}

/**
 * Verifies a received notification: signature over the raw body in constant time (SHA-1 or SHA-256 by
 * length), timestamp no older than `validForSeconds` (default 7200) and not beyond the clock-skew allowance.
 */
export async function verifyNotificationSignature(
  body: string | Uint8Array,
  source: NotificationSignatureSource,
  apiSecret: string,
  options: { now?: number; validForSeconds?: number; clockSkewSeconds?: number } = {},
): Promise<NotificationSignatureCheck> {
  checkSecret(apiSecret);
  const { signature, timestamp } = readSource(source);
  if (signature === undefined || signature === '') {
    return { ok: false, reason: 'missing', message: `Missing ${NOTIFICATION_SIGNATURE_HEADER} header` };
  }
  if (timestamp === undefined || timestamp === '') {
    return { ok: false, reason: 'missing', message: `Missing ${NOTIFICATION_TIMESTAMP_HEADER} header` };
  }
  const time = checkTimestamp(timestamp, {
    now: options.now,
    windowSeconds: options.validForSeconds ?? NOTIFICATION_VALID_FOR_SECONDS,
    clockSkewSeconds: options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS,
  });
  if (!time.ok) return { ok: false, reason: time.reason, message: time.message };
  const algorithm = algorithmOfSignature(signature);
  if (algorithm === undefined) {
    return {
      ok: false,
      reason: 'malformed',
      message: 'Signature must be 40 (SHA-1) or 64 (SHA-256) hex digits',
    };
  }
  const expected = await notificationSignature(body, timestamp, apiSecret, { algorithm });
  if (!timingSafeEqual(expected, signature.toLowerCase())) {
    return {
      ok: false,
      reason: 'mismatch',
      message: 'Notification signature does not match the body and timestamp',
    };
  }
  return { ok: true, algorithm, timestamp: time.seconds };
}
