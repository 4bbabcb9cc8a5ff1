export type { ChunkedUploadOptions } from './chunked-upload.js';
export { DEFAULT_CHUNK_SIZE, randomUploadId } from './chunked-upload.js';
export type {
  CallOptions,
  ClientOptions,
  DeleteParams,
  KumoClient,
  ListParams,
  UploadParams,
  UploadSigner,
  UploadSource,
} from './client.js';
export { createClient } from './client.js';
export type { ResumePoint } from './errors.js';
export { KumoApiError, KumoClientError } from './errors.js';
export { SearchQuery, searchQuery } from './search-query.js';
export type { Params, ParamValue, WireParams } from './wire-params.js';
export { encodeKeyValue, toWireParams } from './wire-params.js';
