import { DeliveryUrlError } from './delivery-url-error.js';
import { collapseSlashes, escapePublicId, isRemoteUrl } from './escape.js';
import { deliveryPrefix, type HostSettings } from './host.js';

/** Resolved path settings; loose strings so both the typed builder and `url()` compatibility fit. */
export interface PathSettings {
  resourceType: string;
  type: string;
  /** Serialized transformation, `''` for none. */
  transformation: string;
  version?: string | number | undefined;
  forceVersion: boolean;
  format?: string | undefined;
  urlSuffix?: string | undefined;
  useRootPath: boolean;
  shorten: boolean;
  /**
   * Signature characters for the signed part (`transformation/public_id.ext`). Signing code is
   * passed in rather than imported so that unsigned builds do not ship a hash implementation.
   */
  sign?: ((toSign: string) => string) | undefined;
  /** Last step over the finished URL (auth tokens append their query here). */
  finish?: ((url: string) => string) | undefined;
  /** How a remote (fetch) URL is escaped. */
  escapeRemote: (remoteUrl: string) => string;
}

const SEO_FORMS: Record<string, string> = {
  'image/upload': 'images',
  'image/private': 'private_images',
  'image/authenticated': 'authenticated_images',
  'raw/upload': 'files',
  'video/upload': 'videos',
};

/** The `<resource_type>/<type>` segments after SEO suffix, root-path and shortening rules. */
function resourceSegments(path: PathSettings): [string | undefined, string | undefined] {
  let resource: string | undefined = path.resourceType;
  let type: string | undefined = path.type;
  if (path.urlSuffix != null) {
    const seo = SEO_FORMS[`${resource}/${type}`];
    if (!seo) {
      throw new DeliveryUrlError(
        'unsupported_url_suffix',
        `A URL suffix is only supported for image/upload, image/private, image/authenticated, video/upload and raw/upload, not ${resource}/${type}`,
      );
    }
    resource = seo;
    type = undefined;
  }
  if (path.useRootPath) {
    if ((resource === 'image' && type === 'upload') || (resource === 'images' && type === undefined)) {
      return [undefined, undefined];
    }
    throw new DeliveryUrlError(
      'unsupported_root_path',
      `A root path is only supported for image/upload, not ${resource}/${type}`,
    );
  }
  if (path.shorten && resource === 'image' && type === 'upload') return ['iu', undefined];
  return [resource, type];
}

function present(part: string | undefined): part is string {
  return part !== undefined && part !== '';
}

/** Builds a delivery URL from resolved settings; the single implementation behind `buildUrl` and `url`. */
export function assembleDeliveryUrl(publicId: string, host: HostSettings, path: PathSettings): string {
  const [resource, type] = resourceSegments(path);
  let source = collapseSlashes(publicId);
  let toSign: string;
  if (isRemoteUrl(source)) {
    source = path.escapeRemote(source);
    toSign = source;
  } else {
    source = escapePublicId(source);
    toSign = source;
    if (path.urlSuffix) {
      if (/[./]/.test(path.urlSuffix)) {
        throw new DeliveryUrlError(
          'invalid_option',
          `URL suffix ${JSON.stringify(path.urlSuffix)} must not contain . or /`,
        );
      }
      source += '/' + path.urlSuffix;
    }
    if (path.format != null) {
      source += '.' + path.format;
      toSign += '.' + path.format;
    }
  }

  let version = path.version;
  if (
    version == null &&
    path.forceVersion &&
    toSign.includes('/') &&
    !/^v[0-9]+/.test(toSign) &&
    !/^https?:\//.test(toSign)
  ) {
    version = 1;
  }
  const transformation = collapseSlashes(path.transformation);
  let signature: string | undefined;
  if (path.sign) signature = `s--${path.sign([transformation, toSign].filter(present).join('/'))}--`;
  const parts = [
    deliveryPrefix(source, host),
    resource,
    type,
    signature,
    transformation,
    version == null ? undefined : `v${version}`,
    source,
  ];
  let url = '';
  for (const part of parts) if (present(part)) url = url ? `${url}/${part}` : part;
  if (url.includes(' ')) url = url.replace(/ /g, '%20');
  return path.finish ? path.finish(url) : url;
}
