import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
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
import { parseEager } from './eager.js';
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
  /** Present for one chunk of a chunked upload (`X-Unique-Upload-Id` and `Content-Range`). */
  readonly chunk?: { readonly uploadId: string; readonly range: ChunkRange };
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
}

/** Stores uploaded files as assets: validation, naming, type detection, storage and catalog. */
export class UploadService {
  private readonly now: () => number;

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
  }

  /** Handles one upload request (or chunk) and returns the JSON response. */
  async upload(input: UploadInput): Promise<Record<string, unknown>> {
    const params = effectiveParams(input);
    const owned: string[] = [];
    try {
      let file: string;
      let filename: string | undefined;
      if (input.chunk) {
        if (input.source.kind !== 'file') throw badRequest('Missing required parameter - file');
        const assembled = this.temp.newPath('assembled');
        const owner = `${input.cloud}\n${input.auth.mode === 'signed' ? input.auth.apiKey.key : `preset:${input.auth.preset.name}`}`;
        owned.push(input.source.path, assembled);
        const outcome = await this.chunks.addChunk(
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
      } else {
        const materialized = await this.materialize(input.source, params);
        owned.push(materialized.file);
        file = materialized.file;
        filename = materialized.filename;
      }
      const knownMd5 = !input.chunk && input.source.kind === 'file' ? input.source.md5 : undefined;
      return await this.store(input, params, file, filename, knownMd5);
    } finally {
      await Promise.all(owned.map((path) => this.temp.remove(path)));
    }
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
    const eager = parseEager(stringParam(params, 'eager'));
    const notificationUrl = validateNotificationUrl(stringParam(params, 'notification_url'));
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
      media: content.media,
      context,
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

    const response = uploadResponse(asset, input.baseUrl, {
      signature: await responseSignature(asset.publicId, asset.version, apiKey.secret),
      apiKey: input.auth.mode === 'signed' ? apiKey.key : undefined,
      eager,
      eagerAsync: booleanParam(params, 'eager_async') ?? false,
      overwritten: replaced !== undefined,
    });
    await this.webhooks?.notify(input.cloud, notificationUrl, { notification_type: 'upload', ...response });
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
