import type { SignatureAlgorithm } from '../signing/digest.js';
import { isTransformationSegment } from '../transformation/index.js';
import type { ResourceType } from '../types/common.js';
import { DeliveryUrlError } from './delivery-url-error.js';
import { RESOURCE_TYPES } from './options.js';
import { deliverySignatureMatches } from './signature.js';

/** Which path shape a delivery URL used. */
export type DeliveryPathForm = 'standard' | 'seo' | 'root' | 'short';

/** The parts of a delivery URL; strings are as they appear in the URL unless noted. */
export interface ParsedDeliveryUrl {
  /** `scheme://host`, or `''` for a path-only input. */
  origin: string;
  /** Cloud name, from the path or from a `<cloud>-res.cloudinary.com` host. */
  cloudName: string;
  /** `image`, `video` or `raw`. */
  resourceType: ResourceType;
  /** Delivery type (`upload`, `private`, `fetch`, …). */
  type: string;
  /** Path shape: standard, SEO (`images/…`), root (`/<cloud>/<id>`) or short (`iu`). */
  pathForm: DeliveryPathForm;
  /** Signature characters between `s--` and `--`, if signed. */
  signature?: string;
  /** Transformation components joined by `/`, raw; `''` when none. */
  transformation: string;
  /** Version number from a `v<digits>` segment. */
  version?: number;
  /** Public id, percent-decoded, without extension (raw assets keep theirs; fetch gives the remote URL). */
  publicId: string;
  /** Extension (output format), if any. */
  format?: string;
  /** SEO suffix, percent-decoded. */
  urlSuffix?: string;
  /** Query string without `?` (`_a=…` analytics or tokens), `''` when none. */
  query: string;
  /** The exact text a delivery signature covers: transformation + `/` + escaped public id with extension. */
  signedPart: string;
}

/** Options for `parseUrl`. */
export interface ParseDeliveryUrlOptions {
  /** Path prefix in front of the cloud name on a self-hosted server, e.g. `/media`. */
  basePath?: string;
  /** Cloud name for hosts that do not carry it in the path (private CDN or CNAME distributions). */
  cloudName?: string;
}

