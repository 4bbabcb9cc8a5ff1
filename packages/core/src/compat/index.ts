/**
 * @kumo/core/compat — drop-in equivalents of the official `cloudinary` SDK's URL and signing helpers,
 * with the SDK's option names and identical output. Options only: nothing is read from the
 * environment or from global configuration.
 */
export { apiSignRequest } from './sign.js';
export type { TransformationInput, TransformationOptions } from './transformation.js';
export { generateTransformationString, TransformationOptionsError } from './transformation.js';
export type { UrlAuthTokenOptions, UrlConfigOptions, UrlOptions } from './url.js';
export { url } from './url.js';
