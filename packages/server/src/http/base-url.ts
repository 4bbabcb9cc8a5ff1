import type { FastifyRequest } from 'fastify';

/** The origin clients should use for delivery URLs: the configured public URL, else this request's origin. */
export function baseUrlOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
