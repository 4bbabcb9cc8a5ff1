import type { SignatureAlgorithm } from '../signing/digest.js';
import { signParams } from '../signing/upload.js';
import type {
  CreateFolderResponse,
  DeleteFolderResponse,
  DeleteResourcesResponse,
  FoldersResponse,
  RateLimitInfo,
  ResourceDetails,
  ResourceList,
  SearchParams,
  SearchResponse,
  TagsResponse,
} from '../types/admin.js';
import type { UploadResourceType } from '../types/common.js';
import type { DestroyResponse, PublicIdsResponse, UploadResponse } from '../types/upload.js';
import { type ChunkedUploadOptions, uploadInChunks } from './chunked-upload.js';
import { KumoClientError } from './errors.js';
import { readJson, send } from './response.js';
import type { SearchQuery } from './search-query.js';
import { formUrlEncode, type Params, toWireParams, type WireParams, wireEntries } from './wire-params.js';

/** Signs upload parameters elsewhere (your backend): receives the wire params, returns what to add to them. */
export type UploadSigner = (
  params: WireParams,
) => Promise<{ signature: string; timestamp: number | string; api_key: string }>;

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Server origin (and optional path prefix) in front of `/v1_1/<cloud>/…`, e.g. `http://127.0.0.1:3000`. */
  apiBase: string;
  cloudName: string;
  apiKey?: string;
  /** Only where the code cannot be seen by users (a server); browsers use `signer` or `uploadPreset`. */
  apiSecret?: string;
  signer?: UploadSigner;
  /** Preset used for unsigned uploads when nothing can sign. */
  uploadPreset?: string;
  /** Bearer token for the Admin API (e.g. a media-library token) when no key/secret pair is present. */
  adminToken?: string | (() => string | Promise<string>);
  signatureAlgorithm?: SignatureAlgorithm;
  fetch?: typeof fetch;
}

/** Per-call options that are not Cloudinary parameters. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** What `upload` accepts as the file: bytes, or a remote URL / data URI the server fetches or decodes. */
export type UploadSource = Blob | string;

/** Upload API parameters plus the `resource_type` that selects the endpoint. */
export type UploadParams = Params & { resource_type?: UploadResourceType };

/** Admin API list options (`max_results`, `next_cursor`, `prefix`, `tags`, `context`, `direction`, …). */
export type ListParams = Params & { resource_type?: string; type?: string };

/** Options for deleting resources. */
export type DeleteParams = Params & { resource_type?: string; type?: string; keep_original?: boolean };

type AdminResult<T> = T & RateLimitInfo;

const REMOTE_SOURCE = /^(?:https?:|ftp:|s3:|gs:|data:)/i;

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/'/g, '%27');
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function splitResourceType<P extends { resource_type?: string }>(
  params: P | undefined,
  fallback: string,
): [string, Params] {
  const { resource_type: resourceType, ...rest } = (params ?? {}) as P;
  return [resourceType ?? fallback, rest as Params];
}

function requireText(value: unknown, name: string): string {
  if (typeof value === 'string' && value.length > 0) return value;
  throw new KumoClientError(`${name} must be a non-empty string`);
}

function rateLimits(response: Response): RateLimitInfo {
  const info: RateLimitInfo = {};
  const limit = response.headers.get('X-FeatureRateLimit-Limit');
  const remaining = response.headers.get('X-FeatureRateLimit-Remaining');
  const reset = response.headers.get('X-FeatureRateLimit-Reset');
  if (limit !== null) info.rate_limit_allowed = Number(limit);
  if (remaining !== null) info.rate_limit_remaining = Number(remaining);
  if (reset !== null) info.rate_limit_reset_at = reset;
  return info;
}

