import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppServices } from '../services/app-services.js';
import { validateTag } from '../services/asset-naming.js';
import { parseContext } from '../services/context-metadata.js';
import { customCoordinatesUpdate } from '../services/custom-coordinates.js';
import { parseEager } from '../services/eager.js';
import { arrayParam, listParam, type RequestParams, stringParam } from '../services/request-params.js';
import { ServiceError } from '../services/service-error.js';
import { getStreamingProfile, listStreamingProfiles } from '../services/streaming-profiles.js';
import {
  adminCloudParams,
  adminPresetParams,
  adminResourceParams,
  adminTagParams,
  adminTypedParams,
  deleteQuery,
  folderPageQuery,
  listQuery,
  pageQuery,
  resourceQuery,
} from './admin-schemas.js';
import { baseUrlOf } from './base-url.js';
import { readRequestParams } from './request-params-reader.js';

const PRESET_RESERVED = new Set([
  'name',
  'unsigned',
  'timestamp',
  'signature',
  'api_key',
  'cloud_name',
  'file',
]);

/** The Admin API under `/v1_1/:cloud/…`, authenticated with HTTP Basic (key:secret). */
export function registerAdminRoutes(app: FastifyInstance, services: AppServices): void {
  const { admin, adminGate } = services;
  const base = (request: FastifyRequest) => baseUrlOf(request, services.config.publicUrl);

  /** Authenticates, then returns the merged query/body parameters. */
  async function open(request: FastifyRequest, reply: FastifyReply, cloud: string): Promise<RequestParams> {
    const received = await readRequestParams(request, services.temp);
    await services.temp.remove(received.file?.path);
    adminGate.authenticate(request, reply, cloud);
    return received.params;
  }

  app.get('/v1_1/:cloud/ping', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return { status: 'ok' };
  });

  app.get('/v1_1/:cloud/usage', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.usage(cloud, { maxFileBytes: services.config.maxFileBytes });
  });

  app.get('/v1_1/:cloud/resources', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.resourceTypes(cloud);
  });

  const assetIdsQuery = z.object({ asset_ids: z.union([z.string(), z.array(z.string())]) }).passthrough();

  app.get('/v1_1/:cloud/resources/by_asset_ids', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const assetIds = [assetIdsQuery.parse(params).asset_ids].flat();
    const query = listQuery.parse({
      ...params,
      asset_ids: undefined,
      max_results: String(Math.min(assetIds.length || 1, 500)),
    });
    return admin.listResources({ cloud }, { assetIds }, listOptions(query), base(request));
  });

  app.get('/v1_1/:cloud/resources/by_asset_folder', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const folder = z
      .string()
      .max(1024)
      .parse(stringParam(params, 'asset_folder') ?? '');
    const query = listQuery.parse({ ...params, asset_folder: undefined });
    return admin.listResources(
      { cloud },
      { folder: folder.replace(/^\/+|\/+$/g, '') },
      listOptions(query),
      base(request),
    );
  });

  app.delete('/v1_1/:cloud/resources', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const params = await open(request, reply, cloud);
    return admin.deleteByAssetIds(cloud, [assetIdsQuery.parse(params).asset_ids].flat(), {
      keepOriginal: deleteQuery.parse(params).keep_original,
      transformations: derivedSelection(params),
    });
  });

  app.get('/v1_1/:cloud/resources/:resource_type', async (request, reply) => {
    // `GET /resources/:asset_id` shares this path shape.
    const assetId = (request.params as { resource_type?: string }).resource_type;
    if (assetId && /^[0-9a-f]{32}$/.test(assetId)) {
      const { cloud } = adminCloudParams.parse(request.params);
      await open(request, reply, cloud);
      return admin.resourceByAssetId(cloud, assetId, base(request));
    }
    const { cloud, resource_type } = adminResourceParams.parse(request.params);
    const query = listQuery.parse(await open(request, reply, cloud));
    return admin.listResources(
      { cloud, resourceType: resource_type },
      { prefix: query.prefix },
      listOptions(query),
      base(request),
    );
  });

  app.get('/v1_1/:cloud/resources/:resource_type/tags/:tag', async (request, reply) => {
    const { cloud, resource_type, tag } = adminTagParams.parse(request.params);
    const query = listQuery.parse(await open(request, reply, cloud));
    return admin.listResources(
      { cloud, resourceType: resource_type },
      { tag },
      listOptions(query),
      base(request),
    );
  });

  app.get('/v1_1/:cloud/resources/:resource_type/:type', async (request, reply) => {
    const { cloud, resource_type, type } = adminTypedParams.parse(request.params);
    const query = listQuery.parse(await open(request, reply, cloud));
    const publicIds = query.public_ids === undefined ? undefined : [query.public_ids].flat();
    return admin.listResources(
      { cloud, resourceType: resource_type, type },
      { prefix: publicIds ? undefined : query.prefix, publicIds },
      listOptions(query),
      base(request),
    );
  });

  app.get('/v1_1/:cloud/resources/:resource_type/:type/*', async (request, reply) => {
    const { cloud, resource_type, type } = adminTypedParams.parse(request.params);
    const publicId = wildcard(request);
    const { coordinates } = resourceQuery.parse(await open(request, reply, cloud));
    const identity = { cloud, resourceType: resource_type, type, publicId };
    const resource = await admin.resource(identity, base(request), { coordinates });
    // Derived assets come from the delivery service, which owns them.
    return { ...resource, derived: await services.delivery.derivedListing(identity, base(request)) };
  });

  app.post('/v1_1/:cloud/resources/:resource_type/:type/*', async (request, reply) => {
    const { cloud, resource_type, type } = adminTypedParams.parse(request.params);
    const publicId = wildcard(request);
    const params = await open(request, reply, cloud);
    const tags = listParam(params, 'tags');
    const context = stringParam(params, 'context');
    const displayName = stringParam(params, 'display_name');
    const moderationStatus = stringParam(params, 'moderation_status');
    const customCoordinates = customCoordinatesUpdate(params);
    return admin.updateResource(
      { cloud, resourceType: resource_type, type, publicId },
      {
        tags: tags?.map(validateTag),
        context: context === undefined ? undefined : parseContext(context),
        displayName: displayName === undefined ? undefined : validateDisplayName(displayName),
        moderationStatus,
        customCoordinates,
      },
      base(request),
    );
  });

  app.delete('/v1_1/:cloud/resources/:resource_type/:type', async (request, reply) => {
    const { cloud, resource_type, type } = adminTypedParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const query = deleteQuery.parse(params);
    const selection = query.public_ids
      ? { publicIds: [query.public_ids].flat() }
      : query.prefix
        ? { prefix: query.prefix }
        : query.all
          ? { all: true as const }
          : undefined;
    if (!selection) throw new ServiceError(400, 'Must specify public_ids, prefix or all');
    return admin.deleteResources({ cloud, resourceType: resource_type, type }, selection, {
      keepOriginal: query.keep_original,
      transformations: derivedSelection(params),
      nextCursor: stringParam(params, 'next_cursor'),
    });
  });

  app.delete('/v1_1/:cloud/derived_resources', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const ids = z
      .array(z.string().regex(/^[0-9a-f]{1,64}$/, 'invalid derived_resource_ids'))
      .min(1, 'Missing required parameter - derived_resource_ids')
      .parse(arrayParam(params, 'derived_resource_ids') ?? []);
    return admin.deleteDerivedResources(cloud, ids);
  });

  app.delete('/v1_1/:cloud/resources/:resource_type/tags/:tag', async (request, reply) => {
    const { cloud, resource_type, tag } = adminTagParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const query = deleteQuery.parse(params);
    return admin.deleteResources(
      { cloud, resourceType: resource_type },
      { tag },
      {
        keepOriginal: query.keep_original,
        transformations: derivedSelection(params),
        nextCursor: stringParam(params, 'next_cursor'),
      },
    );
  });

  app.post('/v1_1/:cloud/resources/search', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return services.search.search(cloud, request.body, base(request));
  });

  app.get('/v1_1/:cloud/tags/:resource_type', async (request, reply) => {
    const { cloud, resource_type } = adminResourceParams.parse(request.params);
    const query = pageQuery.parse(await open(request, reply, cloud));
    return admin.tags(cloud, resource_type, {
      prefix: query.prefix,
      maxResults: query.max_results,
      nextCursor: query.next_cursor,
    });
  });

  app.get('/v1_1/:cloud/folders', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const query = folderPageQuery.parse(await open(request, reply, cloud));
    return admin.folders(cloud, '', { maxResults: query.max_results, nextCursor: query.next_cursor });
  });

  app.get('/v1_1/:cloud/folders/*', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const query = folderPageQuery.parse(await open(request, reply, cloud));
    return admin.folders(cloud, wildcard(request), {
      maxResults: query.max_results,
      nextCursor: query.next_cursor,
    });
  });

  app.post('/v1_1/:cloud/folders/*', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.createFolder(cloud, wildcard(request));
  });

  app.delete('/v1_1/:cloud/folders/*', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.deleteFolder(cloud, wildcard(request));
  });

  const contextQuery = z.object({
    key: z.string({ required_error: 'Missing required parameter - key' }).min(1).max(1024),
    value: z.string().max(4096).optional(),
  });

  app.get('/v1_1/:cloud/resources/:resource_type/context', async (request, reply) => {
    const { cloud, resource_type } = adminResourceParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const { key, value } = contextQuery.parse({
      key: stringParam(params, 'key'),
      value: stringParam(params, 'value'),
    });
    const query = listQuery.parse({ ...params, key: undefined, value: undefined });
    return admin.listResources(
      { cloud, resourceType: resource_type },
      { context: { key, value } },
      { ...listOptions(query), moderations: flag(params.moderations) ?? false },
      base(request),
    );
  });

  const moderationParams = adminResourceParams.extend({
    kind: z.string().regex(/^[a-z_:.0-9]{1,64}$/, 'invalid moderation kind'),
    status: z.enum(['pending', 'approved', 'rejected', 'overridden', 'queued', 'aborted']),
  });

  app.get('/v1_1/:cloud/resources/:resource_type/moderations/:kind/:status', async (request, reply) => {
    const { cloud, resource_type, kind, status } = moderationParams.parse(request.params);
    const query = listQuery.parse(await open(request, reply, cloud));
    return admin.listResources(
      { cloud, resourceType: resource_type },
      { moderation: { kind, status } },
      listOptions(query),
      base(request),
    );
  });

  app.put('/v1_1/:cloud/folders/*', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const toFolder = stringParam(params, 'to_folder');
    if (toFolder === undefined) throw new ServiceError(400, 'Missing required parameter - to_folder');
    return admin.renameFolder(cloud, wildcard(request), toFolder);
  });

  app.post('/v1_1/:cloud/folders/search', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.searchFolders(cloud, request.body);
  });

  app.get('/v1_1/:cloud/streaming_profiles', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    return listStreamingProfiles();
  });

  app.get('/v1_1/:cloud/streaming_profiles/:name', async (request, reply) => {
    const { cloud, name } = adminPresetParams.parse(request.params);
    await open(request, reply, cloud);
    return getStreamingProfile(name);
  });

  // Custom profiles would need the HLS encoder to read ladders from the catalog; only the
  // built-in ones exist, and they cannot be changed.
  const refuseProfileChange = async (request: FastifyRequest, reply: FastifyReply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    await open(request, reply, cloud);
    throw new ServiceError(
      400,
      'Custom streaming profiles are not supported: only the built-in profiles exist',
    );
  };
  app.post('/v1_1/:cloud/streaming_profiles', refuseProfileChange);
  app.put('/v1_1/:cloud/streaming_profiles/:name', refuseProfileChange);
  app.delete('/v1_1/:cloud/streaming_profiles/:name', refuseProfileChange);

  app.get('/v1_1/:cloud/upload_presets', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const query = pageQuery.parse(await open(request, reply, cloud));
    return admin.listPresets(cloud, { maxResults: query.max_results, nextCursor: query.next_cursor });
  });

  app.post('/v1_1/:cloud/upload_presets', async (request, reply) => {
    const { cloud } = adminCloudParams.parse(request.params);
    const params = await open(request, reply, cloud);
    const name = z.string().max(255).optional().parse(single(params.name));
    return admin.createPreset(cloud, name, flag(params.unsigned) ?? false, presetSettings(params));
  });

  app.get('/v1_1/:cloud/upload_presets/:name', async (request, reply) => {
    const { cloud, name } = adminPresetParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.getPreset(cloud, name);
  });

  app.put('/v1_1/:cloud/upload_presets/:name', async (request, reply) => {
    const { cloud, name } = adminPresetParams.parse(request.params);
    const params = await open(request, reply, cloud);
    return admin.updatePreset(cloud, name, flag(params.unsigned), presetSettings(params));
  });

  app.delete('/v1_1/:cloud/upload_presets/:name', async (request, reply) => {
    const { cloud, name } = adminPresetParams.parse(request.params);
    await open(request, reply, cloud);
    return admin.deletePreset(cloud, name);
  });
}

