import { KumoClientError } from './errors.js';

/** A parameter value the client accepts; it is turned into Cloudinary's wire form before sending. */
export type ParamValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | readonly (string | number)[]
  | readonly { readonly [key: string]: unknown }[]
  | { readonly [key: string]: unknown };

/** Parameters of an API call, named as Cloudinary names them (snake_case). */
export type Params = Record<string, ParamValue>;

/** Parameters in wire form: strings, or arrays sent as repeated `key[]` fields. */
export type WireParams = Record<string, string | string[]>;

const COMMA_JOINED = new Set(['tags', 'allowed_formats', 'fields']);
const PIPE_JOINED = new Set(['eager']);
const KEY_VALUE = new Set(['context', 'metadata']);

function escapeContextValue(value: string): string {
  return value.replace(/([=|])/g, '\\$1');
}

/** `{alt: 'a=b', tags: ['x']}` → `alt=a\=b|tags=["x"]`, the pipe syntax of `context` and `metadata`. */
export function encodeKeyValue(value: { readonly [key: string]: unknown }): string {
  return Object.entries(value)
    .filter(([, item]) => item !== undefined && item !== null)
    .map(([key, item]) => {
      if (Array.isArray(item))
        return `${key}=[${item.map((v) => `"${escapeContextValue(String(v))}"`).join(',')}]`;
      return `${key}=${escapeContextValue(String(item))}`;
    })
    .join('|');
}

function scalar(value: string | number | boolean, booleans: 'digits' | 'words'): string {
  if (typeof value === 'boolean') {
    if (booleans === 'words') return String(value);
    return value ? '1' : '0';
  }
  return String(value);
}

/**
 * Turns user parameters into what travels on the wire, the way the SDK does: blanks dropped, booleans
 * as `1`/`0` for the Upload API (`true`/`false` for the Admin API), tags comma-joined, eager pipe-joined,
 * context/metadata in pipe syntax, other objects as JSON, other arrays as `key[]` lists.
 */
export function toWireParams(params: Params, booleans: 'digits' | 'words' = 'digits'): WireParams {
  if (params === null || typeof params !== 'object')
    throw new KumoClientError('Parameters must be an object');
  const wire: WireParams = {};
  for (const [rawKey, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      wire[key] = scalar(value, booleans);
    } else if (Array.isArray(value) && value.some((item) => item !== null && typeof item === 'object')) {
      // Lists of objects (access_control, responsive_breakpoints) travel as one JSON string.
      wire[key] = JSON.stringify(value);
    } else if (Array.isArray(value)) {
      const items = value.filter((item) => item !== '' && item !== null && item !== undefined).map(String);
      if (items.length === 0) continue;
      if (COMMA_JOINED.has(key)) wire[key] = items.join(',');
      else if (PIPE_JOINED.has(key)) wire[key] = items.join('|');
      else wire[key] = items;
    } else if (typeof value === 'object') {
      wire[key] = KEY_VALUE.has(key)
        ? encodeKeyValue(value as Record<string, unknown>)
        : JSON.stringify(value);
    } else {
      throw new KumoClientError(`Parameter "${key}" has a ${typeof value} value, which cannot be sent`);
    }
  }
  return wire;
}

/** Entries as they are sent: arrays become repeated `key[]` fields. */
export function wireEntries(wire: WireParams): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(wire)) {
    if (Array.isArray(value)) for (const item of value) entries.push([`${key}[]`, item]);
    else entries.push([key, value]);
  }
  return entries;
}

/** `application/x-www-form-urlencoded` text as the Node SDK writes it (`%20` for spaces, `key%5B%5D` for arrays). */
export function formUrlEncode(wire: WireParams): string {
  return wireEntries(wire)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
