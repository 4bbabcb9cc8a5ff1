/**
 * `url(publicId, options)`: the official `cloudinary` SDK's `cloudinary.v2.url()`, character for
 * character, with its config-style options passed inline. It reads no environment and no global
 * configuration, and never appends the SDK's `?_a=` analytics parameter.
 */
import { type SdkOptionRecord, sdkUrl } from '../url/sdk-url.js';
import { generateTransformationString, type TransformationOptions } from './transformation.js';

/** The SDK's `auth_token` options. */
export interface UrlAuthTokenOptions {
  /** Token key, hex-encoded. */
  key: string;
  /** Start of validity, Unix seconds. */
  start_time?: number;
  /** End of validity, Unix seconds. */
  expiration?: number;
  /** Validity in seconds from `start_time` (or now). */
  duration?: number;
  /** Path patterns the token grants. */
  acl?: string | string[];
  /** Client IP the token is bound to. */
  ip?: string;
  /** Query parameter name; default `__cld_token__`. */
  token_name?: string;
}

/** The SDK's config-style and URL options `url()` understands (snake_case, as in the SDK). */
export interface UrlConfigOptions {
  /** Cloud name (required). */
  cloud_name?: string;
  /** `https` (default) or `http`. */
  secure?: boolean;
  /** Private CDN host `<cloud>-res.cloudinary.com`. */
  private_cdn?: boolean;
  /** Custom domain for `http` URLs. */
  cname?: string;
  /** Custom domain for `https` URLs. */
  secure_distribution?: string;
  /** Legacy `res-1`…`res-5` sharding. */
  cdn_subdomain?: boolean;
  /** Sharding for `https`. */
  secure_cdn_subdomain?: boolean;
  /** Adds an `s--…--` signature (needs `api_secret`). */
  sign_url?: boolean;
  /** Secret used for `sign_url`. */
  api_secret?: string;
  /** 32-character SHA-256 signature. */
  long_url_signature?: boolean;
  /** Digest for the 8-character signature (`sha1` default). */
  signature_algorithm?: 'sha1' | 'sha256';
  /** Version segment. */
  version?: number | string;
  /** Adds `v1` for foldered public ids without a version (default true). */
  force_version?: boolean;
  /** SEO suffix. */
  url_suffix?: string;
  /** `/<cloud>/<public id>` for image uploads. */
  use_root_path?: boolean;
  /** `iu` instead of `image/upload`. */
  shorten?: boolean;
  /** `image` (default), `video`, `raw`. */
  resource_type?: string;
  /** Delivery type (`upload` default, `fetch`, `private`, …). */
  type?: string;
  /** Extension, or `f_<format>` for `fetch`. */
  format?: string;
  /** Token authentication instead of an `s--…--` signature (used with `sign_url`). */
  auth_token?: UrlAuthTokenOptions | false;
  /** Accepted and ignored: Kumo never adds the analytics parameter. */
  urlAnalytics?: boolean;
  /** Accepted and ignored, like `urlAnalytics`. */
  analytics?: boolean;
}

/** Options of `url()`: config-style keys plus every transformation option of the SDK. */
export type UrlOptions = UrlConfigOptions & TransformationOptions;

/** Builds a delivery URL exactly as `cloudinary.v2.url(publicId, options)` does (without `_a=`). */
export function url(publicId: string, options: UrlOptions = {}): string {
  const record: Record<string, unknown> = { ...options };
  // For fetch the format cannot be an extension of the remote URL, so it becomes `f_<format>`.
  if (record['type'] === 'fetch' && record['fetch_format'] == null) {
    record['fetch_format'] = record['format'];
    delete record['format'];
  }
  const transformation = generateTransformationString(record as TransformationOptions);
  return sdkUrl(publicId, record as SdkOptionRecord, transformation);
}
