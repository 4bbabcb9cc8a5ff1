/**
 * What the engine's lazily loaded modules (chunked sending, signing, checks, image preparation,
 * resuming) use of the modules every upload loads, gathered in one module they import it from.
 * Bundlers that split code group it by the set of chunks that reach it; reached through here, the
 * shared code stays one file instead of several small ones, each downloaded and compressed apart.
 */
export { KumoApiError, KumoClientError } from '@kumo/core';
export { abortError } from './abort-error.js';
export {
  clearRecords,
  forgetRecord,
  keepRecord,
  recoveryRange,
  runTransaction,
} from './recovery-database.js';
export { withRetries } from './request-retry.js';
export { customCoordinates } from './upload-params.js';
export { postForm } from './upload-request.js';
