import { timingSafeEqual, toHex } from '../signing/digest.js';
import { hmacSha256Sync } from '../signing/sha-sync.js';
import { DeliveryUrlError } from './delivery-url-error.js';

/** The query parameter and cookie name Cloudinary's SDKs and CDN use for tokens. */
export const AUTH_TOKEN_NAME = '__cld_token__';

/** A token's fields as read from `[ip=…~][st=…~]exp=…~[acl=…~]hmac=…`. */
export interface ParsedAuthToken {
  /** Client address the token is bound to. */
  readonly ip?: string;
  /** Start of validity, Unix seconds. */
  readonly startTime?: number;
  /** End of validity, Unix seconds (the token is still valid during that second). */
  readonly expiration: number;
  /** Path patterns granted, unescaped and split at `!`; absent for a token bound to one URL. */
  readonly acl?: readonly string[];
  /** Lowercase hex HMAC-SHA-256. */
  readonly hmac: string;
  /** The fields before `hmac`, exactly as written: the signed text (a URL token adds `~url=…`). */
  readonly signedText: string;
}

/** Why a token was refused. */
export type AuthTokenFailure = 'malformed' | 'signature' | 'not_yet_valid' | 'expired' | 'ip' | 'acl';

/** The outcome of {@link checkAuthToken}. */
export type AuthTokenVerdict =
  | { readonly valid: true; readonly token: ParsedAuthToken }
  | { readonly valid: false; readonly reason: AuthTokenFailure; readonly message: string };

/** What a token is checked against. */
export interface AuthTokenCheckOptions {
  /** Token key, hex-encoded (the same key the token was built with). */
  readonly key: string;
  /**
   * The requested path as the token may name it, percent-encoded exactly as sent, without the query
   * string; give several forms when a proxy or CDN may have seen another one (for instance without a
   * leading cloud-name segment). A URL token must be signed over one of them; an ACL must match one.
   */
  readonly paths: readonly string[];
  /** The client's address, for tokens bound to one (`ip=`). */
  readonly ip?: string;
  /** Current time in Unix seconds; default the clock. */
  readonly now?: number;
}

