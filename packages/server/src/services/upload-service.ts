import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { responseSignature } from '@kumo/core';
import type { Asset, ResourceType } from '../catalog/asset.js';
import type { AssetCatalog } from '../catalog/asset-catalog.js';
import type { BlobStorage } from '../storage/blob-storage.js';
import {
  baseName,
  extensionOf,
  publicIdFromFilename,
  randomHex,
  randomId,
  validatePath,
  validateTag,
} from './asset-naming.js';
import { uploadResponse } from './asset-response.js';
import type { ChunkedUploads, ChunkRange } from './chunked-uploads.js';
import { type DetectedContent, detectContent, type VideoProbe } from './content-detection.js';
import { parseContext } from './context-metadata.js';
import type { Credentials } from './credentials.js';
import { parseCustomCoordinates } from './custom-coordinates.js';
import type { DeleteTokens } from './delete-tokens.js';
import { parseEager } from './eager.js';
import { moderationFields, parseModeration } from './moderation.js';
import { NumberedParts, type PartNumber } from './numbered-parts.js';
import { fetchRemoteFile, type RemoteFetchOptions } from './remote-fetch.js';
import { booleanParam, integerParam, listParam, type RequestParams, stringParam } from './request-params.js';
import { badRequest, ServiceError } from './service-error.js';
import type { TempFiles } from './temp-files.js';
import type { UploadAuth } from './upload-auth.js';
import { validateNotificationUrl, type Webhooks } from './webhooks.js';

/** The bytes of an upload as the route received them. */
export type UploadSource =
  | { readonly kind: 'file'; readonly path: string; readonly filename?: string; readonly md5?: string }
  | { readonly kind: 'none' };

export interface UploadInput {
  readonly cloud: string;
  readonly resourceType: ResourceType | 'auto';
  readonly params: RequestParams;
  readonly auth: UploadAuth;
  readonly source: UploadSource;
  /** Origin of this server as the client reached it, for the URLs in the response. */
  readonly baseUrl: string;
  /**
   * Present for one chunk of a chunked upload: `X-Unique-Upload-Id` with `Content-Range`, or with
   * `X-Upload-Part-Number` and `X-Upload-Total-Parts`.
   */
  readonly chunk?:
    | { readonly uploadId: string; readonly range: ChunkRange }
    | { readonly uploadId: string; readonly part: PartNumber };
}

export const DELIVERY_TYPES = ['upload', 'private', 'authenticated'] as const;

// What an unsigned request may set itself; everything else comes from the preset.
const UNSIGNED_ALLOWED = [
  'upload_preset',
  'callback',
  'public_id',
  'folder',
  'asset_folder',
  'tags',
  'context',
  'metadata',
  'face_coordinates',
  'custom_coordinates',
  'source',
  'filename_override',
  'manifest_transformation',
  'manifest_json',
  'template',
  'template_vars',
  'regions',
  'public_id_prefix',
  'return_delete_token',
];
const ALWAYS_ACCEPTED = new Set(['file', 'resource_type', 'cloud_name']);
const PRESET_CONTROLS = new Set([
  'unsigned',
  'disallow_public_id',
  'parameter_whitelist',
  'live',
  'max_file_size',
]);

export interface UploadServiceOptions {
  readonly maxFileBytes: number;
  readonly remoteFetch: Omit<RemoteFetchOptions, 'maxBytes'>;
  readonly now?: () => number;
  /** Numbered-part uploads untouched for this long are deleted (default 24 hours). */
  readonly partTtlMs?: number;
  /** Smallest part but the last of a numbered-part upload (default 5 MiB). */
  readonly minPartBytes?: number;
  /** Issues the `delete_token` of uploads made with `return_delete_token`. */
  readonly deleteTokens?: DeleteTokens;
}

/** Stores uploaded files as assets: validation, naming, type detection, storage and catalog. */
export class UploadService {
  private readonly now: () => number;
  /** Uploads accepted with `async` and still running, so that shutdown can wait for them. */
  private readonly background = new Set<Promise<void>>();
  private readonly parts: NumberedParts;

