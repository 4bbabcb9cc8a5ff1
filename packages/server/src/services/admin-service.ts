import type { Asset, CustomRegion, ResourceType } from '../catalog/asset.js';
import { RESOURCE_TYPES } from '../catalog/asset.js';
import type { AssetCatalog } from '../catalog/asset-catalog.js';
import type { DerivedUsage } from '../catalog/derived-usage.js';
import type { FolderCatalog } from '../catalog/folder-catalog.js';
import { decodeCursor, encodeCursor } from '../catalog/listing-cursor.js';
import type { PresetCatalog, UploadPreset } from '../catalog/preset-catalog.js';
import type { BlobStorage } from '../storage/blob-storage.js';
import { deleteNotification } from './asset-commands.js';
import { randomId, validatePath } from './asset-naming.js';
import { cloudinaryTime, type EagerEntry, resourceSummary } from './asset-response.js';
import { coordinatesField } from './custom-coordinates.js';
import type { DerivedDeletion } from './derived-deletion.js';
import { type FolderEntry, searchFolders } from './folder-search.js';
import { moderationFields, moderationOf, moderationStatus } from './moderation.js';
import { ServiceError } from './service-error.js';
import type { Webhooks } from './webhooks.js';

export interface ListOptions {
  readonly maxResults: number;
  readonly nextCursor?: string;
  readonly direction: 'asc' | 'desc';
  readonly tags: boolean;
  readonly context: boolean;
  /** Adds `moderation_kind`/`moderation_status` to moderated assets. */
  readonly moderations?: boolean;
}

/** Which assets a bulk delete applies to. */
export type DeleteSelection =
  | { readonly publicIds: readonly string[] }
  | { readonly prefix: string }
  | { readonly all: true }
  | { readonly tag: string };

/** What a bulk delete removes: the assets, or only (some of) their derived assets. */
export interface DeleteScope {
  /** Keep the originals and delete their derived assets. */
  readonly keepOriginal: boolean;
  /** Only derived assets with one of these canonical transformations (originals are kept). */
  readonly transformations?: readonly EagerEntry[];
  /**
   * Where a derived-only delete by prefix, tag or `all` goes on (the assets stay, so the next call
   * must start after them).
   */
  readonly nextCursor?: string;
}

/** The derived catalog as the Admin API uses it: deletions and usage totals. */
export interface DerivedAdmin {
  readonly deletion: DerivedDeletion;
  readonly usage: DerivedUsage;
}

const DELETE_BATCH = 1000;

/** Admin API operations (listing, details, bulk deletes, tags, folders, presets, usage). */
export class AdminService {
  constructor(
    private readonly assets: AssetCatalog,
    private readonly folderCatalog: FolderCatalog,
    private readonly presets: PresetCatalog,
    private readonly storage: BlobStorage,
    private readonly webhooks?: Webhooks,
    private readonly derived?: DerivedAdmin,
  ) {}

  async resourceTypes(cloud: string): Promise<{ resource_types: string[] }> {
    const present: string[] = [];
    for (const resourceType of RESOURCE_TYPES) {
      const page = await this.assets.list({ cloud, resourceType, direction: 'desc', maxResults: 1 });
      if (page.assets.length) present.push(resourceType);
    }
    return { resource_types: present };
  }

  async listResources(
    scope: { cloud: string; resourceType?: ResourceType; type?: string },
    filter: {
      prefix?: string;
      publicIds?: readonly string[];
      tag?: string;
      assetIds?: readonly string[];
      folder?: string;
      context?: { key: string; value?: string };
      moderation?: { kind: string; status: string };
    },
    options: ListOptions,
    baseUrl: string,
  ) {
    const page = await this.assets.list({
      cloud: scope.cloud,
      resourceType: scope.resourceType,
      type: scope.type,
      prefix: filter.prefix,
      publicIds: filter.publicIds,
      tag: filter.tag,
      assetIds: filter.assetIds,
      folder: filter.folder,
      context: filter.context,
      moderation: filter.moderation,
      direction: options.direction,
      maxResults: options.maxResults,
      cursor: options.nextCursor,
    });
    return {
      resources: page.assets.map((asset) => ({
        ...resourceSummary(asset, baseUrl, { tags: options.tags, context: options.context }),
        ...(options.moderations || filter.moderation ? moderationFields(asset) : {}),
      })),
      ...(page.nextCursor ? { next_cursor: page.nextCursor } : {}),
    };
  }

  async resourceByAssetId(cloud: string, assetId: string, baseUrl: string) {
    const page = await this.assets.list({ cloud, assetIds: [assetId], direction: 'asc', maxResults: 1 });
    const asset = page.assets[0];
    if (!asset) throw new ServiceError(404, `Resource not found - ${assetId}`);
    return details(asset, baseUrl);
  }

