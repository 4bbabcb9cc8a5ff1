export { type AuthTokenOptions, authToken } from './auth-token.js';
export {
  AUTH_TOKEN_NAME,
  type AuthTokenCheckOptions,
  type AuthTokenFailure,
  type AuthTokenVerdict,
  aclMatches,
  checkAuthToken,
  type ParsedAuthToken,
  parseAuthToken,
} from './auth-token-check.js';
export { buildUrl, type DeliveryUrlOptions } from './build.js';
export { buildSignedUrl, type SignedDeliveryUrlOptions } from './build-signed.js';
export { DeliveryUrlError, type DeliveryUrlErrorCode } from './delivery-url-error.js';
export {
  DELIVERY_TYPES,
  type DeliveryAuthOptions,
  type DeliveryHostOptions,
  type DeliveryPathOptions,
  type DeliverySigningOptions,
  type KnownDeliveryType,
  RESOURCE_TYPES,
} from './options.js';
export {
  type DeliveryPathForm,
  type ParseDeliveryUrlOptions,
  type ParsedDeliveryUrl,
  parseUrl,
  verifyDeliverySignature,
} from './parse.js';
export { signDeliveryPath } from './signature.js';