const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*:)?\/\/([^/?#]*)/;
const PRIVATE_CDN_HOST = /^([a-z0-9-]+?)-res(?:-\d)?\.cloudinary\.com$/i;
const SIGNATURE = /^s--([A-Za-z0-9_-]{8}|[A-Za-z0-9_-]{32})--$/;
const VERSION = /^v(\d+)$/;
const EXTENSION = /^[A-Za-z0-9]+$/;
const TYPE = /^[a-z0-9_]+$/;
const SEO_FORMS: Record<string, readonly [ResourceType, string]> = {
  images: ['image', 'upload'],
  private_images: ['image', 'private'],
  authenticated_images: ['image', 'authenticated'],
  videos: ['video', 'upload'],
  files: ['raw', 'upload'],
};

function malformed(message: string): DeliveryUrlError {
  return new DeliveryUrlError('malformed_url', message);
}

function decode(text: string, what: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw malformed(`The ${what} ${JSON.stringify(text)} has a malformed percent-escape`);
  }
}

/** Splits `name.ext` when the extension looks like a format. */
function splitExtension(segment: string): [string, string | undefined] {
  const dot = segment.lastIndexOf('.');
  if (dot <= 0 || !EXTENSION.test(segment.slice(dot + 1))) return [segment, undefined];
  return [segment.slice(0, dot), segment.slice(dot + 1)];
}

function isResourceType(value: string | undefined): value is ResourceType {
  return (RESOURCE_TYPES as readonly (string | undefined)[]).includes(value);
}

/**
 * Parses a delivery URL (absolute, or a path starting at the cloud name) into its parts. Throws
 * `DeliveryUrlError` for anything that is not a delivery URL.
 */
export function parseUrl(url: string, options: ParseDeliveryUrlOptions = {}): ParsedDeliveryUrl {
  if (typeof url !== 'string') throw malformed('A delivery URL must be a string');
  const cut = url.search(/[?#]/);
  const query = cut >= 0 && url[cut] === '?' ? url.slice(cut + 1).replace(/#.*$/, '') : '';
  let path = cut >= 0 ? url.slice(0, cut) : url;
  let origin = '';
  let host = '';
  const absolute = ABSOLUTE.exec(path);
  if (absolute) {
    origin = absolute[0];
    host = absolute[2] ?? '';
    path = path.slice(origin.length);
  }
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  if (basePath) {
    const prefix = basePath.startsWith('/') ? basePath : '/' + basePath;
    if (path !== prefix && !path.startsWith(prefix + '/')) {
      throw malformed(`The URL path does not start with the base path ${prefix}`);
    }
    path = path.slice(prefix.length);
  }
  const segments = path.replace(/^\//, '').split('/');

  let index = 0;
  let cloudName: string;
  const privateHost = PRIVATE_CDN_HOST.exec(host);
  if (privateHost) {
    cloudName = privateHost[1]!;
  } else if (options.cloudName && segments[0] !== options.cloudName) {
    cloudName = options.cloudName;
  } else {
    cloudName = segments[index++] ?? '';
  }
  if (!cloudName) throw malformed('The URL has no cloud name');

  let resourceType: ResourceType = 'image';
  let type = 'upload';
  let pathForm: DeliveryPathForm = 'root';
  const last = segments.length - 1;
  // A leading `image`, `images` or `iu` names the path form only when a public id still follows;
  // otherwise it is a root-path public id.
  const head = index < last ? segments[index] : undefined;
  const seo = head === undefined ? undefined : SEO_FORMS[head];
  if (isResourceType(head) && index + 1 < last) {
    const typeSegment = segments[index + 1]!;
    if (!TYPE.test(typeSegment)) {
      throw malformed(`Expected a delivery type after ${head}/, got ${JSON.stringify(typeSegment)}`);
    }
    [resourceType, type, pathForm] = [head, typeSegment, 'standard'];
    index += 2;
  } else if (seo) {
    [resourceType, type, pathForm] = [seo[0], seo[1], 'seo'];
    index += 1;
  } else if (head === 'iu') {
    pathForm = 'short';
    index += 1;
  }

  // The public id is never consumed as a signature, transformation or version; in SEO form neither
  // is the suffix after it.
  const limit = pathForm === 'seo' ? last - 1 : last;
  let signature: string | undefined;
  const signatureMatch = index < limit ? SIGNATURE.exec(segments[index]!) : null;
  if (signatureMatch) {
    signature = signatureMatch[1];
    index++;
  }
  const transformationStart = index;
  while (index < limit && isTransformationSegment(segments[index]!)) index++;
  const transformation = segments.slice(transformationStart, index).join('/');
  let version: number | undefined;
  const versionMatch = index < limit ? VERSION.exec(segments[index]!) : null;
  if (versionMatch) {
    version = Number(versionMatch[1]);
    index++;
  }
  const rest = segments.slice(index);
  if (rest.length === 0 || rest.join('/') === '') throw malformed('The URL has no public id');

  const parsed: ParsedDeliveryUrl = {
    origin,
    cloudName,
    resourceType,
    type,
    pathForm,
    transformation,
    publicId: '',
    query,
    signedPart: '',
  };
  if (signature !== undefined) parsed.signature = signature;
  if (version !== undefined) parsed.version = version;

  const joined = rest.join('/');
  if (type === 'fetch' || /^https?:\//i.test(joined)) {
    // Remote URLs keep their own path and query; escapes the SDK produced from UTF-16 units may not
    // decode as UTF-8, and then the escaped form is the best description of the remote resource.
    try {
      parsed.publicId = decodeURIComponent(joined);
    } catch {
      parsed.publicId = joined;
    }
    parsed.signedPart = [transformation, joined].filter(Boolean).join('/');
    return parsed;
  }

  let idPart = joined;
  let format: string | undefined;
  if (pathForm === 'seo' && rest.length > 1) {
    const [suffix, extension] = splitExtension(rest[last - index]!);
    if (!suffix) throw malformed('The SEO suffix is empty');
    parsed.urlSuffix = decode(suffix, 'URL suffix');
    idPart = rest.slice(0, -1).join('/');
    format = extension;
  } else if (resourceType !== 'raw') {
    const [name, extension] = splitExtension(rest[last - index]!);
    idPart = [...rest.slice(0, -1), name].join('/');
    format = extension;
  }
  parsed.publicId = decode(idPart, 'public id');
  if (format !== undefined) parsed.format = format;
  const signedSource = format === undefined ? idPart : `${idPart}.${format}`;
  parsed.signedPart = [transformation, signedSource].filter(Boolean).join('/');
  return parsed;
}

/**
 * Checks the `s--…--` signature of a parsed delivery URL in constant time. 8-character signatures use
 * `algorithm` (default `sha1`); 32-character ones are always SHA-256. Unsigned URLs never verify.
 */
export function verifyDeliverySignature(
  parsed: Pick<ParsedDeliveryUrl, 'signature' | 'signedPart'>,
  secret: string,
  algorithm: SignatureAlgorithm = 'sha1',
): boolean {
  if (parsed.signature === undefined || typeof secret !== 'string' || secret === '') return false;
  return deliverySignatureMatches(parsed.signedPart, parsed.signature, secret, algorithm);
}
