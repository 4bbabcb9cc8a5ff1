import type { CustomRegion } from '../catalog/asset.js';
import type { RequestParams } from './request-params.js';
import { badRequest } from './service-error.js';

// Bounds each number well inside what the catalog and the renderer handle exactly.
const MAX_COORDINATE = 1_000_000;
const MAX_REGIONS = 100;

/**
 * Reads Cloudinary's `custom_coordinates`: `x,y,w,h` regions separated by `|`, each four non-negative
 * integers with a positive width and height. '' (the way to clear them) gives no regions.
 */
export function parseCustomCoordinates(value: string): CustomRegion[] {
  if (value.trim() === '') return [];
  const regions = value.split('|');
  if (regions.length > MAX_REGIONS) throw badRequest(`At most ${MAX_REGIONS} custom_coordinates regions`);
  return regions.map((text) => {
    const numbers = text.split(',').map((part) => part.trim());
    const valid =
      numbers.length === 4 &&
      numbers.every((part) => /^\d{1,7}$/.test(part) && Number(part) <= MAX_COORDINATE) &&
      Number(numbers[2]) > 0 &&
      Number(numbers[3]) > 0;
    if (!valid) {
      throw badRequest(
        `Invalid custom_coordinates ${JSON.stringify(text)}: expected x,y,width,height as non-negative integers with a positive width and height`,
      );
    }
    const [x = 0, y = 0, width = 0, height = 0] = numbers.map(Number);
    return [x, y, width, height] as const;
  });
}

/** The Admin API's `coordinates` object (`coordinates=true`): `custom` only when there are regions. */
export function coordinatesField(regions: readonly CustomRegion[] | undefined): {
  custom?: number[][];
} {
  return regions?.length ? { custom: regions.map((region) => [...region]) } : {};
}

/**
 * `custom_coordinates` of an update (Admin API update, `explicit`): `undefined` when absent, no
 * regions when it is '' (which clears them).
 */
export function customCoordinatesUpdate(params: RequestParams): CustomRegion[] | undefined {
  const value = params.custom_coordinates;
  if (value === undefined) return undefined;
  if (Array.isArray(value) && value.length > 1)
    throw badRequest('Parameter custom_coordinates must be a single value');
  return parseCustomCoordinates((Array.isArray(value) ? value[0] : value) ?? '');
}
