/**
 * Upload signing for your own backend, without the rest of the server (no Fastify, no database):
 * `import { createSignHandler } from '@kumo/server/signing'`.
 */
export type { SignHandlerOptions } from './sign-handler.js';
export { createSignHandler } from './sign-handler.js';
export type { SignedUpload, SigningPolicy } from './sign-upload.js';
export { DEFAULT_SIGNABLE_PARAMS, SigningPolicyError, signUpload } from './sign-upload.js';
