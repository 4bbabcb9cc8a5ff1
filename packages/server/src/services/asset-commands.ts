import { responseSignature } from '@kumo/core';
import type { Asset, ResourceType } from '../catalog/asset.js';
import type { AssetCatalog, TagCommand } from '../catalog/asset-catalog.js';
import type { ApiKey } from '../config.js';
import type { BlobStorage } from '../storage/blob-storage.js';
import { validatePath, validateTag } from './asset-naming.js';
import { uploadResponse } from './asset-response.js';
import { parseContext } from './context-metadata.js';
import { customCoordinatesUpdate } from './custom-coordinates.js';
import { parseEager } from './eager.js';
import { arrayParam, booleanParam, listParam, type RequestParams, stringParam } from './request-params.js';
import { badRequest, notFound } from './service-error.js';
import { DELIVERY_TYPES } from './upload-service.js';
import { validateNotificationUrl, type Webhooks } from './webhooks.js';

/** Where a command applies: one cloud and resource type, authenticated with `apiKey`. */
export interface CommandScope {
  readonly cloud: string;
  readonly resourceType: ResourceType;
  readonly apiKey: ApiKey;
  readonly baseUrl: string;
}

const MAX_PUBLIC_IDS = 1000;

/** Upload API operations on existing assets: destroy, rename, explicit, tags and context. */
export class AssetCommands {
  constructor(
    private readonly catalog: AssetCatalog,
    private readonly storage: BlobStorage,
    private readonly webhooks?: Webhooks,
  ) {}

  async destroy(scope: CommandScope, params: RequestParams): Promise<{ result: 'ok' | 'not found' }> {
    const publicId = requireParam(params, 'public_id');
    const notificationUrl = validateNotificationUrl(stringParam(params, 'notification_url'));
    const removed = await this.catalog.remove({ ...scope, type: deliveryType(params, 'type'), publicId });
    if (!removed) return { result: 'not found' };
    await this.storage.delete(removed.storageKey).catch(() => undefined);
    await this.webhooks?.notify(scope.cloud, notificationUrl, deleteNotification([removed]));
    return { result: 'ok' };
  }

  async rename(scope: CommandScope, params: RequestParams) {
    const from = requireParam(params, 'from_public_id');
    const to = validatePath(requireParam(params, 'to_public_id'), 'public_id');
    const type = deliveryType(params, 'type');
    const toType = stringParam(params, 'to_type') === undefined ? type : deliveryType(params, 'to_type');
    const outcome = await this.catalog.rename(
      { ...scope, type, publicId: from },
      { publicId: to, type: toType },
      booleanParam(params, 'overwrite') ?? false,
      new Date().toISOString(),
    );
    if (outcome.status !== 'renamed') {
      // 400 rather than 409: the Node SDK reads only 400/401/404/420/429/500 bodies from the Upload API.
      throw outcome.status === 'missing'
        ? notFound(`Resource not found - ${from}`)
        : badRequest(`to_public_id ${to} already exists`);
    }
    if (outcome.replaced) await this.storage.delete(outcome.replaced.storageKey).catch(() => undefined);
    const asset = outcome.asset;
    await this.webhooks?.notify(
      scope.cloud,
      validateNotificationUrl(stringParam(params, 'notification_url')),
      {
        notification_type: 'rename',
        asset_id: asset.assetId,
        resource_type: asset.resourceType,
        type: asset.type,
        from_public_id: from,
        to_public_id: asset.publicId,
      },
    );
    return uploadResponse(asset, scope.baseUrl, {
      signature: await responseSignature(asset.publicId, asset.version, scope.apiKey.secret),
    });
  }