  async deleteByAssetIds(cloud: string, assetIds: readonly string[], what?: DeleteScope) {
    if (assetIds.length > DELETE_BATCH)
      throw new ServiceError(400, `At most ${DELETE_BATCH} asset_ids per call`);
    const page = await this.assets.list({ cloud, assetIds, direction: 'asc', maxResults: DELETE_BATCH });
    const deleted: Record<string, string> = Object.fromEntries(assetIds.map((id) => [id, 'not_found']));
    const removed: Asset[] = [];
    for (const asset of page.assets) {
      if (what && (what.keepOriginal || what.transformations)) {
        await this.derived?.deletion.forAsset(asset, what.transformations);
        deleted[asset.assetId] = 'deleted';
      } else if (await this.remove(asset)) {
        deleted[asset.assetId] = 'deleted';
        removed.push(asset);
      }
    }
    if (removed.length) await this.webhooks?.notify(cloud, undefined, deleteNotification(removed));
    return { deleted, partial: false };
  }

  /** One asset's details; `coordinates` adds the `coordinates` object, as Cloudinary's flag does. */
  async resource(
    identity: { cloud: string; resourceType: ResourceType; type: string; publicId: string },
    baseUrl: string,
    options: { coordinates?: boolean } = {},
  ) {
    const asset = await this.assets.get(identity);
    if (!asset) throw new ServiceError(404, `Resource not found - ${identity.publicId}`);
    const resource = details(asset, baseUrl);
    return options.coordinates
      ? { ...resource, coordinates: coordinatesField(asset.customCoordinates) }
      : resource;
  }

  /**
   * Admin API update: replaces tags, context and/or custom coordinates (no regions clears them), sets
   * the display name and moderation status.
   */
  async updateResource(
    identity: { cloud: string; resourceType: ResourceType; type: string; publicId: string },
    changes: {
      tags?: readonly string[];
      context?: Record<string, string>;
      displayName?: string;
      moderationStatus?: string;
      customCoordinates?: readonly CustomRegion[];
    },
    baseUrl: string,
  ) {
    const asset = await this.assets.get(identity);
    if (!asset) throw new ServiceError(404, `Resource not found - ${identity.publicId}`);
    if (changes.customCoordinates)
      await this.assets.setCustomCoordinates(asset.assetId, changes.customCoordinates);
    if (changes.tags) await this.assets.updateTags(identity, [identity.publicId], 'replace', changes.tags);
    if (changes.context) await this.assets.replaceContext(asset.assetId, changes.context);
    if (changes.displayName !== undefined)
      await this.assets.setDisplayName(asset.assetId, changes.displayName);
    if (changes.moderationStatus !== undefined) {
      // Setting a status on an unmoderated asset puts it under manual moderation, as in Cloudinary.
      await this.assets.setModeration(asset.assetId, {
        kind: moderationOf(asset)?.kind ?? 'manual',
        status: moderationStatus(changes.moderationStatus),
      });
    }
    return this.resource(identity, baseUrl);
  }

  /**
   * Deletes up to 1000 assets per call; `partial` and `next_cursor` say when more remain. With
   * `keepOriginal` or `transformations`, only derived assets go (matching ones, with transformations).
   */
  async deleteResources(
    scope: { cloud: string; resourceType: ResourceType; type?: string },
    selection: DeleteSelection,
    what: DeleteScope,
  ) {
    const derivedOnly = what.keepOriginal || what.transformations !== undefined;
    const deleted: Record<string, string> = {};
    const counts: Record<string, { original: number; derived: number }> = {};
    const removedAssets: Asset[] = [];
    let remaining = false;
    let originals = 0;
    let listingCursor: string | undefined;
    const deleteOne = async (asset: Asset) => {
      if (derivedOnly) {
        const derived = (await this.derived?.deletion.forAsset(asset, what.transformations)) ?? 0;
        counts[asset.publicId] = { original: 0, derived };
        return true;
      }
      const derived = (await this.derived?.deletion.countForAsset(asset.assetId)) ?? 0;
      const removed = await this.remove(asset);
      if (removed) {
        removedAssets.push(removed);
        counts[asset.publicId] = { original: 1, derived };
      }
      return removed !== undefined;
    };
    if ('publicIds' in selection) {
      if (selection.publicIds.length > DELETE_BATCH)
        throw new ServiceError(400, `At most ${DELETE_BATCH} public_ids per call`);
      for (const publicId of selection.publicIds) {
        const asset = await this.assets.get({ ...scope, type: scope.type ?? 'upload', publicId });
        const done = asset !== undefined && (await deleteOne(asset));
        deleted[publicId] = done ? 'deleted' : 'not_found';
        if (done) originals++;
      }
    } else {
      const page = await this.assets.list({
        cloud: scope.cloud,
        resourceType: scope.resourceType,
        type: scope.type,
        prefix: 'prefix' in selection ? selection.prefix : undefined,
        tag: 'tag' in selection ? selection.tag : undefined,
        direction: 'asc',
        maxResults: DELETE_BATCH,
        cursor: derivedOnly ? what.nextCursor : undefined,
      });
      for (const asset of page.assets) {
        await deleteOne(asset);
        deleted[asset.publicId] = 'deleted';
        originals++;
      }
      remaining = page.nextCursor !== undefined;
      if (derivedOnly) listingCursor = page.nextCursor;
    }
    if (removedAssets.length)
      await this.webhooks?.notify(scope.cloud, undefined, deleteNotification(removedAssets));
    return {
      deleted,
      deleted_counts: counts,
      partial: remaining,
      ...(remaining ? { next_cursor: listingCursor ?? encodeCursor(['delete', originals]) } : {}),
    };
  }

