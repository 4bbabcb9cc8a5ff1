import type { SignatureAlgorithm } from '../signing/digest.js';
import type { ResourceType } from '../types/common.js';
import type { AuthTokenOptions } from './auth-token.js';

/** Resource types of the delivery URL grammar (`video` also serves audio). */
export const RESOURCE_TYPES = ['image', 'video', 'raw'] as const satisfies readonly ResourceType[];

/** Delivery types (the `type` path segment) Cloudinary documents. */
export const DELIVERY_TYPES = [
  'upload',
  'private',
  'authenticated',
  'asset',
  'fetch',
  'url2png',
  'facebook',
  'twitter',
  'twitter_name',
  'instagram',
  'instagram_name',
  'gravatar',
  'youtube',
  'hulu',
  'vimeo',
  'animoto',
  'dailymotion',
  'worldstarhiphop',
  'multi',
  'sprite',
  'text',
  'list',
  'media_optimization',
] as const;
/** A delivery type `buildUrl` accepts. */
export type KnownDeliveryType = (typeof DELIVERY_TYPES)[number];

/** How a delivery URL is signed: `s--` + 8 characters, or 32 characters of SHA-256 with `long`. */
export interface DeliverySigningOptions {
  /** The API secret; it never appears in the URL. */
  secret: string;
  /** Digest for the 8-character form; defaults to `sha1`. Ignored when `long` is set. */
  algorithm?: SignatureAlgorithm;
  /** The 32-character SHA-256 form (`long_url_signature`). */
  long?: boolean;
}

/** Where and how a delivery URL points; everything except `cloudName` is optional. */
export interface DeliveryHostOptions {
  /** Cloud (account) name. */
  cloudName: string;
  /**
   * Origin of a self-hosted server, e.g. `http://127.0.0.1:3000`; the cloud name follows it in the
   * path. Replaces every Cloudinary host option below.
   */
  baseUrl?: string;
  /** `https` (default) or `http`. */
  secure?: boolean;
  /** Private CDN host `<cloud>-res.cloudinary.com`, without the cloud name in the path. */
  privateCdn?: boolean;
  /** Custom domain used for `http` URLs. */
  cname?: string;
  /** Custom domain used for `https` URLs. */
  secureDistribution?: string;
  /** Legacy `res-1`…`res-5` host sharding chosen by CRC-32 of the public id. */
  cdnSubdomain?: boolean;
  /** Sharding for `https`; defaults to `cdnSubdomain` on the shared domain. */
  secureCdnSubdomain?: boolean;
}

/** The path-shaping options shared by every builder (transformation aside). */
export interface DeliveryPathOptions {
  /** `image` (default), `video` or `raw`. */
  resourceType?: ResourceType;
  /** `upload` (default), `private`, `authenticated`, `fetch`, … */
  type?: KnownDeliveryType;
  /** Version number (`v<version>` segment). */
  version?: number | string;
  /** Adds `v1` when the public id has a folder and no version is given, as the SDKs do; default true. */
  forceVersion?: boolean;
  /** Extension; for `fetch` it becomes `f_<format>` instead. */
  format?: string;
  /** SEO suffix after the public id (`images/<id>/<suffix>.<ext>`); must not contain `.` or `/`. */
  urlSuffix?: string;
  /** Drops `image/upload` from the path (`/<cloud>/<id>`); image uploads only. */
  useRootPath?: boolean;
  /** `iu` instead of `image/upload`. */
  shorten?: boolean;
}

/** How `buildSignedUrl` authenticates a URL: an `s--…--` signature or an auth token. */
export interface DeliveryAuthOptions {
  /** Adds an `s--…--` signature segment. */
  sign?: DeliverySigningOptions;
  /** Appends a `?__cld_token__=…` token for this URL's path instead of a signature (`url` is filled in). */
  authToken?: Omit<AuthTokenOptions, 'url'>;
}
