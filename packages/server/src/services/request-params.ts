import { badRequest } from './service-error.js';

/**
 * Parameters as they arrived (form fields, query or JSON), with `key[]` fields already merged into
 * arrays under `key`. Strings are kept verbatim because signatures cover the literal wire values.
 */
export type RequestParams = Readonly<Record<string, string | string[] | undefined>>;

/** A single-valued parameter; '' counts as absent, as SDKs drop blank values. */
export function stringParam(params: RequestParams, name: string): string | undefined {
  const value = params[name];
  if (Array.isArray(value)) {
    if (value.length > 1) throw badRequest(`Parameter ${name} must be a single value`);
    return value[0] || undefined;
  }
  return value || undefined;
}

/** Booleans as clients send them: `1`/`0` (Node SDK), `true`/`false` (others). */
export function booleanParam(params: RequestParams, name: string): boolean | undefined {
  const value = stringParam(params, name);
  if (value === undefined) return undefined;
  if (/^(1|true)$/i.test(value)) return true;
  if (/^(0|false)$/i.test(value)) return false;
  throw badRequest(`Invalid boolean value for parameter ${name}: ${value}`);
}

export function integerParam(
  params: RequestParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const value = stringParam(params, name);
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    throw badRequest(`Parameter ${name} must be an integer between ${min} and ${max}`);
  }
  return parsed;
}

/** A list given as repeated `name[]` fields or as one comma-separated string. */
export function listParam(params: RequestParams, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  const items = Array.isArray(value) ? value.flatMap((item) => item.split(',')) : value.split(',');
  return items.map((item) => item.trim()).filter(Boolean);
}

/** Like `listParam` but without splitting on commas (public ids may contain commas). */
export function arrayParam(params: RequestParams, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  return (Array.isArray(value) ? value : [value]).filter(Boolean);
}