  /** `delete_derived_resources`: derived assets by id, originals untouched. */
  async deleteDerivedResources(cloud: string, ids: readonly string[]) {
    if (ids.length > DELETE_BATCH)
      throw new ServiceError(400, `At most ${DELETE_BATCH} derived_resource_ids per call`);
    const deleted = this.derived ? await this.derived.deletion.byIds(cloud, ids) : {};
    return { deleted, partial: false };
  }

  async tags(
    cloud: string,
    resourceType: ResourceType,
    options: { prefix?: string; maxResults: number; nextCursor?: string },
  ) {
    const page = await this.assets.listTags(cloud, resourceType, {
      prefix: options.prefix,
      maxResults: options.maxResults,
      cursor: options.nextCursor,
    });
    return { tags: page.tags, ...(page.nextCursor ? { next_cursor: page.nextCursor } : {}) };
  }

  async folders(cloud: string, parent: string, options: { maxResults: number; nextCursor?: string }) {
    const path = parent ? validatePath(parent, 'folder') : '';
    if (path && !(await this.folderCatalog.exists(cloud, path)))
      throw new ServiceError(404, `Can't find folder with path ${path}`);
    const all = await this.folderCatalog.children(cloud, path);
    const start = options.nextCursor ? cursorOffset(options.nextCursor) : 0;
    const page = all.slice(start, start + options.maxResults);
    const more = start + options.maxResults < all.length;
    return {
      folders: page.map((folderPath) => ({
        name: folderPath.split('/').pop() ?? folderPath,
        path: folderPath,
        external_id: '',
      })),
      next_cursor: more ? encodeCursor([start + options.maxResults]) : null,
      total_count: all.length,
    };
  }

  async createFolder(cloud: string, rawPath: string) {
    const path = validatePath(rawPath.replace(/^\/+|\/+$/g, ''), 'folder');
    const created = await this.folderCatalog.create(cloud, path, new Date().toISOString());
    if (!created) throw new ServiceError(409, `Folder ${path} already exists`);
    return { success: true, path, name: path.split('/').pop() ?? path, external_id: '' };
  }

  async deleteFolder(cloud: string, rawPath: string) {
    const path = validatePath(rawPath.replace(/^\/+|\/+$/g, ''), 'folder');
    const outcome = await this.folderCatalog.delete(cloud, path);
    if (outcome === 'missing') throw new ServiceError(404, `Can't find folder with path ${path}`);
    if (outcome === 'not-empty') throw new ServiceError(400, 'Folder is not empty');
    return { deleted: outcome };
  }

  /** Renames a folder and moves the assets below it (their public ids change with it). */
  async renameFolder(cloud: string, rawFrom: string, rawTo: string) {
    const from = validatePath(rawFrom.replace(/^\/+|\/+$/g, ''), 'folder');
    const to = validatePath(rawTo.replace(/^\/+|\/+$/g, ''), 'folder');
    if (to === from || to.startsWith(`${from}/`))
      throw new ServiceError(400, `Cannot move folder ${from} into itself`);
    const outcome = await this.folderCatalog.rename(cloud, from, to, new Date().toISOString());
    if (outcome.status === 'missing') throw new ServiceError(404, `Can't find folder with path ${from}`);
    if (outcome.status === 'exists') throw new ServiceError(409, `Folder ${to} already exists`);
    if (outcome.status === 'conflict')
      throw new ServiceError(
        409,
        `Cannot rename ${from} to ${to}: an asset with a resulting public id exists`,
      );
    const describe = (path: string) => ({ name: path.split('/').pop() ?? path, path, external_id: '' });
    return { from: describe(from), to: describe(to) };
  }

  async searchFolders(cloud: string, body: unknown) {
    const folders: FolderEntry[] = await this.folderCatalog.all(cloud);
    return searchFolders(folders, body);
  }

