import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../catalog/listing-cursor.js';
import { cloudinaryTime } from './asset-response.js';
import { badRequest } from './service-error.js';

/** A folder as folder search sees it. */
export interface FolderEntry {
  readonly path: string;
  readonly createdAt: string;
}

const FIELDS = ['name', 'path', 'created_at'] as const;
type Field = (typeof FIELDS)[number];

const bodySchema = z.object({
  expression: z.string().max(4096).optional(),
  sort_by: z
    .array(z.record(z.enum(FIELDS), z.enum(['asc', 'desc'])))
    .max(3)
    .optional(),
  max_results: z.coerce.number().int().min(1).max(500).optional(),
  next_cursor: z.string().max(256).optional(),
});

interface Term {
  readonly field: Field;
  readonly exact: boolean;
  readonly value: string;
}

/**
 * `POST /folders/search`: field terms on `name`, `path` and `created_at` joined by AND (a space or
 * the word), `field:value` ignoring case with `*` wildcards and `field=value` exact, plus
 * `created_at>…`/`<…` with an ISO date. Folders are few next to assets, so the terms are applied to
 * the cloud's folder list in memory rather than compiled to SQL.
 */
export function searchFolders(folders: readonly FolderEntry[], body: unknown) {
  const started = performance.now();
  const request = bodySchema.parse(body ?? {});
  const terms = parseFolderExpression(request.expression ?? '');
  const matching = folders.filter((folder) => terms.every((term) => matches(folder, term)));
  const sortBy = request.sort_by?.flatMap((entry) => Object.entries(entry)) ?? [['path', 'asc']];
  matching.sort((a, b) => {
    for (const [field, direction] of sortBy) {
      const order = compare(fieldValue(a, field as Field), fieldValue(b, field as Field));
      if (order) return direction === 'desc' ? -order : order;
    }
    return compare(a.path, b.path);
  });
  const start = request.next_cursor ? cursorOffset(request.next_cursor) : 0;
  const size = request.max_results ?? 50;
  const page = matching.slice(start, start + size);
  return {
    total_count: matching.length,
    time: Math.round(performance.now() - started),
    folders: page.map((folder) => ({
      name: nameOf(folder.path),
      path: folder.path,
      created_at: cloudinaryTime(folder.createdAt),
      external_id: '',
    })),
    ...(start + size < matching.length ? { next_cursor: encodeCursor(['folders', start + size]) } : {}),
  };
}

function parseFolderExpression(expression: string): Term[] {
  const words = expression
    .trim()
    .split(/\s+/)
    .filter((word) => word && word !== 'AND');
  return words.map((word) => {
    const match = /^(name|path|created_at)(:|=|>=|<=|>|<)(.+)$/.exec(word);
    if (!match) {
      throw badRequest(
        `Unsupported folder search term ${JSON.stringify(word)}: use name, path or created_at terms joined by AND`,
      );
    }
    const [, field, op, raw] = match as unknown as [string, Field, string, string];
    const value = raw.replace(/^"(.*)"$/, '$1');
    if (field === 'created_at') {
      if (op === ':' || op === '=') throw badRequest('Folder created_at supports only >, >=, < and <=');
      if (Number.isNaN(Date.parse(value))) throw badRequest(`Invalid date in folder search: ${value}`);
      return { field, exact: false, value: `${op}${new Date(value).toISOString()}` };
    }
    if (op !== ':' && op !== '=') throw badRequest(`Folder ${field} supports only : and =`);
    return { field, exact: op === '=', value };
  });
}

function matches(folder: FolderEntry, term: Term): boolean {
  if (term.field === 'created_at') {
    const [, op, iso] = /^(>=|<=|>|<)(.*)$/.exec(term.value) as unknown as [string, string, string];
    const order = compare(folder.createdAt, iso);
    return op === '>' ? order > 0 : op === '<' ? order < 0 : op === '>=' ? order >= 0 : order <= 0;
  }
  const actual = term.field === 'name' ? nameOf(folder.path) : folder.path;
  if (term.exact) return actual === term.value;
  const pattern = term.value
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`, 's').test(actual.toLowerCase());
}

function fieldValue(folder: FolderEntry, field: Field): string {
  return field === 'name' ? nameOf(folder.path) : field === 'path' ? folder.path : folder.createdAt;
}

function nameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cursorOffset(cursor: string): number {
  const position = decodeCursor(cursor);
  const offset = position?.[0] === 'folders' ? position[1] : undefined;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0)
    throw badRequest('Invalid next_cursor');
  return offset;
}
