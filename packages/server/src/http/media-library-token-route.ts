import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { MediaLibraryTokens } from '../services/media-library-tokens.js';
import { baseUrlOf } from './base-url.js';
import { cloudName } from './route-schemas.js';

const body = z
  .object({
    cloud_name: cloudName.optional(),
    api_key: z.string().max(64).optional(),
    username: z.string().max(320).optional(),
    timestamp: z.union([z.string().max(20), z.number()]).optional(),
    signature: z.string().max(128).optional(),
  })
  .nullish();

/**
 * `POST /api/media-library/token`: a short-lived bearer token for the media-library picker. With a
 * media-library login signed by the host's backend (Cloudinary's recipe) any origin may ask; without
 * one, only a browser on this server's origin or a configured origin.
 */
export function registerMediaLibraryTokenRoute(
  app: FastifyInstance,
  config: Config,
  tokens: MediaLibraryTokens,
): void {
  app.post('/api/media-library/token', async (request) => {
    const login = body.parse(request.body) ?? {};
    const origin = request.headers.origin;
    const ownOrigin = new URL(baseUrlOf(request, config.publicUrl)).origin;
    const trusted =
      origin !== undefined &&
      (origin === ownOrigin || config.corsOrigins.includes(origin) || config.corsOrigins.includes('*'));
    return tokens.issue(login.cloud_name ?? config.clouds[0]!.name, login, trusted);
  });
}
