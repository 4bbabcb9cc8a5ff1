/**
 * Media clock text: "1:05", "-0:03", "1:02:03". Unlike a plain duration formatter, the shape
 * follows a reference duration, so the current time of an hour-long video reads "0:01:05" and the
 * time display does not jump in width when the first hour passes.
 */

/** Options of `formatMediaTime`. */
export interface MediaTimeOptions {
  /** Duration the clock belongs to: with an hour or more, every time shows hours. */
  readonly reference?: number;
  /** Locale whose digits to use (`ar-EG` writes Arabic-Indic digits); Latin digits when omitted. */
  readonly locale?: string;
}

const digitFormats = new Map<string, Intl.NumberFormat>();

function pad(value: number, width: number, locale: string | undefined): string {
  if (!locale) return String(value).padStart(width, '0');
  const key = `${locale}|${width}`;
  let format = digitFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumIntegerDigits: width, useGrouping: false });
    digitFormats.set(key, format);
  }
  return format.format(value);
}

/** `seconds` as a media clock; `--:--` when unknown (NaN, Infinity for live streams). */
export function formatMediaTime(seconds: number, options: MediaTimeOptions = {}): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const { reference = 0, locale } = options;
  const whole = Math.floor(Math.abs(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const withHours = hours > 0 || (Number.isFinite(reference) && reference >= 3600);
  const clock = withHours
    ? `${pad(hours, 1, locale)}:${pad(minutes, 2, locale)}:${pad(secs, 2, locale)}`
    : `${pad(minutes, 1, locale)}:${pad(secs, 2, locale)}`;
  return seconds < 0 && whole > 0 ? `-${clock}` : clock;
}

/** Clamps a seek target into the playable range `[0, duration]` (unbounded above while unknown). */
export function clampTime(time: number, duration: number): number {
  const upper = Number.isFinite(duration) && duration > 0 ? duration : Number.POSITIVE_INFINITY;
  return Math.min(Math.max(0, Number.isFinite(time) ? time : 0), upper);
}
