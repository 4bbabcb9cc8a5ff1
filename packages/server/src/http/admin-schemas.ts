import { z } from 'zod';
import { cloudName, resourceType } from './route-schemas.js';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

const maxResults = (fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, 'max_results must be a number')
    .optional()
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(z.number().int().min(0).max(500, 'max_results must be at most 500'));

const direction = z
  .enum(['asc', 'desc', '1', '-1'])
  .optional()
  .transform((value) => (value === 'asc' || value === '1' ? 'asc' : 'desc') as 'asc' | 'desc');

/** Query of resource listings (by type, by tag, by public ids). */
export const listQuery = z.object({
  prefix: z.string().max(1024).optional(),
  max_results: maxResults(10),
  next_cursor: z.string().max(2048).optional(),
  direction,
  tags: booleanFlag,
  context: booleanFlag,
  public_ids: z.union([z.string(), z.array(z.string())]).optional(),
});

/** Query of one resource's details (other Cloudinary flags are accepted and ignored). */
export const resourceQuery = z.object({ coordinates: booleanFlag });

export const pageQuery = z.object({
  prefix: z.string().max(1024).optional(),
  max_results: maxResults(10),
  next_cursor: z.string().max(2048).optional(),
});

export const folderPageQuery = pageQuery.extend({ max_results: maxResults(50) });

export const adminCloudParams = z.object({ cloud: cloudName });
export const adminResourceParams = z.object({ cloud: cloudName, resource_type: resourceType });
export const adminTypedParams = adminResourceParams.extend({
  type: z.string().regex(/^[a-z_]{1,32}$/, 'invalid type'),
});
export const adminTagParams = adminResourceParams.extend({ tag: z.string().min(1).max(255) });
export const adminPresetParams = z.object({ cloud: cloudName, name: z.string().min(1).max(255) });

export const deleteQuery = z.object({
  public_ids: z.union([z.string(), z.array(z.string())]).optional(),
  prefix: z.string().min(1).max(1024).optional(),
  all: booleanFlag,
  keep_original: booleanFlag,
});