const FIELDS = new Set(['ip', 'st', 'exp', 'acl', 'hmac']);
// The SDKs escape these in `acl` and `url` values, always as lowercase `%xx`.
const TOKEN_UNSAFE = /[ "#%&'/:;<=>?@[\]^`{|}~]/g;
const SECONDS = /^\d{1,12}$/;
const HMAC = /^[0-9a-fA-F]{64}$/;

class MalformedToken extends Error {}

function escapeToken(text: string): string {
  return text.replace(TOKEN_UNSAFE, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function keyBytes(hex: string): Uint8Array {
  if (typeof hex !== 'string' || !/^(?:[0-9a-fA-F]{2})+$/.test(hex))
    throw new DeliveryUrlError('invalid_option', 'An auth token key must be an even number of hex digits');
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/**
 * Reads a token, with or without its `__cld_token__=` prefix. A value that arrives percent-encoded
 * once more (`exp%3D…%7Ehmac%3D…`, as form encoders write it) is decoded first. Throws a
 * `DeliveryUrlError` (`malformed_url`) when the text is not a token.
 */
export function parseAuthToken(text: string): ParsedAuthToken {
  try {
    return parseFields(text);
  } catch (error) {
    if (error instanceof MalformedToken) throw new DeliveryUrlError('malformed_url', error.message);
    throw error;
  }
}

function parseFields(text: string): ParsedAuthToken {
  let value = text.startsWith(`${AUTH_TOKEN_NAME}=`) ? text.slice(AUTH_TOKEN_NAME.length + 1) : text;
  if (!/(?:^|~)hmac=/.test(value) && /hmac%3d/i.test(value)) value = decode(value);
  const fields = new Map<string, string>();
  const parts = value.split('~');
  for (const part of parts) {
    const equals = part.indexOf('=');
    const name = equals > 0 ? part.slice(0, equals) : '';
    if (!FIELDS.has(name)) throw new MalformedToken(`Unknown auth token field "${part.slice(0, 20)}"`);
    if (fields.has(name)) throw new MalformedToken(`The auth token repeats the field ${name}`);
    fields.set(name, part.slice(equals + 1));
  }
  const hmac = fields.get('hmac');
  if (hmac === undefined || parts.at(-1) !== `hmac=${hmac}`)
    throw new MalformedToken('An auth token ends with its hmac field');
  if (!HMAC.test(hmac)) throw new MalformedToken('The auth token hmac is not a SHA-256 hex digest');
  const seconds = (name: string) => {
    const field = fields.get(name);
    if (field === undefined) return undefined;
    if (!SECONDS.test(field)) throw new MalformedToken(`The auth token field ${name} is not a time`);
    return Number(field);
  };
  const expiration = seconds('exp');
  if (expiration === undefined) throw new MalformedToken('An auth token needs an exp field');
  const startTime = seconds('st');
  const ip = fields.get('ip');
  const acl = fields.get('acl');
  if (ip === '' || acl === '') throw new MalformedToken('An auth token field is empty');
  return {
    ...(ip !== undefined ? { ip } : {}),
    ...(startTime !== undefined ? { startTime } : {}),
    expiration,
    ...(acl !== undefined ? { acl: decode(acl).split('!') } : {}),
    hmac: hmac.toLowerCase(),
    signedText: value.slice(0, value.length - `~hmac=${hmac}`.length),
  };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new MalformedToken('The auth token has a malformed percent-escape');
  }
}

/**
 * Whether an ACL pattern grants a path: the whole path must match, `*` standing for any run of
 * characters (slashes included). Several patterns are joined with `!` in a token and parsed apart.
 */
export function aclMatches(pattern: string, path: string): boolean {
  // Matched piecewise rather than through a RegExp, so a pattern full of `*` cannot backtrack
  // exponentially.
  const pieces = pattern.split('*');
  if (pieces.length === 1) return path === pattern;
  const first = pieces[0]!;
  const last = pieces.at(-1)!;
  if (!path.startsWith(first) || path.length < first.length + last.length || !path.endsWith(last))
    return false;
  let at = first.length;
  const end = path.length - last.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = path.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** Percent-decoded form of a path, when it decodes. */
function decodedPath(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}

function sameAddress(a: string, b: string): boolean {
  const normal = (ip: string) =>
    ip
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '')
      .replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
  return normal(a) === normal(b);
}

function refuse(reason: AuthTokenFailure, message: string): AuthTokenVerdict {
  return { valid: false, reason, message };
}

/**
 * Checks a delivery auth token (`__cld_token__`) the way Cloudinary's CDN does: the HMAC-SHA-256,
 * under the hex-decoded key, of the fields before `hmac` (plus `~url=<escaped path>` when the token
 * has no ACL), compared in constant time; then the validity window (`st`, `exp`), the client address
 * (`ip`) and the ACL. Never throws for a bad token (the verdict says why); throws a
 * `DeliveryUrlError` for a key that is not hex.
 */
export function checkAuthToken(text: string, options: AuthTokenCheckOptions): AuthTokenVerdict {
  const key = keyBytes(options.key);
  let token: ParsedAuthToken;
  try {
    token = parseFields(text);
  } catch (error) {
    if (error instanceof MalformedToken) return refuse('malformed', error.message);
    throw error;
  }
  const signed = token.acl
    ? [token.signedText]
    : options.paths.map((path) => `${token.signedText}~url=${escapeToken(path)}`);
  // Every candidate is computed and compared, so timing does not tell which one came close.
  let matches = false;
  for (const message of signed) {
    if (timingSafeEqual(toHex(hmacSha256Sync(key, message)), token.hmac)) matches = true;
  }
  if (!matches)
    return refuse(
      'signature',
      token.acl ? 'The auth token signature is invalid' : 'The auth token signature is invalid for this URL',
    );
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (token.startTime !== undefined && now < token.startTime)
    return refuse('not_yet_valid', 'The auth token is not valid yet');
  if (now > token.expiration) return refuse('expired', 'The auth token has expired');
  if (token.ip !== undefined && (options.ip === undefined || !sameAddress(token.ip, options.ip)))
    return refuse('ip', 'The auth token is bound to another client address');
  if (token.acl) {
    const paths = options.paths.flatMap((path) => {
      const decoded = decodedPath(path);
      return decoded !== undefined && decoded !== path ? [path, decoded] : [path];
    });
    const granted = token.acl.some((pattern) => paths.some((path) => aclMatches(pattern, path)));
    if (!granted) return refuse('acl', 'The auth token does not grant access to this URL');
  }
  return { valid: true, token };
}
