import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppServices } from '../services/app-services.js';
import { parseContentRange } from '../services/chunked-uploads.js';
import { parsePartHeaders } from '../services/numbered-parts.js';
import { stringParam } from '../services/request-params.js';
import { badRequest, notFound } from '../services/service-error.js';
import type { UploadSource } from '../services/upload-service.js';
import { baseUrlOf } from './base-url.js';
import { basicCredentials } from './basic-auth.js';
import { readRequestParams } from './request-params-reader.js';
import { chunkHeaders, cloudRouteParams, uploadRouteParams } from './route-schemas.js';
import { callbackLocation, callbackTarget } from './upload-callback.js';

/**
 * `POST /v1_1/:cloud/:resource_type/upload` (and the type-less form old integrations use), plus
 * `…/upload_chunked`, the newer name of the same endpoint for the chunks of a large upload, and
 * `POST /v1_1/:cloud/delete_by_token`, which deletes a fresh upload with the `delete_token` it returned.
 */
export function registerUploadRoutes(app: FastifyInstance, services: AppServices): void {
  for (const endpoint of ['upload', 'upload_chunked']) {
    app.post(`/v1_1/:cloud/:resource_type/${endpoint}`, async (request, reply) => {
      const { cloud, resource_type } = uploadRouteParams.parse(request.params);
      return handleUpload(request, reply, services, cloud, resource_type);
    });
  }
  app.post('/v1_1/:cloud/upload', async (request, reply) => {
    const { cloud } = cloudRouteParams.parse(request.params);
    return handleUpload(request, reply, services, cloud, 'auto');
  });
  // Called from browsers without credentials: the token is the only authority, and it names the asset.
  app.post('/v1_1/:cloud/delete_by_token', async (request) => {
    const { cloud } = cloudRouteParams.parse(request.params);
    const received = await readRequestParams(request, services.temp);
    await services.temp.remove(received.file?.path);
    const target = services.deleteTokens.verify(cloud, stringParam(received.params, 'token'));
    if (!(await services.admin.deleteVersion(target)))
      throw notFound('Resource not found - the asset was already deleted or replaced');
    return { result: 'ok' };
  });
  // Hooks close in reverse order, so this runs before the catalog closes: `async` uploads finish.
  app.addHook('onClose', async () => services.uploads.drain());
}

async function handleUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  services: AppServices,
  cloud: string,
  resourceType: 'image' | 'video' | 'raw' | 'auto',
) {
  const headers = chunkHeaders.parse(request.headers);
  const received = await readRequestParams(request, services.temp);
  try {
    const auth = await services.uploadAuth.authenticate(cloud, received.params, basicCredentials(request));
    const part = parsePartHeaders(
      singleHeader(request, 'x-upload-part-number'),
      singleHeader(request, 'x-upload-total-parts'),
    );
    const uploadId = headers['x-unique-upload-id'];
    if (part && !uploadId) throw badRequest('Numbered parts need an X-Unique-Upload-Id header');
    const chunked = uploadId !== undefined || headers['content-range'] !== undefined;
    if (chunked && !part && (!uploadId || !headers['content-range'])) {
      throw badRequest('Chunked uploads need both X-Unique-Upload-Id and Content-Range headers');
    }
    const callback = callbackTarget(request, stringParam(received.params, 'callback'));
    const source: UploadSource = received.file
      ? { kind: 'file', path: received.file.path, filename: received.file.filename, md5: received.file.md5 }
      : { kind: 'none' };
    const response = await services.uploads.upload({
      cloud,
      resourceType,
      params: received.params,
      auth,
      source,
      baseUrl: baseUrlOf(request, services.config.publicUrl),
      chunk: part
        ? { uploadId: uploadId!, part }
        : chunked
          ? { uploadId: uploadId!, range: parseContentRange(headers['content-range']!) }
          : undefined,
    });
    if (callback && response.done !== false) return reply.redirect(callbackLocation(callback, response), 302);
    return response;
  } finally {
    await services.temp.remove(received.file?.path);
  }
}

function singleHeader(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}
