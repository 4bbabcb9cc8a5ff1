/**
 * Reading loosely typed option values the way Cloudinary's loaders accept them (numbers given as
 * strings, lists given as comma strings), with a problem description instead of an exception so
 * callers can turn it into a development warning.
 */

/** A value read from an option, or why it could not be. */
export type Read<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const fail = (problem: string): Read<never> => ({ ok: false, problem });

/** Cloudinary's loader converts `snake_case` keys to camelCase; so do we (`cloud_name` → `cloudName`). */
export function camelCaseKey(key: string): string {
  return key.replace(/_+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

export function readString(value: unknown): Read<string> {
  if (typeof value === 'string') return ok(value);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  return fail('expected a string');
}

export function readBoolean(value: unknown): Read<boolean> {
  if (typeof value === 'boolean') return ok(value);
  if (value === 'true' || value === 'false') return ok(value === 'true');
  return fail('expected true or false');
}

/** A finite number; numeric strings count (`"5"`), as they do in Cloudinary's loader. */
export function readNumber(value: unknown): Read<number> {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number === 'number' && Number.isFinite(number)) return ok(number);
  return fail('expected a number');
}

/** A number greater than zero (sizes, counts). */
export function readPositive(value: unknown): Read<number> {
  const read = readNumber(value);
  if (read.ok && read.value <= 0) return fail('expected a number greater than 0');
  return read;
}

/** An array of strings, or one comma- or space-separated string. */
export function readList(value: unknown): Read<string[]> {
  if (typeof value === 'string')
    return ok(
      value
        .split(/[\s,]+/)
        .map((item) => item.trim())
        .filter(Boolean),
    );
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return ok(value.map(String));
  return fail('expected an array of strings');
}

/** A flat string map; Cloudinary's `context` may also be the wire form `alt=A|caption=B`. */
export function readStringMap(value: unknown): Read<Record<string, string>> {
  if (typeof value === 'string') {
    const map: Record<string, string> = {};
    for (const pair of value.split('|')) {
      const at = pair.indexOf('=');
      if (at > 0) map[pair.slice(0, at)] = pair.slice(at + 1);
    }
    return ok(map);
  }
  if (isPlainObject(value)) {
    const map: Record<string, string> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || item === null) continue;
      if (typeof item === 'object') return fail(`"${key}" is not a string`);
      map[key] = String(item);
    }
    return ok(map);
  }
  return fail('expected an object of strings');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** One of `allowed`. */
export function readEnum<T extends string>(value: unknown, allowed: readonly T[]): Read<T> {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return ok(value as T);
  return fail(`expected one of ${allowed.join(', ')}`);
}

/** An option's value as a warning shows it; never throws (circular objects, BigInt, functions). */
export function describeValue(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
