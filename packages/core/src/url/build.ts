import type { Component, Transformation } from '../transformation/index.js';
import { serializeTransformation } from '../transformation/index.js';
import { assembleDeliveryUrl, type PathSettings } from './assemble.js';
import { DeliveryUrlError } from './delivery-url-error.js';
import { escapeRemoteUrl } from './escape.js';
import type { HostSettings } from './host.js';
import type { DeliveryHostOptions, DeliveryPathOptions } from './options.js';

/** Everything `buildUrl` accepts: host, path and transformation options. */
export interface DeliveryUrlOptions extends DeliveryHostOptions, DeliveryPathOptions {
  /** Transformation: a string (`c_fill,w_100/f_auto`), a chain of components, or one component. */
  transformation?: string | Transformation | Component;
}

function invalid(message: string): DeliveryUrlError {
  return new DeliveryUrlError('invalid_option', message);
}

/** Validates typed options and resolves them for the assembler (shared with `buildSignedUrl`). */
export function resolveDeliveryOptions(
  publicId: unknown,
  options: DeliveryUrlOptions,
): [HostSettings, PathSettings] {
  if (typeof publicId !== 'string' || publicId === '') {
    throw new DeliveryUrlError('invalid_public_id', 'The public id must be a non-empty string');
  }
  if (options == null || typeof options !== 'object') throw invalid('Delivery URL options must be an object');
  const { cloudName, resourceType = 'image', type = 'upload', version } = options;
  if (typeof cloudName !== 'string' || cloudName === '') {
    throw new DeliveryUrlError('missing_cloud_name', 'cloudName is required to build a delivery URL');
  }
  // Syntax checks only, so that the list of delivery types stays out of browser bundles.
  if (resourceType !== 'image' && resourceType !== 'video' && resourceType !== 'raw')
    throw invalid(`Unknown resourceType ${JSON.stringify(resourceType)}`);
  if (type !== 'upload' && !/^[a-z][a-z0-9_]*$/.test(type))
    throw invalid(`Invalid delivery type ${JSON.stringify(type)}`);
  if (version !== undefined && !/^\d+$/.test(String(version))) {
    throw invalid(`version must be a non-negative integer, got ${JSON.stringify(version)}`);
  }
  const tx = options.transformation;
  if (tx != null && typeof tx !== 'string' && typeof tx !== 'object') {
    throw invalid('transformation must be a string, a component or an array of components');
  }
  let transformation = tx == null ? '' : serializeTransformation(tx);
  let format = options.format;
  if (type === 'fetch' && format !== undefined) {
    // A fetched URL keeps its own path, so the output format travels as a parameter.
    transformation = transformation ? `${transformation}/f_${format}` : `f_${format}`;
    format = undefined;
  }
  return [
    {
      cloudName,
      baseUrl: options.baseUrl,
      secure: options.secure ?? true,
      privateCdn: options.privateCdn ?? false,
      cname: options.cname,
      secureDistribution: options.secureDistribution,
      cdnSubdomain: options.cdnSubdomain ?? false,
      secureCdnSubdomain: options.secureCdnSubdomain,
    },
    {
      resourceType,
      type,
      transformation,
      version,
      forceVersion: options.forceVersion ?? true,
      format,
      urlSuffix: options.urlSuffix,
      useRootPath: options.useRootPath ?? false,
      shorten: options.shorten ?? false,
      escapeRemote: escapeRemoteUrl,
    },
  ];
}

/**
 * Builds a delivery URL, e.g. `https://res.cloudinary.com/demo/image/upload/c_fill,w_100/v1/folder/id.jpg`,
 * or `http://127.0.0.1:3000/demo/image/upload/…` with `baseUrl`. Unsigned and secret-free, so it
 * belongs in browsers; servers sign with `buildSignedUrl`. Throws `DeliveryUrlError` on bad options.
 */
export function buildUrl(publicId: string, options: DeliveryUrlOptions): string {
  const auth = options as { sign?: unknown; authToken?: unknown } | undefined;
  if (auth?.sign !== undefined || auth?.authToken !== undefined) {
    throw invalid('buildUrl does not sign; use buildSignedUrl (on the server, where the secret lives)');
  }
  const [host, path] = resolveDeliveryOptions(publicId, options);
  return assembleDeliveryUrl(publicId, host, path);
}