  async listPresets(cloud: string, options: { maxResults: number; nextCursor?: string }) {
    const after = options.nextCursor ? String(decodeCursor(options.nextCursor)?.[0] ?? '') : undefined;
    const page = await this.presets.list(cloud, options.maxResults, after);
    const last = page.presets.at(-1);
    return {
      presets: page.presets.map(presetJson),
      ...(page.more && last ? { next_cursor: encodeCursor([last.name]) } : {}),
    };
  }

  async getPreset(cloud: string, name: string) {
    const preset = await this.presets.get(cloud, name);
    if (!preset) throw new ServiceError(404, `Can't find upload preset named ${name}`);
    return presetJson(preset);
  }

  async createPreset(
    cloud: string,
    name: string | undefined,
    unsigned: boolean,
    settings: Record<string, unknown>,
  ) {
    const presetName = name ? validatePresetName(name) : randomId(8);
    const created = await this.presets.create(
      cloud,
      { name: presetName, unsigned, settings },
      new Date().toISOString(),
    );
    if (!created) throw new ServiceError(409, `Upload preset ${presetName} already exists`);
    return { message: 'created', name: presetName };
  }

  async updatePreset(
    cloud: string,
    name: string,
    unsigned: boolean | undefined,
    settings: Record<string, unknown>,
  ) {
    const existing = await this.presets.get(cloud, name);
    if (!existing) throw new ServiceError(404, `Can't find upload preset named ${name}`);
    await this.presets.update(cloud, {
      name,
      unsigned: unsigned ?? existing.unsigned,
      settings: { ...existing.settings, ...settings },
    });
    return { message: 'updated' };
  }

  async deletePreset(cloud: string, name: string) {
    if (!(await this.presets.delete(cloud, name)))
      throw new ServiceError(404, `Can't find upload preset named ${name}`);
    return { message: 'deleted' };
  }

  async usage(cloud: string, limits: { maxFileBytes: number }) {
    const { assets, bytes } = await this.assets.count(cloud);
    const derived = (await this.derived?.usage.totals(cloud)) ?? { count: 0, bytes: 0 };
    return {
      plan: 'Kumo',
      last_updated: new Date().toISOString().slice(0, 10),
      date_requested: cloudinaryTime(new Date().toISOString()),
      transformations: { usage: 0, credits_usage: 0 },
      objects: { usage: assets },
      bandwidth: { usage: 0, credits_usage: 0 },
      storage: { usage: bytes + derived.bytes, credits_usage: 0 },
      requests: 0,
      resources: assets,
      derived_resources: derived.count,
      media_limits: {
        image_max_size_bytes: limits.maxFileBytes,
        video_max_size_bytes: limits.maxFileBytes,
        raw_max_size_bytes: limits.maxFileBytes,
      },
    };
  }

  /**
   * Deletes one asset version (a `delete_by_token` call) the way `deleteResources` deletes: the
   * original, its derived assets and their blobs, with the delete notification. Returns whether the
   * asset was still at that version.
   */
  async deleteVersion(target: {
    cloud: string;
    resourceType: ResourceType;
    type: string;
    publicId: string;
    versionId: string;
  }): Promise<boolean> {
    const removed = await this.remove(target, target.versionId);
    if (removed) await this.webhooks?.notify(target.cloud, undefined, deleteNotification([removed]));
    return removed !== undefined;
  }

  private async remove(
    identity: {
      cloud: string;
      resourceType: ResourceType;
      type: string;
      publicId: string;
    },
    versionId?: string,
  ) {
    const asset = await this.assets.remove(identity, versionId);
    if (asset) await this.storage.delete(asset.storageKey).catch(() => undefined);
    return asset;
  }
}

function details(asset: Asset, baseUrl: string) {
  const summary = resourceSummary(asset, baseUrl, { tags: true, context: true });
  return {
    ...summary,
    version_id: asset.versionId,
    etag: asset.etag,
    placeholder: asset.placeholder,
    original_filename: asset.originalFilename,
    ...(asset.pages !== undefined ? { pages: asset.pages } : {}),
    ...(asset.duration !== undefined ? { duration: asset.duration } : {}),
    uploaded_at: cloudinaryTime(asset.uploadedAt),
    ...moderationFields(asset),
    derived: [],
  };
}

function presetJson(preset: UploadPreset) {
  return { name: preset.name, unsigned: preset.unsigned, settings: preset.settings, external_id: '' };
}

function validatePresetName(name: string): string {
  if (!/^[A-Za-z0-9_. -]{1,255}$/.test(name))
    throw new ServiceError(400, `Invalid upload preset name ${JSON.stringify(name)}`);
  return name;
}

function cursorOffset(cursor: string): number {
  const value = decodeCursor(cursor)?.[0];
  if (typeof value !== 'number' || value < 0) throw new ServiceError(400, 'Invalid next_cursor');
  return value;
}
