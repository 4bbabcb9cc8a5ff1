/**
 * Reads the widget's `text` option: which of its keys are strings of the widget (every part's, so
 * this loads only when the option is set), in which language.
 */
import { warnInDev } from '../part-kit.js';
import en from './en.js';
import type { TextOption, TextOverrides } from './text-overrides.js';

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
