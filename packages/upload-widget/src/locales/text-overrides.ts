import { warnInDev } from '@kumo/ui';
import { createContext } from '@lit/context';
import en from './en.js';

/** Override strings by lower-case language tag, then by string key (`local.browse`). */
export type TextOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What the `text` option accepts: flat keys, Cloudinary's nested sections, or either per language. */
export type TextOption = Readonly<Record<string, unknown>>;

const KEYS = new Set(Object.keys(en));
const SECTIONS = new Set([...KEYS].filter((key) => key.includes('.')).map((key) => key.split('.')[0]!));
const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Flattens `{ local: { browse: 'x' } }` into `{ 'local.browse': 'x' }`, keeping known keys only. */
function flatten(table: Record<string, unknown>, prefix: string, into: Record<string, string>): void {
  for (const [name, value] of Object.entries(table)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (isRecord(value)) flatten(value, key, into);
    else if (typeof value === 'string' && KEYS.has(key)) into[key] = value;
    else
      warnInDev(
        'upload-widget-unknown-text',
        `text key "${key}" is not a string of the upload widget; ignored.`,
      );
  }
}

/**
 * Normalizes the `text` option. `{ 'local.browse': 'Pick' }` and `{ local: { browse: 'Pick' } }`
 * override English; Cloudinary's `{ en: {…}, fr: {…} }` overrides each language it names.
 */
export function normalizeText(text: TextOption | null | undefined): TextOverrides {
  if (!isRecord(text)) return {};
  const result: Record<string, Record<string, string>> = {};
  const english: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(text)) {
    const perLanguage = isRecord(value) && !KEYS.has(name) && !SECTIONS.has(name) && LANGUAGE_TAG.test(name);
    if (perLanguage) {
      const tag = name.toLowerCase().replaceAll('_', '-');
      result[tag] ??= {};
      flatten(value, '', result[tag]);
    } else {
      english[name] = value;
    }
  }
  result.en ??= {};
  flatten(english, '', result.en);
  return result;
}

/** Puts values in place of `{{name}}` placeholders, as Cloudinary's text strings have them. */
export function interpolate(text: string, values: unknown): string {
  if (!isRecord(values)) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** The widget provides its normalized `text` overrides to the parts it renders. */
export const textOverridesContext = createContext<TextOverrides>(Symbol('kumo-upload-text-overrides'));
