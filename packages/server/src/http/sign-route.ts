import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { createSignHandler } from '../signing/sign-handler.js';
import { baseUrlOf } from './base-url.js';

/**
 * `POST /api/sign`: signs upload parameters for widgets with the first key of the first cloud,
 * under the policy from configuration. It runs the same Web-standard handler users can mount in
 * their own backend; CORS headers come from the server's CORS layer (configured origins only).
 */
export function registerSignRoute(app: FastifyInstance, config: Config): void {
  const cloud = config.clouds[0]!;
  const key = cloud.keys[0]!;
  const handler = createSignHandler({
    policy: {
      cloudName: cloud.name,
      apiKey: key.key,
      apiSecret: key.secret,
      folder: config.signing.folder,
      tags: config.signing.tags,
      maxFileBytes: config.signing.maxFileBytes,
    },
    allowedOrigins: config.corsOrigins,
  });
  app.post('/api/sign', async (request, reply) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    headers.set('content-type', 'application/json');
    const response = await handler(
      new Request(`${baseUrlOf(request, config.publicUrl)}${request.url}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(request.body ?? null),
      }),
    );
    void reply.status(response.status).header('content-type', 'application/json');
    return reply.send(await response.text());
  });
}
