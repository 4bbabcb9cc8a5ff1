/** Opaque `next_cursor` values: base64url JSON, so clients cannot depend on their content. */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Returns undefined for anything that is not a cursor this server issued. */
export function decodeCursor(cursor: string): (string | number)[] | undefined {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' || typeof v === 'number'))
      return undefined;
    return values as (string | number)[];
  } catch {
    return undefined;
  }
}
