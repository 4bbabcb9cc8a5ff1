import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppServices } from '../services/app-services.js';
import type { CommandScope } from '../services/asset-commands.js';
import type { RequestParams } from '../services/request-params.js';
import { baseUrlOf } from './base-url.js';
import { basicCredentials } from './basic-auth.js';
import { readRequestParams } from './request-params-reader.js';
import { managementRouteParams } from './route-schemas.js';

type Command = 'destroy' | 'rename' | 'explicit' | 'tags' | 'context';
const COMMANDS: readonly Command[] = ['destroy', 'rename', 'explicit', 'tags', 'context'];

/** Signed Upload API calls on existing assets: `POST /v1_1/:cloud/:resource_type/<command>`. */
export function registerAssetCommandRoutes(app: FastifyInstance, services: AppServices): void {
  for (const command of COMMANDS) {
    app.post(`/v1_1/:cloud/:resource_type/${command}`, async (request) => {
      const { scope, params } = await authenticate(request, services);
      return services.commands[command](scope, params);
    });
  }
}

async function authenticate(
  request: FastifyRequest,
  services: AppServices,
): Promise<{ scope: CommandScope; params: RequestParams }> {
  const { cloud, resource_type } = managementRouteParams.parse(request.params);
  const received = await readRequestParams(request, services.temp);
  await services.temp.remove(received.file?.path);
  const apiKey = await services.uploadAuth.authenticateSigned(
    cloud,
    received.params,
    basicCredentials(request),
  );
  return {
    scope: {
      cloud,
      resourceType: resource_type,
      apiKey,
      baseUrl: baseUrlOf(request, services.config.publicUrl),
    },
    params: received.params,
  };
}