  constructor(
    private readonly catalog: AssetCatalog,
    private readonly storage: BlobStorage,
    private readonly temp: TempFiles,
    private readonly chunks: ChunkedUploads,
    private readonly probe: VideoProbe,
    private readonly credentials: Credentials,
    private readonly options: UploadServiceOptions,
    private readonly webhooks?: Webhooks,
  ) {
    this.now = options.now ?? Date.now;
    // Beside the temporary folder, in the data folder, but not emptied on start: parts can be resumed.
    this.parts = new NumberedParts(
      path.join(path.dirname(temp.folder), 'part-uploads'),
      options.maxFileBytes,
      options.partTtlMs ?? 24 * 3_600_000,
      options.minPartBytes,
    );
  }

  /** Handles one upload request (or chunk) and returns the JSON response. */
  async upload(input: UploadInput): Promise<Record<string, unknown>> {
    const params = effectiveParams(input);
    const inBackground = booleanParam(params, 'async') ?? false;
    // Refuse what can be refused now: an async caller only hears about later failures by webhook.
    checkParams(params, input.auth);
    const owned: string[] = [];
    try {
      let file: string;
      let filename: string | undefined;
      if (input.chunk) {
        if (input.source.kind !== 'file') throw badRequest('Missing required parameter - file');
        const assembled = this.temp.newPath('assembled');
        const owner = `${input.cloud}\n${input.auth.mode === 'signed' ? input.auth.apiKey.key : `preset:${input.auth.preset.name}`}`;
        owned.push(input.source.path, assembled);
        const outcome =
          'part' in input.chunk
            ? await this.parts.addPart(
                owner,
                input.chunk.uploadId,
                input.chunk.part,
                input.source.path,
                assembled,
              )
            : await this.chunks.addChunk(
                owner,
                input.chunk.uploadId,
                input.chunk.range,
                input.source.path,
                assembled,
              );
        if (!outcome.done) {
          return {
            done: false,
            bytes: outcome.bytes,
            kind: stringParam(params, 'type') ?? 'upload',
            resource_type: input.resourceType,
            ...(stringParam(params, 'public_id') ? { public_id: stringParam(params, 'public_id') } : {}),
          };
        }
        file = outcome.file;
        filename = input.source.filename;
      } else if (inBackground && input.source.kind === 'none') {
        // A remote URL is fetched in the background too: that is what async uploads are for.
        return this.startInBackground(input, params, () => this.materialize(input.source, params));
      } else {
        const materialized = await this.materialize(input.source, params);
        owned.push(materialized.file);
        file = materialized.file;
        filename = materialized.filename;
      }
      const knownMd5 = !input.chunk && input.source.kind === 'file' ? input.source.md5 : undefined;
      if (inBackground) {
        // The request's temporary files are removed when it ends; the background task takes its own.
        const handedOver = this.temp.newPath('async');
        await fs.rename(file, handedOver);
        return this.startInBackground(input, params, async () => ({
          file: handedOver,
          filename,
          md5: knownMd5,
        }));
      }
      return await this.store(input, params, file, filename, knownMd5);
    } finally {
      await Promise.all(owned.map((path) => this.temp.remove(path)));
    }
  }

  /** Waits for uploads still running in the background (`async`), for a clean shutdown. */
  async drain(): Promise<void> {
    while (this.background.size) await Promise.allSettled([...this.background]);
  }

  /**
   * Answers an `async` upload at once with Cloudinary's pending response and stores the file in the
   * background; the outcome reaches the caller through `notification_url` (and the global webhook).
   */
  private startInBackground(
    input: UploadInput,
    params: RequestParams,
    prepare: () => Promise<{ file: string; filename?: string; md5?: string }>,
  ): Record<string, unknown> {
    const batchId = randomHex(16);
    const type = stringParam(params, 'type') ?? 'upload';
    // Only an explicit public_id is known before the content is seen (raw ids take the extension).
    const publicId =
      stringParam(params, 'public_id') === undefined
        ? undefined
        : choosePublicId(params, 'file', '', input.auth);
    const task = (async () => {
      let file: string | undefined;
      try {
        const prepared = await prepare();
        file = prepared.file;
        await this.store(input, params, prepared.file, prepared.filename, prepared.md5, batchId);
      } catch (error) {
        const message = error instanceof ServiceError ? error.message : 'Internal server error';
        await this.webhooks
          ?.notify(input.cloud, validateNotificationUrl(stringParam(params, 'notification_url')), {
            notification_type: 'upload',
            status: 'failed',
            batch_id: batchId,
            resource_type: input.resourceType,
            type,
            ...(publicId ? { public_id: publicId } : {}),
            error: { message },
          })
          .catch(() => undefined);
      } finally {
        await this.temp.remove(file);
      }
    })();
    this.background.add(task);
    void task.finally(() => this.background.delete(task));
    return {
      status: 'pending',
      resource_type: input.resourceType,
      type,
      ...(publicId ? { public_id: publicId } : {}),
      batch_id: batchId,
    };
  }

