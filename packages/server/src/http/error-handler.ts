import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { InvalidCursorError } from '../catalog/asset-catalog.js';
import { ServiceError } from '../services/service-error.js';
import { errorHeaderValue, isDeliveryPath } from './delivery-path.js';

/**
 * Every error leaves as `{"error":{"message":…}}`. Refusals (ServiceError, invalid input, body
 * limits, malformed bodies) keep their 4xx; anything unexpected is logged and becomes a 500 that
 * reveals nothing.
 */
export function registerErrorHandling(app: FastifyInstance, maxFileBytes: number): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const { status, message } = describe(error, maxFileBytes);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    // Delivery clients (and Cloudinary's tools) read the reason from a header, not the body.
    if (isDeliveryPath(request.url)) {
      void reply.header('X-Kumo-Error', errorHeaderValue(message));
      void reply.header('X-Cld-Error', errorHeaderValue(message));
    }
    void reply.status(status).send({ error: { message } });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error: { message: `Not found: ${request.method} ${request.url.split('?')[0]}` } });
  });
}

function describe(error: FastifyError | Error, maxFileBytes: number): { status: number; message: string } {
  if (error instanceof ServiceError) return { status: error.status, message: error.message };
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return { status: 400, message: `Invalid request - ${where}${issue?.message ?? 'invalid input'}` };
  }
  if (error instanceof InvalidCursorError) return { status: 400, message: error.message };
  const code = (error as FastifyError).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 400, message: `File size too large. Maximum is ${maxFileBytes}.` };
  }
  const statusCode = (error as FastifyError).statusCode;
  if (statusCode !== undefined && statusCode >= 400 && statusCode < 500) {
    return { status: statusCode === 413 ? 400 : statusCode, message: error.message };
  }
  return { status: 500, message: 'Internal server error' };
}