  /** Applies tags, context, custom coordinates and eager transformations to an existing asset. */
  async explicit(scope: CommandScope, params: RequestParams) {
    const publicId = requireParam(params, 'public_id');
    const identity = { ...scope, type: deliveryType(params, 'type'), publicId };
    // Checked before anything changes, so a bad value leaves the asset as it was.
    const regions = customCoordinatesUpdate(params);
    const existing = await this.catalog.get(identity);
    if (!existing) throw notFound(`Resource not found - ${publicId}`);
    if (regions) await this.catalog.setCustomCoordinates(existing.assetId, regions);
    const tags = listParam(params, 'tags');
    if (tags) await this.catalog.updateTags(identity, [publicId], 'replace', tags.map(validateTag));
    const context = stringParam(params, 'context');
    if (context !== undefined) await this.catalog.replaceContext(existing.assetId, parseContext(context));
    const eager = parseEager(stringParam(params, 'eager'));
    const asset = (await this.catalog.get(identity)) ?? existing;
    return uploadResponse(asset, scope.baseUrl, {
      signature: await responseSignature(asset.publicId, asset.version, scope.apiKey.secret),
      eager,
      eagerAsync: booleanParam(params, 'eager_async') ?? false,
    });
  }

  /** `add`, `remove`, `replace`, `remove_all` and `set_exclusive` on a list of public ids. */
  async tags(scope: CommandScope, params: RequestParams): Promise<{ public_ids: string[] }> {
    const command = requireParam(params, 'command');
    const publicIds = requirePublicIds(params);
    const tags = (listParam(params, 'tag') ?? listParam(params, 'tags') ?? []).map(validateTag);
    const target = { ...scope, type: deliveryType(params, 'type') };
    if (command !== 'remove_all' && !tags.length) throw badRequest('Missing required parameter - tag');
    let updated: string[];
    if (command === 'set_exclusive') {
      if (tags.length !== 1) throw badRequest('set_exclusive takes exactly one tag');
      await this.catalog.removeTagEverywhere(scope.cloud, tags[0]!);
      updated = await this.catalog.updateTags(target, publicIds, 'add', tags);
    } else if (['add', 'remove', 'replace', 'remove_all'].includes(command)) {
      updated = await this.catalog.updateTags(target, publicIds, command as TagCommand, tags);
    } else {
      throw badRequest(`Invalid command ${command}`);
    }
    await this.webhooks?.notify(scope.cloud, undefined, {
      notification_type: 'resource_tags_changed',
      command,
      tags,
      resources: updated.map((publicId) => ({
        public_id: publicId,
        resource_type: scope.resourceType,
        type: target.type,
      })),
    });
    return { public_ids: updated };
  }

  /** `add` merges key/values into each asset's context; `remove_all` clears it. */
  async context(scope: CommandScope, params: RequestParams): Promise<{ public_ids: string[] }> {
    const command = requireParam(params, 'command');
    const publicIds = requirePublicIds(params);
    const type = deliveryType(params, 'type');
    if (command !== 'add' && command !== 'remove_all') throw badRequest(`Invalid command ${command}`);
    const added = command === 'add' ? parseContext(requireParam(params, 'context')) : {};
    const updated: string[] = [];
    for (const publicId of publicIds) {
      const asset = await this.catalog.get({ ...scope, type, publicId });
      if (!asset) continue;
      await this.catalog.replaceContext(
        asset.assetId,
        command === 'add' ? { ...asset.context, ...added } : {},
      );
      updated.push(publicId);
    }
    return { public_ids: updated };
  }
}

function requireParam(params: RequestParams, name: string): string {
  const value = stringParam(params, name);
  if (value === undefined) throw badRequest(`Missing required parameter - ${name}`);
  return value;
}

function requirePublicIds(params: RequestParams): string[] {
  const ids = arrayParam(params, 'public_ids');
  if (!ids?.length) throw badRequest('Missing required parameter - public_ids');
  if (ids.length > MAX_PUBLIC_IDS) throw badRequest(`At most ${MAX_PUBLIC_IDS} public_ids per call`);
  return ids;
}

function deliveryType(params: RequestParams, name: string): string {
  const type = stringParam(params, name) ?? 'upload';
  if (!(DELIVERY_TYPES as readonly string[]).includes(type)) throw badRequest(`Invalid ${name} ${type}`);
  return type;
}

/** Payload of a deletion notification. */
export function deleteNotification(assets: readonly Asset[]): Record<string, unknown> {
  return {
    notification_type: 'delete',
    resources: assets.map((asset) => ({
      asset_id: asset.assetId,
      public_id: asset.publicId,
      resource_type: asset.resourceType,
      type: asset.type,
      version: asset.version,
    })),
  };
}