  /** Turns the request's `file` (bytes, data URI or remote URL) into a local file. */
  private async materialize(
    source: UploadSource,
    params: RequestParams,
  ): Promise<{ file: string; filename?: string }> {
    if (source.kind === 'file') return { file: source.path, filename: source.filename };
    const value = stringParam(params, 'file');
    if (value === undefined) throw badRequest('Missing required parameter - file');
    const target = this.temp.newPath();
    const dataUri = /^data:([\w.+/-]*)((?:;[\w-]+=[^;,]*)*)(;base64)?,/i.exec(value);
    if (dataUri) {
      const payload = value.slice(dataUri[0].length);
      const bytes = dataUri[3]
        ? Buffer.from(payload, 'base64')
        : Buffer.from(decodeURIComponent(payload), 'utf8');
      if (bytes.length > this.options.maxFileBytes) {
        throw badRequest(
          `File size too large. Got ${bytes.length}. Maximum is ${this.options.maxFileBytes}.`,
        );
      }
      await fs.writeFile(target, bytes, { flag: 'wx' });
      return { file: target, filename: 'file' };
    }
    if (/^https?:\/\//i.test(value)) {
      const { filename } = await fetchRemoteFile(value, target, {
        ...this.options.remoteFetch,
        maxBytes: this.options.maxFileBytes,
      });
      return { file: target, filename };
    }
    throw badRequest('Invalid file: expected file bytes, a data URI or an http(s) URL');
  }