/** A typed client for a Cloudinary-compatible Upload and Admin API (a Kumo server, or Cloudinary itself). */
export interface KumoClient {
  /** Uploads a file (Blob/File, remote URL or data URI); signed, or unsigned through a preset. */
  upload(file: UploadSource, params?: UploadParams, options?: CallOptions): Promise<UploadResponse>;
  /** Uploads a Blob in chunks (resumable, retried per chunk); `resource_type` defaults to `auto`. */
  uploadChunked(file: Blob, params?: UploadParams, options?: ChunkedUploadOptions): Promise<UploadResponse>;
  /** Same as `uploadChunked` but defaulting `resource_type` to `raw`, as the SDK's `upload_large` does. */
  uploadLarge(file: Blob, params?: UploadParams, options?: ChunkedUploadOptions): Promise<UploadResponse>;
  /** Deletes one asset. */
  destroy(publicId: string, params?: UploadParams, options?: CallOptions): Promise<DestroyResponse>;
  /** Renames an asset (`overwrite`, `to_type`, `invalidate` as params). */
  rename(
    fromPublicId: string,
    toPublicId: string,
    params?: UploadParams,
    options?: CallOptions,
  ): Promise<UploadResponse>;
  /** Applies eager transformations, tags, context… to an existing asset. */
  explicit(publicId: string, params?: UploadParams, options?: CallOptions): Promise<UploadResponse>;
  /** Adds a tag to assets (`exclusive: true` removes it from all others). */
  addTag(
    tag: string,
    publicIds: string[],
    params?: UploadParams & { exclusive?: boolean },
  ): Promise<PublicIdsResponse>;
  /** Removes a tag from assets. */
  removeTag(tag: string, publicIds: string[], params?: UploadParams): Promise<PublicIdsResponse>;
  /** Replaces all tags of assets with this one. */
  replaceTag(tag: string, publicIds: string[], params?: UploadParams): Promise<PublicIdsResponse>;
  /** Removes every tag from assets. */
  removeAllTags(publicIds: string[], params?: UploadParams): Promise<PublicIdsResponse>;
  /** Lists assets of a resource type (and delivery type). */
  resources(params?: ListParams, options?: CallOptions): Promise<AdminResult<ResourceList>>;
  /** Lists assets carrying a tag. */
  resourcesByTag(tag: string, params?: ListParams, options?: CallOptions): Promise<AdminResult<ResourceList>>;
  /** Fetches assets by public id. */
  resourcesByIds(
    publicIds: string[],
    params?: ListParams,
    options?: CallOptions,
  ): Promise<AdminResult<ResourceList>>;
  /** One asset with its derived list. */
  resource(
    publicId: string,
    params?: ListParams,
    options?: CallOptions,
  ): Promise<AdminResult<ResourceDetails>>;
  /** Deletes assets by public id. */
  deleteResources(
    publicIds: string[],
    params?: DeleteParams,
    options?: CallOptions,
  ): Promise<AdminResult<DeleteResourcesResponse>>;
  /** Deletes assets whose public id starts with a prefix. */
  deleteResourcesByPrefix(
    prefix: string,
    params?: DeleteParams,
    options?: CallOptions,
  ): Promise<AdminResult<DeleteResourcesResponse>>;
  /** Deletes assets carrying a tag. */
  deleteResourcesByTag(
    tag: string,
    params?: DeleteParams,
    options?: CallOptions,
  ): Promise<AdminResult<DeleteResourcesResponse>>;
  /** Lists tag names. */
  tags(params?: ListParams, options?: CallOptions): Promise<AdminResult<TagsResponse>>;
  /** Lists top-level folders. */
  rootFolders(params?: ListParams, options?: CallOptions): Promise<AdminResult<FoldersResponse>>;
  /** Lists the folders inside a folder. */
  subFolders(path: string, params?: ListParams, options?: CallOptions): Promise<AdminResult<FoldersResponse>>;
  /** Creates a folder. */
  createFolder(path: string, options?: CallOptions): Promise<AdminResult<CreateFolderResponse>>;
  /** Deletes an empty folder. */
  deleteFolder(path: string, options?: CallOptions): Promise<AdminResult<DeleteFolderResponse>>;
  /** Searches assets with an expression (`POST /resources/search`). */
  search(query: SearchParams | SearchQuery, options?: CallOptions): Promise<AdminResult<SearchResponse>>;
}

