import type { AbsoluteDate, DateValue, Ratio, RelativeUnit } from './search-node.js';
import { SearchSyntaxError } from './search-syntax-error.js';

/**
 * Typed values of field terms. Each reader gets the literal text of one value and where it starts,
 * and either returns the value or raises a SearchSyntaxError pointing at it.
 */

const BYTE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  k: 1024,
  kb: 1024,
  m: 1024 ** 2,
  mb: 1024 ** 2,
  g: 1024 ** 3,
  gb: 1024 ** 3,
  t: 1024 ** 4,
  tb: 1024 ** 4,
};

const NUMBER = /^(-?\d{1,16}(?:\.\d{1,6})?)([a-z]*)$/i;

/** A plain number, or for `bytes` a size with a unit (`kb`, `mb`, `gb`, also `k`, `m`, `g`). */
export function readNumber(text: string, position: number, field: string, withUnits: boolean): number {
  const match = NUMBER.exec(text);
  if (!match) throw new SearchSyntaxError(position, `'${field}' needs a number, got '${text}'`);
  const [, digits = '', unit = ''] = match;
  let value = Number(digits);
  if (unit) {
    const factor = withUnits ? BYTE_UNITS[unit.toLowerCase()] : undefined;
    if (factor === undefined) {
      const hint = withUnits ? ' (use b, kb, mb, gb or tb)' : '';
      throw new SearchSyntaxError(position, `'${field}' does not take the unit '${unit}'${hint}`);
    }
    value *= factor;
  }
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new SearchSyntaxError(position, `'${text}' is out of range for '${field}'`);
  }
  return value;
}

const RELATIVE = /^(\d{1,6})([hdwmy])$/;
const DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/**
 * `2024-01-31` (a day), `2024-01` (a month), `2024` (a year), `2024-01-31T10:20[:30[.123]][Z|+01:00]`
 * (that minute, second or millisecond; UTC unless an offset is given), or a relative `3d`.
 */
export function readDate(text: string, position: number, field: string): DateValue {
  const relative = RELATIVE.exec(text);
  if (relative) {
    return { kind: 'relative', amount: Number(relative[1]), unit: relative[2] as RelativeUnit };
  }
  const match = DATE.exec(text);
  const span = match ? absoluteSpan(match) : undefined;
  if (!span) {
    throw new SearchSyntaxError(
      position,
      `'${field}' needs a date such as 2024-01-31 or a relative age such as 3d, got '${text}'`,
    );
  }
  return span;
}

function absoluteSpan(match: RegExpExecArray): AbsoluteDate | undefined {
  const [, y, mo, d, h, mi, s, ms, zone] = match;
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const milli = ms === undefined ? 0 : Number(ms.padEnd(3, '0'));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offset = zone === undefined ? 0 : zoneOffsetMinutes(zone);
  if (offset === undefined) return undefined;
  const start = utc(year, month - 1, day, hour, minute - offset, second, milli);
  let end: number;
  if (mo === undefined) end = utc(year + 1, 0, 1, 0, 0, 0, 0);
  else if (d === undefined) end = utc(year, month, 1, 0, 0, 0, 0);
  else if (h === undefined) end = utc(year, month - 1, day + 1, 0, 0, 0, 0);
  else end = start + (ms !== undefined ? 1 : s !== undefined ? 1000 : 60_000);
  return { kind: 'absolute', start, end };
}

function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  const date = new Date(0);
  // setUTCFullYear keeps years 0-99 literal, where Date.UTC would map them to 1900-1999.
  date.setUTCFullYear(y, mo, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0, 0, 0, 0, 0)).getUTCDate();
}

function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

const RATIO_PART = /^(\d{1,6})(?:\.(\d{1,4}))?$/;
const MAX_RATIO_TERM = 1_000_000;

/**
 * `1.5` or `16:9` (also `1.85:1`) as a reduced fraction; numerator and denominator are capped so
 * that the compiled integer arithmetic cannot overflow 64 bits with any stored width or height.
 */
export function readRatio(text: string, position: number): Ratio {
  const parts = text.split(':');
  const fail = () =>
    new SearchSyntaxError(position, `'aspect_ratio' needs a ratio such as 1.5 or "16:9", got '${text}'`);
  if (parts.length > 2) throw fail();
  const fractions = parts.map((part) => {
    const match = RATIO_PART.exec(part);
    if (!match) throw fail();
    const decimals = match[2] ?? '';
    return { numerator: Number(`${match[1]}${decimals}`), denominator: 10 ** decimals.length };
  });
  const [a, b = { numerator: 1, denominator: 1 }] = fractions as [Ratio, Ratio?];
  let numerator = a.numerator * b.denominator;
  let denominator = a.denominator * b.numerator;
  if (denominator === 0) throw new SearchSyntaxError(position, `'${text}' divides by zero`);
  const divisor = gcd(numerator, denominator);
  numerator /= divisor;
  denominator /= divisor;
  if (numerator > MAX_RATIO_TERM || denominator > MAX_RATIO_TERM) {
    throw new SearchSyntaxError(position, `'${text}' is out of range for 'aspect_ratio'`);
  }
  return { numerator, denominator };
}

function gcd(a: number, b: number): number {
  let [x, y] = [a, b];
  while (y) [x, y] = [y, x % y];
  return x || 1;
}

/** The instant a relative date denotes, never before year 0 so it always formats as ISO text. */
export function resolveRelative(value: { amount: number; unit: RelativeUnit }, now: Date): number {
  const date = new Date(now.getTime());
  const { amount, unit } = value;
  if (unit === 'h') date.setTime(date.getTime() - amount * 3_600_000);
  else if (unit === 'd') date.setTime(date.getTime() - amount * 86_400_000);
  else if (unit === 'w') date.setTime(date.getTime() - amount * 7 * 86_400_000);
  else if (unit === 'm') date.setUTCMonth(date.getUTCMonth() - amount);
  else date.setUTCFullYear(date.getUTCFullYear() - amount);
  const earliest = utc(0, 0, 1, 0, 0, 0, 0);
  const time = date.getTime();
  return Number.isNaN(time) || time < earliest ? earliest : time;
}

const LATEST = utc(9999, 11, 31, 23, 59, 59, 999);

/** The catalog's text form of an instant: ISO-8601 with milliseconds, which sorts as text. */
export function isoInstant(time: number): string {
  // Past year 9999 toISOString switches to '+010000-…', which sorts before every stored date;
  // appending '~' (after 'Z') keeps the text above all of them instead.
  if (time > LATEST) return `${new Date(LATEST).toISOString()}~`;
  return new Date(time).toISOString();
}
