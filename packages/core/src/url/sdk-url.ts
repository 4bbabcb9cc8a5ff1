import type { SignatureAlgorithm } from '../signing/digest.js';
import { assembleDeliveryUrl, type PathSettings } from './assemble.js';
import { appendAuthToken } from './auth-token.js';
import { DeliveryUrlError } from './delivery-url-error.js';
import { escapeRemoteUrlAsSdk } from './escape.js';
import type { HostSettings } from './host.js';
import type { DeliverySigningOptions } from './options.js';
import { signDeliveryPath } from './signature.js';

// Maps the official SDK's snake_case `url()` options, with its truthiness and "null means unset"
// rules, onto the shared assembler. The transformation string is computed by the caller.

/** The loose option record `url()` receives (config-style keys plus transformation keys). */
export type SdkOptionRecord = Readonly<Record<string, unknown>>;

// `image/upload/v123/id` passed as the public id carries its own resource type, type and version.
const PRELOADED = /^(image|raw)\/([a-z0-9_]+)\/v(\d+)\/([^#]+)$/;

function optional(value: unknown): string | undefined {
  return value == null ? undefined : String(value);
}

/** The SDK's `auth_token` option after its merge into a fresh object; only objects and strings survive. */
function tokenRecord(options: SdkOptionRecord): Record<string, unknown> | undefined {
  const token = options['auth_token'];
  if (token === false || token == null || (typeof token !== 'object' && typeof token !== 'string'))
    return undefined;
  const record: Record<string, unknown> = { ...(token as object) };
  return Object.keys(record).length > 0 ? record : undefined;
}

function signing(options: SdkOptionRecord): DeliverySigningOptions | undefined {
  if (!options['sign_url']) return undefined;
  const secret = options['api_secret'];
  if (typeof secret !== 'string' || secret === '') {
    throw new DeliveryUrlError('invalid_option', 'sign_url requires api_secret');
  }
  const long = Boolean(options['long_url_signature']);
  const algorithm = options['signature_algorithm'] ?? 'sha1';
  if (!long && algorithm !== 'sha1' && algorithm !== 'sha256') {
    throw new DeliveryUrlError(
      'invalid_option',
      `Unsupported signature_algorithm ${JSON.stringify(algorithm)}; use sha1 or sha256`,
    );
  }
  return { secret, algorithm: algorithm as SignatureAlgorithm, long };
}

/** Signature or token: with `sign_url`, a non-empty `auth_token` takes the place of `s--…--`. */
function sdkSigning(options: SdkOptionRecord): Pick<PathSettings, 'sign' | 'finish'> {
  if (!options['sign_url']) return {};
  const token = tokenRecord(options);
  if (token) return { finish: (url) => appendAuthToken(url, token) };
  const signingOptions = signing(options);
  return signingOptions ? { sign: (toSign) => signDeliveryPath(toSign, signingOptions) } : {};
}

/** `cloudinary.url()` semantics over an already generated transformation string. */
export function sdkUrl(publicId: unknown, options: SdkOptionRecord, transformation: string): string {
  if (publicId == null) throw new DeliveryUrlError('invalid_public_id', 'A public id is required');
  let source = String(publicId);
  let resourceType = optional(options['resource_type']) ?? 'image';
  let type = optional(options['type']);
  let version: string | undefined = optional(options['version']);
  const preloaded = PRELOADED.exec(source);
  if (preloaded) {
    [, resourceType, type, version, source] = preloaded as unknown as [
      string,
      string,
      string,
      string,
      string,
    ];
  }
  // Like the SDK, a bare http(s) URL without an explicit type is returned untouched.
  if (type === undefined && /^https?:\//i.test(source)) return source;

  const cloudName = optional(options['cloud_name']) ?? '';
  if (!cloudName)
    throw new DeliveryUrlError('missing_cloud_name', 'Must supply cloud_name in the url() options');
  const secureCdnSubdomain = options['secure_cdn_subdomain'];
  const host: HostSettings = cloudName.startsWith('/')
    ? // The SDK's relative form for proxies: `/res/<cloud>/…`.
      { cloudName: cloudName.slice(1), baseUrl: '/res', secure: true, privateCdn: false, cdnSubdomain: false }
    : {
        cloudName,
        secure: options['secure'] == null ? true : Boolean(options['secure']),
        privateCdn: Boolean(options['private_cdn']),
        cname: optional(options['cname']),
        secureDistribution: optional(options['secure_distribution']),
        cdnSubdomain: Boolean(options['cdn_subdomain']),
        secureCdnSubdomain: secureCdnSubdomain == null ? undefined : Boolean(secureCdnSubdomain),
      };
  const forceVersion = options['force_version'];
  return assembleDeliveryUrl(source, host, {
    resourceType,
    type: type ?? 'upload',
    transformation,
    version,
    forceVersion: forceVersion == null ? true : Boolean(forceVersion),
    format: optional(options['format']),
    urlSuffix: optional(options['url_suffix']),
    useRootPath: Boolean(options['use_root_path']),
    shorten: Boolean(options['shorten']),
    ...sdkSigning(options),
    escapeRemote: escapeRemoteUrlAsSdk,
  });
}