function listOptions(query: z.infer<typeof listQuery>) {
  if (query.max_results < 1) throw new ServiceError(400, 'max_results must be between 1 and 500');
  return {
    maxResults: query.max_results,
    nextCursor: query.next_cursor,
    direction: query.direction,
    tags: query.tags,
    context: query.context,
  };
}

/** `transformations` of a delete (`a|b/jpg`, as the SDK's `build_eager` joins them), canonicalized. */
function derivedSelection(params: RequestParams) {
  const value = stringParam(params, 'transformations');
  if (value === undefined) return undefined;
  const entries = parseEager(value);
  if (!entries.length) throw new ServiceError(400, 'Invalid transformations: no transformation given');
  return entries;
}

function wildcard(request: FastifyRequest): string {
  const value = (request.params as Record<string, string | undefined>)['*'];
  if (!value) throw new ServiceError(400, 'Missing path');
  return value.replace(/\/+$/, '');
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flag(value: string | string[] | undefined): boolean | undefined {
  const text = single(value);
  if (text === undefined || text === '') return undefined;
  return text === '1' || text === 'true';
}

/** Upload parameters a preset stores; boolean spellings become booleans. */
function presetSettings(params: RequestParams): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (PRESET_RESERVED.has(key) || value === undefined || value === '') continue;
    settings[key] = value === 'true' ? true : value === 'false' ? false : value;
  }
  return settings;
}

function validateDisplayName(value: string): string {
  if (value.length > 255 || /[\u0000-\u001f\u007f]/.test(value)) {
    throw new ServiceError(400, 'Invalid display_name: at most 255 characters, no control characters');
  }
  return value;
}
