import { badRequest } from '../service-error.js';
import { NUMBER_FIELDS } from './search-node.js';
import type { SortKey } from './search-request.js';

/** One row's position in a sorted result: its sort values, then its asset id. */
export type SortPosition = readonly (string | number)[];

/**
 * `next_cursor`: base64url JSON of the sort it belongs to, the last row's sort values and its id.
 * The same last row under the same sort always gives the same cursor, and a cursor is refused
 * under any other sort instead of silently skipping rows.
 */
export function encodeSearchCursor(sortBy: readonly SortKey[], position: SortPosition): string {
  return Buffer.from(JSON.stringify([sortSignature(sortBy), ...position])).toString('base64url');
}

/** The position a cursor carries; a 400 ServiceError for anything this sort did not issue. */
export function decodeSearchCursor(cursor: string, sortBy: readonly SortKey[]): SortPosition {
  const invalid = () => badRequest('Invalid next_cursor');
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values) || values.length !== sortBy.length + 2 || values[0] !== sortSignature(sortBy)) {
    throw invalid();
  }
  const position = values.slice(1) as unknown[];
  const typesMatch = position.every((value, i) => {
    const key = sortBy[i];
    const numeric = key !== undefined && (NUMBER_FIELDS as readonly string[]).includes(key.field);
    return numeric ? typeof value === 'number' && Number.isFinite(value) : typeof value === 'string';
  });
  if (!typesMatch) throw invalid();
  return position as SortPosition;
}

function sortSignature(sortBy: readonly SortKey[]): string {
  return sortBy.map((key) => `${key.field}:${key.direction}`).join(',');
}
