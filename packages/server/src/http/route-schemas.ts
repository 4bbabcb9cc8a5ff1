import { z } from 'zod';

/** Cloud names as configuration accepts them. */
export const cloudName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'invalid cloud name');

export const uploadResourceType = z.enum(['image', 'video', 'raw', 'auto'], {
  errorMap: () => ({ message: 'resource type must be image, video, raw or auto' }),
});

export const resourceType = z.enum(['image', 'video', 'raw'], {
  errorMap: () => ({ message: 'resource type must be image, video or raw' }),
});

export const uploadRouteParams = z.object({ cloud: cloudName, resource_type: uploadResourceType });
export const cloudRouteParams = z.object({ cloud: cloudName });
export const managementRouteParams = z.object({ cloud: cloudName, resource_type: resourceType });

/** Upload-chunk headers; both present or both absent. */
export const chunkHeaders = z.object({
  'x-unique-upload-id': z.string().optional(),
  'content-range': z.string().optional(),
});