  private async store(
    input: UploadInput,
    params: RequestParams,
    file: string,
    filename: string | undefined,
    knownMd5?: string,
    batchId?: string,
  ) {
    const bytes = (await fs.stat(file)).size;
    // A preset or a signed request may lower the server's limit, never raise it.
    const maxSize = Math.min(
      integerParam(params, 'max_file_size', 1, Number.MAX_SAFE_INTEGER) ?? this.options.maxFileBytes,
      this.options.maxFileBytes,
    );
    if (bytes > maxSize) throw badRequest(`File size too large. Got ${bytes}. Maximum is ${maxSize}.`);
    if (bytes === 0) throw badRequest('Empty file');

    const content = await this.detect(file, input.resourceType);
    const resourceType = content.resourceType;
    const originalName = stringParam(params, 'filename_override') ?? filename ?? 'file';
    const rawExtension = resourceType === 'raw' ? extensionOf(originalName) : '';
    const format = resourceType === 'raw' ? rawExtension : content.format;
    checkAllowedFormats(params, format, resourceType);

    const type = stringParam(params, 'type') ?? 'upload';
    if (!(DELIVERY_TYPES as readonly string[]).includes(type)) throw badRequest(`Invalid type ${type}`);
    const publicId = choosePublicId(params, originalName, rawExtension, input.auth);
    const overwrite = booleanParam(params, 'overwrite') ?? input.auth.mode === 'signed';
    const tags = (listParam(params, 'tags') ?? []).map(validateTag);
    const contextParam = stringParam(params, 'context');
    const context = contextParam === undefined ? {} : parseContext(contextParam);
    const customCoordinates = parseCustomCoordinates(stringParam(params, 'custom_coordinates') ?? '');
    const eager = parseEager(stringParam(params, 'eager'));
    const notificationUrl = validateNotificationUrl(stringParam(params, 'notification_url'));
    const moderation = parseModeration(stringParam(params, 'moderation'));
    const apiKey =
      input.auth.mode === 'signed' ? input.auth.apiKey : this.credentials.primaryKey(input.cloud);
    const identity = { cloud: input.cloud, resourceType, type, publicId };

    const existing = await this.catalog.get(identity);
    if (existing && !overwrite) {
      return uploadResponse(existing, input.baseUrl, {
        signature: await responseSignature(existing.publicId, existing.version, apiKey.secret),
        apiKey: input.auth.mode === 'signed' ? apiKey.key : undefined,
        existing: true,
      });
    }

    const now = new Date(this.now());
    const version = Math.max(Math.floor(now.getTime() / 1000), (existing?.version ?? 0) + 1);
    const assetId = existing?.assetId ?? randomHex(16);
    const versionId = randomHex(16);
    const storageKey = `${input.cloud}/${resourceType}/${assetId}/${version}-${versionId}`;
    const asset: Asset = {
      assetId,
      cloud: input.cloud,
      resourceType,
      type,
      publicId,
      format,
      version,
      versionId,
      bytes,
      width: content.width,
      height: content.height,
      pages: content.pages,
      duration: content.duration,
      media: moderation ? { ...content.media, moderation } : content.media,
      context,
      ...(customCoordinates.length ? { customCoordinates } : {}),
      tags: [...new Set(tags)].sort(),
      etag: knownMd5 ?? (await md5(file)),
      originalFilename: baseName(originalName).replace(/\.[^.]*$/, '') || 'file',
      displayName: stringParam(params, 'display_name') ?? publicId.slice(publicId.lastIndexOf('/') + 1),
      storageKey,
      placeholder: false,
      apiKey: input.auth.mode === 'signed' ? apiKey.key : undefined,
      createdAt: now.toISOString(),
      uploadedAt: now.toISOString(),
    };

    // Blob first, then the catalog row: a crash in between leaves an unlisted blob that clean-up finds.
    await this.storage.putFile(storageKey, file);
    let replaced: Asset | undefined;
    try {
      replaced = await this.catalog.save(asset);
    } catch (error) {
      await this.storage.delete(storageKey).catch(() => undefined);
      throw error;
    }
    if (replaced && replaced.storageKey !== storageKey)
      await this.storage.delete(replaced.storageKey).catch(() => undefined);

    const response = {
      ...uploadResponse(asset, input.baseUrl, {
        signature: await responseSignature(asset.publicId, asset.version, apiKey.secret),
        apiKey: input.auth.mode === 'signed' ? apiKey.key : undefined,
        eager,
        eagerAsync: booleanParam(params, 'eager_async') ?? false,
        overwritten: replaced !== undefined,
      }),
      ...moderationFields(asset),
    };
    await this.webhooks?.notify(input.cloud, notificationUrl, {
      notification_type: 'upload',
      ...(batchId ? { batch_id: batchId } : {}),
      ...response,
    });
    // Only to the uploader, never in notifications; an upload that found an existing asset (above)
    // gets none, or an unsigned upload could obtain the power to delete someone else's asset.
    if (booleanParam(params, 'return_delete_token') && this.options.deleteTokens)
      return { ...response, delete_token: this.options.deleteTokens.issue(asset) };
    return response;
  }

  private async detect(file: string, requested: ResourceType | 'auto'): Promise<DetectedContent> {
    if (requested === 'raw') return { resourceType: 'raw', format: '', media: {} };
    const content = await detectContent(file, this.probe);
    if (requested === 'image' && content.resourceType !== 'image') throw badRequest('Invalid image file');
    if (requested === 'video' && content.resourceType !== 'video')
      throw badRequest('Unsupported video format or file');
    return content;
  }
}

