import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppServices } from '../services/app-services.js';
import { adminCloudParams, pageQuery } from './admin-schemas.js';
import { readRequestParams } from './request-params-reader.js';

const bodySchema = z.object({
  name: z.string().max(255).optional(),
  transformation: z.string().max(4096).optional(),
  unsafe_update: z.string().max(4096).optional(),
  allowed_for_strict: z.enum(['true', 'false', '1', '0']).optional(),
});
const nameParams = adminCloudParams.extend({ name: z.string().min(1).max(255) });

/**
 * Named transformations, in both the SDK form (`/transformations?transformation=<name>`) and the
 * OpenAPI form (`/transformations/:name`).
 */
export function registerTransformationRoutes(app: FastifyInstance, services: AppServices): void {
  const { transformations, adminGate } = services;

  async function open(request: FastifyRequest, reply: FastifyReply) {
    const { cloud } = adminCloudParams.parse(request.params);
    const received = await readRequestParams(request, services.temp);
    await services.temp.remove(received.file?.path);
    adminGate.authenticate(request, reply, cloud);
    return { cloud, params: received.params };
  }
  const flag = (value: string | undefined) =>
    value === undefined ? undefined : value === 'true' || value === '1';
  const requireName = (value: string | undefined) =>
    z.string({ required_error: 'transformation is required' }).min(1).parse(value);

  app.get('/v1_1/:cloud/transformations', async (request, reply) => {
    const { cloud, params } = await open(request, reply);
    const body = bodySchema.passthrough().parse(params);
    if (body.transformation) return transformations.get(cloud, body.transformation);
    const query = pageQuery.parse(params);
    return transformations.list(cloud, { maxResults: query.max_results, nextCursor: query.next_cursor });
  });
  app.get('/v1_1/:cloud/transformations/:name', async (request, reply) => {
    const { name } = nameParams.parse(request.params);
    const { cloud } = await open(request, reply);
    return transformations.get(cloud, name);
  });
  app.post('/v1_1/:cloud/transformations', async (request, reply) => {
    const { cloud, params } = await open(request, reply);
    const body = bodySchema.passthrough().parse(params);
    return transformations.create(
      cloud,
      requireName(body.name),
      body.transformation,
      flag(body.allowed_for_strict) ?? false,
    );
  });
  app.post('/v1_1/:cloud/transformations/:name', async (request, reply) => {
    const { name } = nameParams.parse(request.params);
    const { cloud, params } = await open(request, reply);
    const body = bodySchema.passthrough().parse(params);
    return transformations.create(cloud, name, body.transformation, flag(body.allowed_for_strict) ?? false);
  });
  app.put('/v1_1/:cloud/transformations', async (request, reply) => {
    const { cloud, params } = await open(request, reply);
    const body = bodySchema.passthrough().parse(params);
    return transformations.update(cloud, requireName(body.transformation), {
      unsafeUpdate: body.unsafe_update,
      allowedForStrict: flag(body.allowed_for_strict),
    });
  });
  app.put('/v1_1/:cloud/transformations/:name', async (request, reply) => {
    const { name } = nameParams.parse(request.params);
    const { cloud, params } = await open(request, reply);
    const body = bodySchema.passthrough().parse(params);
    return transformations.update(cloud, name, {
      unsafeUpdate: body.unsafe_update ?? body.transformation,
      allowedForStrict: flag(body.allowed_for_strict),
    });
  });
  app.delete('/v1_1/:cloud/transformations', async (request, reply) => {
    const { cloud, params } = await open(request, reply);
    return transformations.delete(cloud, requireName(bodySchema.passthrough().parse(params).transformation));
  });
  app.delete('/v1_1/:cloud/transformations/:name', async (request, reply) => {
    const { name } = nameParams.parse(request.params);
    const { cloud } = await open(request, reply);
    return transformations.delete(cloud, name);
  });
}