/** Creates a {@link KumoClient}; in browsers give it a `signer` or `uploadPreset`, never the secret. */
export function createClient(options: ClientOptions): KumoClient {
  const cloudName = requireText(options.cloudName, 'cloudName');
  const apiBase = requireText(options.apiBase, 'apiBase').replace(/\/+$/, '');
  const fetchFn = options.fetch ?? globalThis.fetch?.bind(globalThis);
  if (typeof fetchFn !== 'function') throw new KumoClientError('No fetch available; pass options.fetch');

  const apiUrl = (segments: string[]): string =>
    [apiBase, 'v1_1', encodeSegment(cloudName), ...segments.map(encodeSegment)].join('/');

  /** Adds api_key/timestamp/signature, or leaves the params unsigned when only a preset can authorise them. */
  async function authorise(wire: WireParams, unsignedAllowed: boolean): Promise<WireParams> {
    if (options.apiSecret !== undefined) {
      const apiKey = requireText(options.apiKey, 'apiKey (needed with apiSecret)');
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signed = { ...wire, timestamp };
      const signature = await signParams(signed, options.apiSecret, {
        algorithm: options.signatureAlgorithm,
      });
      return { ...signed, signature, api_key: apiKey };
    }
    if (options.signer !== undefined) {
      const { signature, timestamp, api_key: apiKey } = await options.signer({ ...wire });
      return { ...wire, timestamp: String(timestamp), signature, api_key: apiKey };
    }
    if (unsignedAllowed && typeof wire['upload_preset'] === 'string') return wire;
    throw new KumoClientError(
      unsignedAllowed
        ? 'Cannot authorise the upload: give the client a signer, an uploadPreset, or (server-side only) apiSecret'
        : 'This call must be signed: give the client a signer or (server-side only) apiKey and apiSecret',
    );
  }

  async function uploadApi<T>(
    action: string,
    resourceType: string,
    params: Params,
    init: {
      file?: UploadSource;
      filename?: string;
      headers?: Record<string, string>;
      signal?: AbortSignal;
      unsigned?: boolean;
      /** upload/explicit send booleans as 1/0 (the SDK's upload-parameter builder); other calls as true/false. */
      booleans?: 'digits' | 'words';
    } = {},
  ): Promise<T> {
    const wire = toWireParams(params, init.booleans ?? 'words');
    if (init.unsigned && options.uploadPreset !== undefined && wire['upload_preset'] === undefined) {
      wire['upload_preset'] = options.uploadPreset;
    }
    const fields = await authorise(wire, init.unsigned ?? false);
    const form = new FormData();
    for (const [key, value] of wireEntries(fields)) form.append(key, value);
    if (typeof init.file === 'string') form.append('file', init.file);
    else if (init.file !== undefined)
      form.append('file', init.file, init.filename ?? ((init.file as File).name || 'file'));
    const response = await send(fetchFn, apiUrl([resourceType, action]), {
      method: 'POST',
      body: form,
      headers: init.headers,
      signal: init.signal,
    });
    return readJson<T>(response);
  }

  async function adminAuthorization(): Promise<string> {
    if (options.apiKey !== undefined && options.apiSecret !== undefined) {
      return `Basic ${base64Utf8(`${options.apiKey}:${options.apiSecret}`)}`;
    }
    if (options.adminToken !== undefined) {
      const token =
        typeof options.adminToken === 'function' ? await options.adminToken() : options.adminToken;
      return `Bearer ${requireText(token, 'adminToken')}`;
    }
    throw new KumoClientError('Admin API calls need apiKey and apiSecret (server-side) or an adminToken');
  }

  async function adminApi<T>(
    method: 'GET' | 'POST' | 'DELETE',
    segments: string[],
    params: Params | undefined,
    init: { json?: unknown; signal?: AbortSignal } = {},
  ): Promise<AdminResult<T>> {
    const headers: Record<string, string> = { Authorization: await adminAuthorization() };
    let url = apiUrl(segments);
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else {
      const encoded = formUrlEncode(toWireParams(params ?? {}, 'words'));
      if (method === 'GET') {
        if (encoded !== '') url += `?${encoded}`;
      } else {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
        body = encoded;
      }
    }
    const response = await send(fetchFn, url, { method, headers, body, signal: init.signal });
    const result = await readJson<T>(response);
    return Object.assign(result as object, rateLimits(response)) as AdminResult<T>;
  }

  function tagsCommand(
    command: string,
    tag: string | undefined,
    publicIds: string[],
    params: UploadParams = {},
  ) {
    if (!Array.isArray(publicIds)) throw new KumoClientError('publicIds must be an array of public ids');
    const [resourceType, rest] = splitResourceType(params, 'image');
    const { exclusive, ...others } = rest as Params & { exclusive?: boolean };
    const effective = command === 'add' && exclusive === true ? 'set_exclusive' : command;
    const body: Params = { ...others, public_ids: publicIds, command: effective };
    if (tag !== undefined) body['tag'] = requireText(tag, 'tag');
    return uploadApi<PublicIdsResponse>('tags', resourceType, body);
  }

  function uploadChunkedAs(defaultType: string) {
    return async (
      file: Blob,
      params?: UploadParams,
      chunkOptions?: ChunkedUploadOptions,
    ): Promise<UploadResponse> => {
      if (!(file instanceof Blob)) throw new KumoClientError('Chunked uploads need a Blob or File');
      const [resourceType, rest] = splitResourceType(params, defaultType);
      if (file.size === 0) {
        return uploadApi<UploadResponse>('upload', resourceType, rest, {
          file,
          unsigned: true,
          booleans: 'digits',
        });
      }
      const filename = (file as File).name || 'file';
      return uploadInChunks(
        file,
        (chunk, headers, signal) =>
          uploadApi('upload', resourceType, rest, {
            file: chunk,
            filename,
            headers,
            signal,
            unsigned: true,
            booleans: 'digits',
          }),
        chunkOptions,
      );
    };
  }

  function deleteBy(
    params: DeleteParams | undefined,
    selector: Params,
    call?: CallOptions,
    segments?: string[],
  ) {
    const { resource_type: resourceType = 'image', type = 'upload', ...rest } = params ?? {};
    const path = segments ?? ['resources', resourceType, type];
    return adminApi<DeleteResourcesResponse>('DELETE', path, { ...rest, ...selector }, call);
  }

  return {
    async upload(file, params, call) {
      if (typeof file === 'string' && !REMOTE_SOURCE.test(file)) {
        throw new KumoClientError('A string file must be an http(s)/ftp/s3/gs URL or a data URI');
      }
      if (typeof file !== 'string' && !(file instanceof Blob)) {
        throw new KumoClientError('file must be a Blob, a File, a URL or a data URI');
      }
      const [resourceType, rest] = splitResourceType(params, 'auto');
      return uploadApi('upload', resourceType, rest, {
        file,
        signal: call?.signal,
        unsigned: true,
        booleans: 'digits',
      });
    },
    uploadChunked: uploadChunkedAs('auto'),
    uploadLarge: uploadChunkedAs('raw'),
    async destroy(publicId, params, call) {
      const [resourceType, rest] = splitResourceType(params, 'image');
      const body = { ...rest, public_id: requireText(publicId, 'publicId') };
      return uploadApi('destroy', resourceType, body, { signal: call?.signal });
    },
    async rename(fromPublicId, toPublicId, params, call) {
      const [resourceType, rest] = splitResourceType(params, 'image');
      const body = {
        ...rest,
        from_public_id: requireText(fromPublicId, 'fromPublicId'),
        to_public_id: requireText(toPublicId, 'toPublicId'),
      };
      return uploadApi('rename', resourceType, body, { signal: call?.signal });
    },
    async explicit(publicId, params, call) {
      const [resourceType, rest] = splitResourceType(params, 'image');
      const body = { type: 'upload', ...rest, public_id: requireText(publicId, 'publicId') };
      return uploadApi('explicit', resourceType, body, { signal: call?.signal, booleans: 'digits' });
    },
    addTag: async (tag, publicIds, params) => tagsCommand('add', tag, publicIds, params),
    removeTag: async (tag, publicIds, params) => tagsCommand('remove', tag, publicIds, params),
    replaceTag: async (tag, publicIds, params) => tagsCommand('replace', tag, publicIds, params),
    removeAllTags: async (publicIds, params) => tagsCommand('remove_all', undefined, publicIds, params),
    async resources(params, call) {
      const { resource_type: resourceType = 'image', type, ...rest } = params ?? {};
      const segments = type === undefined ? ['resources', resourceType] : ['resources', resourceType, type];
      return adminApi('GET', segments, rest, call);
    },
    async resourcesByTag(tag, params, call) {
      const { resource_type: resourceType = 'image', ...rest } = params ?? {};
      return adminApi('GET', ['resources', resourceType, 'tags', requireText(tag, 'tag')], rest, call);
    },
    async resourcesByIds(publicIds, params, call) {
      if (!Array.isArray(publicIds)) throw new KumoClientError('publicIds must be an array of public ids');
      const { resource_type: resourceType = 'image', type = 'upload', ...rest } = params ?? {};
      return adminApi('GET', ['resources', resourceType, type], { ...rest, public_ids: publicIds }, call);
    },
    async resource(publicId, params, call) {
      const { resource_type: resourceType = 'image', type = 'upload', ...rest } = params ?? {};
      return adminApi(
        'GET',
        ['resources', resourceType, type, requireText(publicId, 'publicId')],
        rest,
        call,
      );
    },
    async deleteResources(publicIds, params, call) {
      if (!Array.isArray(publicIds)) throw new KumoClientError('publicIds must be an array of public ids');
      return deleteBy(params, { public_ids: publicIds }, call);
    },
    deleteResourcesByPrefix: async (prefix, params, call) =>
      deleteBy(params, { prefix: requireText(prefix, 'prefix') }, call),
    async deleteResourcesByTag(tag, params, call) {
      const resourceType = params?.resource_type ?? 'image';
      const path = ['resources', resourceType, 'tags', requireText(tag, 'tag')];
      return deleteBy({ ...params, type: undefined }, {}, call, path);
    },
    async tags(params, call) {
      const { resource_type: resourceType = 'image', ...rest } = params ?? {};
      return adminApi('GET', ['tags', resourceType], rest, call);
    },
    rootFolders: async (params, call) => adminApi('GET', ['folders'], params, call),
    subFolders: async (path, params, call) =>
      adminApi('GET', ['folders', requireText(path, 'path')], params, call),
    createFolder: async (path, call) => adminApi('POST', ['folders', requireText(path, 'path')], {}, call),
    deleteFolder: async (path, call) => adminApi('DELETE', ['folders', requireText(path, 'path')], {}, call),
    async search(query, call) {
      const body = 'toJSON' in query && typeof query.toJSON === 'function' ? query.toJSON() : query;
      return adminApi('POST', ['resources', 'search'], undefined, { json: body, signal: call?.signal });
    },
  };
}
