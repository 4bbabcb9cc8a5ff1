import { toHex } from '../signing/digest.js';
import { hmacSha256Sync } from '../signing/sha-sync.js';
import { DeliveryUrlError } from './delivery-url-error.js';

/** Token authentication for delivery URLs (`?__cld_token__=…`), an alternative to `s--…--` signatures. */
export interface AuthTokenOptions {
  /** Token key, hex-encoded. */
  key: string;
  /** Query parameter name; default `__cld_token__`. */
  tokenName?: string;
  /** Client IP the token is bound to. */
  ip?: string;
  /** Start of validity, Unix seconds. */
  startTime?: number;
  /** End of validity, Unix seconds; or give `duration`. */
  expiration?: number;
  /** Validity in seconds from `startTime` (or now). */
  duration?: number;
  /** Path patterns the token grants (`/image/authenticated/*`); joined with `!`. */
  acl?: string | readonly string[];
  /** URL path the token grants, when there is no `acl`; builders fill it in. */
  url?: string;
}

/** The SDK's option record for a token (snake_case), with its loose value types. */
export type SdkAuthTokenRecord = Readonly<Record<string, unknown>>;

// Characters the token escapes, always as lowercase `%xx`.
const TOKEN_UNSAFE = /[ "#%&'/:;<=>?@[\]^`{|}~]/g;

function escapeToken(text: string): string {
  return text.replace(TOKEN_UNSAFE, (c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** Hex to bytes the way Node's `Buffer.from(hex, 'hex')` reads it: pairs up to the first bad one. */
function hexBytes(hex: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const pair = hex.slice(i, i + 2);
    if (!/^[0-9a-fA-F]{2}$/.test(pair)) break;
    bytes.push(Number.parseInt(pair, 16));
  }
  return new Uint8Array(bytes);
}

function invalid(message: string): DeliveryUrlError {
  return new DeliveryUrlError('invalid_option', message);
}

/** Builds `<token_name>=[ip=…~][st=…~]exp=…~(acl=…|)hmac=…` from SDK-style options. */
export function sdkAuthToken(options: SdkAuthTokenRecord, now: () => number = Date.now): string {
  const key = options['key'];
  if (typeof key !== 'string') throw invalid('An auth token needs a hex key');
  const tokenName = options['token_name'] ? String(options['token_name']) : '__cld_token__';
  const start = options['start_time'];
  let expiration = options['expiration'];
  if (expiration == null) {
    const duration = options['duration'];
    if (duration == null) throw invalid('An auth token needs an expiration or a duration');
    const from = start ?? Math.round(now() / 1000);
    expiration =
      typeof from === 'number' && typeof duration === 'number'
        ? from + duration
        : String(from) + String(duration);
  }
  const parts: string[] = [];
  if (options['ip'] != null) parts.push(`ip=${String(options['ip'])}`);
  if (start != null) parts.push(`st=${String(start)}`);
  parts.push(`exp=${String(expiration)}`);
  const aclOption = options['acl'];
  const acl =
    aclOption == null ? undefined : Array.isArray(aclOption) ? aclOption.join('!') : String(aclOption);
  if (acl !== undefined) parts.push(`acl=${escapeToken(acl)}`);
  const url = options['url'];
  const toSign = [...parts];
  if (url != null && acl === undefined) toSign.push(`url=${escapeToken(String(url))}`);
  if (!url && !acl) throw invalid('An auth token needs an acl or a url');
  parts.push(`hmac=${toHex(hmacSha256Sync(hexBytes(key), toSign.join('~')))}`);
  return `${tokenName}=${parts.join('~')}`;
}

/**
 * An auth token query parameter (`__cld_token__=exp=…~acl=…~hmac=…`), HMAC-SHA-256 with the
 * hex-decoded key, exactly as Cloudinary's SDKs compute it.
 */
export function authToken(options: AuthTokenOptions): string {
  if (options == null || typeof options !== 'object') throw invalid('Auth token options must be an object');
  return sdkAuthToken({
    key: options.key,
    token_name: options.tokenName,
    ip: options.ip,
    start_time: options.startTime,
    expiration: options.expiration,
    duration: options.duration,
    acl: options.acl,
    url: options.url,
  });
}

/** Appends a token for the URL's own path (`url=` field), as the SDK's `url()` does with `auth_token`. */
export function appendAuthToken(deliveryUrl: string, token: SdkAuthTokenRecord): string {
  let parsed: URL;
  try {
    parsed = new URL(deliveryUrl, 'http://dummy');
  } catch {
    throw new DeliveryUrlError('invalid_option', `Cannot take the path of ${deliveryUrl} for an auth token`);
  }
  const { pathname, search } = parsed;
  return `${deliveryUrl}?${sdkAuthToken({ ...token, url: pathname + search })}`;
}
