import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppServices } from '../services/app-services.js';
import { parseContentRange } from '../services/chunked-uploads.js';
import { badRequest } from '../services/service-error.js';
import type { UploadSource } from '../services/upload-service.js';
import { baseUrlOf } from './base-url.js';
import { basicCredentials } from './basic-auth.js';
import { readRequestParams } from './request-params-reader.js';
import { chunkHeaders, cloudRouteParams, uploadRouteParams } from './route-schemas.js';

/** `POST /v1_1/:cloud/:resource_type/upload` (and the type-less form old integrations use). */
export function registerUploadRoutes(app: FastifyInstance, services: AppServices): void {
  app.post('/v1_1/:cloud/:resource_type/upload', async (request) => {
    const { cloud, resource_type } = uploadRouteParams.parse(request.params);
    return handleUpload(request, services, cloud, resource_type);
  });
  app.post('/v1_1/:cloud/upload', async (request) => {
    const { cloud } = cloudRouteParams.parse(request.params);
    return handleUpload(request, services, cloud, 'auto');
  });
}

async function handleUpload(
  request: FastifyRequest,
  services: AppServices,
  cloud: string,
  resourceType: 'image' | 'video' | 'raw' | 'auto',
) {
  const headers = chunkHeaders.parse(request.headers);
  const received = await readRequestParams(request, services.temp);
  try {
    const auth = await services.uploadAuth.authenticate(cloud, received.params, basicCredentials(request));
    const chunked = headers['x-unique-upload-id'] !== undefined || headers['content-range'] !== undefined;
    if (chunked && (!headers['x-unique-upload-id'] || !headers['content-range'])) {
      throw badRequest('Chunked uploads need both X-Unique-Upload-Id and Content-Range headers');
    }
    const source: UploadSource = received.file
      ? { kind: 'file', path: received.file.path, filename: received.file.filename, md5: received.file.md5 }
      : { kind: 'none' };
    return await services.uploads.upload({
      cloud,
      resourceType,
      params: received.params,
      auth,
      source,
      baseUrl: baseUrlOf(request, services.config.publicUrl),
      chunk: chunked
        ? { uploadId: headers['x-unique-upload-id']!, range: parseContentRange(headers['content-range']!) }
        : undefined,
    });
  } finally {
    await services.temp.remove(received.file?.path);
  }
}
