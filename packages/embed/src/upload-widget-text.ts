/**
 * Cloudinary's nested, per-language `text` option → the upload widget's `text` option. The widget
 * takes Cloudinary's shape itself (its keys are Cloudinary's paths joined with dots, and it reads
 * `{ en: {…}, fr: {…} }`), so this only renames the few keys that differ and drops the sections of
 * sources Kumo does not have, with one warning instead of one per key.
 */
import type { DevWarning } from './dev-warning.js';
import { isPlainObject } from './option-values.js';

/** Cloudinary key → the widget's key, where they differ. */
export const TEXT_KEY_RENAMES: Readonly<Record<string, string>> = {
  'queue.statuses.uploaded': 'queue.statuses.done',
};

/** Sections of Cloudinary's text for sources and searches Kumo does not offer. */
const UNMAPPED_SECTIONS = new Set([
  'search',
  'dropbox',
  'facebook',
  'instagram',
  'shutterstock',
  'getty',
  'istock',
  'unsplash',
  'gsearch',
  'gdrive',
  'google_drive',
  'image_search',
]);

const LANGUAGE_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{2,8})*$/i;

/** Joins nested keys with dots: `{ local: { browse: 'x' } }` → `{ 'local.browse': 'x' }`. */
export function flattenText(text: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(text)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value)) Object.assign(flat, flattenText(value, path));
    else flat[path] = value;
  }
  return flat;
}

function mapTable(table: Record<string, unknown>, skipped: string[]): Record<string, unknown> {
  const mapped: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flattenText(table))) {
    const [section, item] = key.split('.');
    if (UNMAPPED_SECTIONS.has(section!) || (section === 'menu' && UNMAPPED_SECTIONS.has(item!))) {
      skipped.push(key);
      continue;
    }
    mapped[TEXT_KEY_RENAMES[key] ?? key] = value;
  }
  return mapped;
}

/**
 * Maps a Cloudinary `text` object, keeping its languages: `{ fr: { local: { browse } } }` →
 * `{ fr: { 'local.browse': … } }`; a table without language keys stays one flat table.
 */
export function mapCloudinaryText(text: Record<string, unknown>): {
  text: Record<string, unknown>;
  warnings: DevWarning[];
} {
  const skipped: string[] = [];
  const byLanguage =
    Object.keys(text).length > 0 &&
    Object.entries(text).every(([key, value]) => LANGUAGE_TAG.test(key) && isPlainObject(value)) &&
    !Object.keys(text).some((key) =>
      ['local', 'menu', 'queue', 'crop', 'errors', 'url', 'camera'].includes(key),
    );
  const mapped = byLanguage
    ? Object.fromEntries(
        Object.entries(text).map(([language, table]) => [
          language,
          mapTable(table as Record<string, unknown>, skipped),
        ]),
      )
    : mapTable(text, skipped);
  const warnings: DevWarning[] = [];
  if (skipped.length > 0)
    warnings.push({
      code: 'embed-text-unmapped',
      message: `text keys ${skipped.join(', ')} belong to sources Kumo does not offer and were ignored.`,
    });
  return { text: mapped, warnings };
}