/** Request parameters merged over the preset's, after checking what an unsigned request may set. */
function effectiveParams(input: UploadInput): RequestParams {
  const preset = input.auth.preset;
  if (input.auth.mode === 'unsigned') {
    const whitelist = preset?.settings.parameter_whitelist;
    const allowed = new Set(
      Array.isArray(whitelist) && whitelist.length
        ? ['upload_preset', ...whitelist.map(String)]
        : UNSIGNED_ALLOWED,
    );
    for (const [key, value] of Object.entries(input.params)) {
      if (value === undefined || value === '' || ALWAYS_ACCEPTED.has(key) || allowed.has(key)) continue;
      throw badRequest(
        `${key} parameter is not allowed when using unsigned upload. Only ${[...allowed].join(',')} upload parameters are allowed.`,
      );
    }
    if (
      [true, 'true', '1', 1].includes(preset?.settings.disallow_public_id as string) &&
      stringParam(input.params, 'public_id') !== undefined
    ) {
      throw badRequest('public_id parameter is not allowed by the upload preset');
    }
  }
  if (!preset) return input.params;
  const merged: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of Object.entries(preset.settings)) {
    if (PRESET_CONTROLS.has(key) && key !== 'max_file_size') continue;
    if (value === null || value === undefined) continue;
    merged[key] = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'boolean'
        ? value
          ? '1'
          : '0'
        : String(value);
  }
  for (const [key, value] of Object.entries(input.params)) {
    if (value !== undefined && value !== '') merged[key] = value;
  }
  return merged;
}

/**
 * Checks the parameters that do not depend on the file. `invalidate` is accepted and has nothing to
 * do: there is no CDN in front of this server to purge, and new versions get new URLs.
 */
function checkParams(params: RequestParams, auth: UploadAuth): void {
  booleanParam(params, 'invalidate');
  booleanParam(params, 'overwrite');
  booleanParam(params, 'eager_async');
  booleanParam(params, 'return_delete_token');
  const type = stringParam(params, 'type') ?? 'upload';
  if (!(DELIVERY_TYPES as readonly string[]).includes(type)) throw badRequest(`Invalid type ${type}`);
  (listParam(params, 'tags') ?? []).forEach(validateTag);
  const context = stringParam(params, 'context');
  if (context !== undefined) parseContext(context);
  parseCustomCoordinates(stringParam(params, 'custom_coordinates') ?? '');
  parseEager(stringParam(params, 'eager'));
  validateNotificationUrl(stringParam(params, 'notification_url'));
  parseModeration(stringParam(params, 'moderation'));
  if (stringParam(params, 'public_id') !== undefined) choosePublicId(params, 'file', '', auth);
}

function choosePublicId(
  params: RequestParams,
  originalName: string,
  rawExtension: string,
  auth: UploadAuth,
): string {
  const prefixParts = [
    stringParam(params, 'public_id_prefix'),
    stringParam(params, 'folder') ?? stringParam(params, 'asset_folder'),
  ]
    .filter((part): part is string => part !== undefined)
    .map((part) => validatePath(part.replace(/^\/+|\/+$/g, ''), 'folder'));
  const given = stringParam(params, 'public_id');
  let name: string;
  if (given !== undefined) {
    name = validatePath(given, 'public_id');
  } else if (booleanParam(params, 'use_filename') === true && originalName !== 'file') {
    const unique = booleanParam(params, 'unique_filename') ?? true;
    // Unsigned uploads never overwrite, so without a suffix a second upload would be refused silently.
    const suffix = unique || auth.mode === 'unsigned' ? `_${randomId(6)}` : '';
    name = publicIdFromFilename(originalName) + suffix + (rawExtension ? `.${rawExtension}` : '');
  } else {
    name = randomId(20) + (rawExtension ? `.${rawExtension}` : '');
  }
  return validatePath([...prefixParts, name].join('/'), 'public_id');
}

function checkAllowedFormats(params: RequestParams, format: string, resourceType: ResourceType): void {
  const allowed = listParam(params, 'allowed_formats')?.map((item) => item.toLowerCase());
  if (!allowed?.length) return;
  const aliases = format === 'jpg' ? ['jpg', 'jpeg'] : format === 'tiff' ? ['tif', 'tiff'] : [format];
  if (aliases.some((alias) => allowed.includes(alias))) return;
  const kind = resourceType === 'image' ? 'Image' : resourceType === 'video' ? 'Video' : 'Raw';
  throw new ServiceError(400, `${kind} file format ${format || 'unknown'} not allowed`);
}

async function md5(file: string): Promise<string> {
  const hash = createHash('md5');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
