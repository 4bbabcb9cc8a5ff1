/**
 * @kumo/core — DOM-free, dependency-free transformation-URL core speaking Cloudinary's URL grammar.
 */

export * from './client/index.js';
export * from './media/index.js';
export * from './responsive/index.js';
export type { SignatureAlgorithm } from './signing/digest.js';
export { digest, timingSafeEqual, toBase64Url, toHex } from './signing/digest.js';
export type {
  MediaLibraryIdentity,
  MediaLibraryLogin,
  MediaLibrarySignatureCheck,
} from './signing/media-library.js';
export {
  mediaLibrarySignature,
  signMediaLibraryLogin,
  verifyMediaLibrarySignature,
} from './signing/media-library.js';
export { digestSync, sha1Sync, sha256Sync } from './signing/sha-sync.js';
export type {
  KeyOrder,
  SerializeOptions,
  SignatureVersion,
  TimestampCheck,
  TimestampWindowOptions,
  UploadSignatureCheck,
} from './signing/upload.js';
export {
  algorithmOfSignature,
  checkTimestamp,
  DEFAULT_CLOCK_SKEW_SECONDS,
  formatSignatureTime,
  responseSignature,
  SigningInputError,
  serializeSignedParams,
  signParams,
  stringToSign,
  UNSIGNED_UPLOAD_PARAMS,
  UPLOAD_SIGNATURE_WINDOW_SECONDS,
  verifyResponseSignature,
  verifyUploadSignature,
} from './signing/upload.js';
export type {
  NotificationHeaders,
  NotificationSignatureCheck,
  NotificationSignatureSource,
} from './signing/webhook.js';
export {
  NOTIFICATION_SIGNATURE_HEADER,
  NOTIFICATION_TIMESTAMP_HEADER,
  NOTIFICATION_VALID_FOR_SECONDS,
  notificationSignature,
  signNotification,
  verifyNotificationSignature,
} from './signing/webhook.js';
export * from './transformation/index.js';
export type * from './types/index.js';
export * from './url/index.js';
