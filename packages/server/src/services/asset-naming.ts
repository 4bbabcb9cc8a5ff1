import { randomBytes } from 'node:crypto';
import { badRequest } from './service-error.js';

// Cloudinary refuses these characters in public ids; control characters and backslashes are
// refused as well so no id can smuggle a path or a header.
const FORBIDDEN = /[\u0000-\u001f\u007f?&#\\%<>]/;
const MAX_LENGTH = 255;

/**
 * Checks a public id or folder path: no control or reserved characters, no empty, `.` or `..`
 * segment, no leading or trailing slash. Returns it with surrounding whitespace trimmed.
 */
export function validatePath(value: string, what: 'public_id' | 'folder' | 'tag'): string {
  const trimmed = value.trim();
  if (!trimmed) throw badRequest(`Invalid ${what}: empty`);
  if (trimmed.length > MAX_LENGTH) throw badRequest(`Invalid ${what}: longer than ${MAX_LENGTH} characters`);
  if (FORBIDDEN.test(trimmed)) {
    throw badRequest(
      `Invalid ${what} ${JSON.stringify(trimmed)}: control characters and ? & # \\ % < > are not allowed`,
    );
  }
  if (
    what !== 'tag' &&
    trimmed.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
  ) {
    throw badRequest(
      `Invalid ${what} ${JSON.stringify(trimmed)}: empty, "." and ".." path segments are not allowed`,
    );
  }
  return trimmed;
}

/** A tag: no commas (they separate tags on the wire) and nothing `validatePath` refuses. */
export function validateTag(tag: string): string {
  const value = validatePath(tag, 'tag');
  if (value.includes(',')) throw badRequest(`Invalid tag ${JSON.stringify(value)}: commas are not allowed`);
  return value;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Lowercase letters and digits, like the ids Cloudinary generates. */
export function randomId(length: number): string {
  const bytes = randomBytes(length);
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** A file name turned into a public id segment: extension dropped, unsafe characters replaced. */
export function publicIdFromFilename(filename: string): string {
  const base = baseName(filename).replace(/\.[^.]*$/, '');
  const cleaned = base.replace(/[\u0000-\u001f\u007f?&#\\%<>/\s]+/g, '_').replace(/^\.+/, '');
  return cleaned.slice(0, 200) || randomId(20);
}

/** The last segment of a path-like name, tolerant of Windows separators. */
export function baseName(filename: string): string {
  return filename.split(/[\\/]/).pop() ?? filename;
}

/** Lowercase extension without the dot, or '' when the name has none. */
export function extensionOf(filename: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(baseName(filename));
  return match ? match[1]!.toLowerCase() : '';
}
