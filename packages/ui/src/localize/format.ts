/**
 * Locale-aware formatting through `Intl`, as plain functions of a locale so they work without an
 * element (the `LocalizeController` methods call these with the element's language).
 */

const BYTE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** `value` formatted for `locale` (grouping, decimal separator, digits). */
export function formatNumber(locale: string, value: number, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, options).format(value);
}

/** A fraction (0.42) as a percentage for `locale` ("42%", "42 %"), whole by default. */
export function formatPercent(locale: string, fraction: number, maximumFractionDigits = 0): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits }).format(fraction);
}

/** Options for `formatBytes`. */
export interface FormatBytesOptions {
  /** Digits after the decimal separator for kB and above; 1 unless set. */
  readonly maximumFractionDigits?: number;
}

/**
 * A byte count with the largest decimal unit that keeps it at or above 1, as `Intl` writes it
 * for `locale`: "1.5 MB" in English, "1,5 Mo" in French. Units are powers of 1000, as their names
 * (kB, MB) say. Counts under a kilobyte use the long unit ("512 bytes") so they read naturally.
 */
export function formatBytes(locale: string, bytes: number, options: FormatBytesOptions = {}): string {
  if (!Number.isFinite(bytes)) return formatNumber(locale, bytes);
  let exponent = 0;
  let value = Math.abs(bytes);
  while (value >= 1000 && exponent < BYTE_UNITS.length - 1) {
    value /= 1000;
    exponent += 1;
  }
  // Rounding can carry 999.96 kB up to "1000 kB"; move to the next unit instead.
  const digits = exponent === 0 ? 0 : (options.maximumFractionDigits ?? 1);
  const factor = 10 ** digits;
  if (Math.round(value * factor) / factor >= 1000 && exponent < BYTE_UNITS.length - 1) {
    value /= 1000;
    exponent += 1;
  }
  return numberFormat(locale, {
    style: 'unit',
    unit: BYTE_UNITS[exponent],
    unitDisplay: exponent === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
  }).format(Math.sign(bytes) * value);
}

/**
 * A media time as a clock: "1:05", "1:02:03", "-0:30"; "--:--" when unknown (NaN, live streams).
 * Digits follow the locale's numbering system.
 */
export function formatDuration(locale: string, seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.floor(Math.abs(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const two = (value: number) => formatNumber(locale, value, { minimumIntegerDigits: 2, useGrouping: false });
  const one = (value: number) => formatNumber(locale, value, { useGrouping: false });
  const clock = hours > 0 ? `${one(hours)}:${two(minutes)}:${two(secs)}` : `${one(minutes)}:${two(secs)}`;
  return seconds < 0 && whole > 0 ? `-${clock}` : clock;
}

/**
 * A duration in words for screen readers: "1 minute, 5 seconds", "1 minute et 5 secondes".
 * Zero parts are left out; a duration under a second reads "0 seconds".
 */
export function formatDurationSpoken(locale: string, seconds: number): string {
  if (!Number.isFinite(seconds)) return '';
  const whole = Math.floor(Math.abs(seconds));
  const parts: Array<[unit: 'hour' | 'minute' | 'second', value: number]> = [
    ['hour', Math.floor(whole / 3600)],
    ['minute', Math.floor((whole % 3600) / 60)],
    ['second', whole % 60],
  ];
  const spoken = parts
    .filter(([, value]) => value > 0)
    .map(([unit, value]) => formatNumber(locale, value, { style: 'unit', unit, unitDisplay: 'long' }));
  if (spoken.length === 0)
    spoken.push(formatNumber(locale, 0, { style: 'unit', unit: 'second', unitDisplay: 'long' }));
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(spoken);
}
