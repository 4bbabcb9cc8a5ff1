import { canonicalizeTransformation } from '@kumo/core';
import type { EagerEntry } from './asset-response.js';
import { badRequest } from './service-error.js';

/**
 * Parses the `eager` parameter: transformations separated by `|`, each optionally ending in
 * `/<format>`. Transformations are canonicalized, as Cloudinary echoes them in canonical order.
 */
export function parseEager(value: string | undefined): EagerEntry[] {
  if (!value) return [];
  return value
    .split('|')
    .filter(Boolean)
    .map((item) => {
      const slash = item.lastIndexOf('/');
      const tail = slash >= 0 ? item.slice(slash + 1) : '';
      const hasFormat = /^[a-z0-9]{2,5}$/i.test(tail) && !tail.includes('_');
      const transformation = hasFormat ? item.slice(0, slash) : item;
      try {
        return {
          transformation: canonicalizeTransformation(transformation),
          ...(hasFormat ? { format: tail.toLowerCase() } : {}),
        };
      } catch (error) {
        throw badRequest(`Invalid eager transformation ${JSON.stringify(item)}: ${(error as Error).message}`);
      }
    });
}
