import { assembleDeliveryUrl } from './assemble.js';
import { appendAuthToken } from './auth-token.js';
import { type DeliveryUrlOptions, resolveDeliveryOptions } from './build.js';
import { DeliveryUrlError } from './delivery-url-error.js';
import type { DeliveryAuthOptions } from './options.js';
import { signDeliveryPath } from './signature.js';

/** `buildUrl` options plus how to authenticate the URL. */
export interface SignedDeliveryUrlOptions extends DeliveryUrlOptions, DeliveryAuthOptions {}

function invalid(message: string): DeliveryUrlError {
  return new DeliveryUrlError('invalid_option', message);
}

/**
 * Builds a delivery URL with an `s--…--` signature (`sign`) or an auth token (`authToken`), for
 * `private`/`authenticated` assets and strict transformations. Needs the secret: server side only.
 */
export function buildSignedUrl(publicId: string, options: SignedDeliveryUrlOptions): string {
  const [host, path] = resolveDeliveryOptions(publicId, options);
  const { sign, authToken } = options;
  if (sign !== undefined && authToken !== undefined) throw invalid('Use either sign or authToken, not both');
  if (sign !== undefined) {
    if (typeof sign?.secret !== 'string' || sign.secret === '')
      throw invalid('sign.secret must be a non-empty string');
    if (sign.algorithm !== undefined && sign.algorithm !== 'sha1' && sign.algorithm !== 'sha256') {
      throw invalid(`sign.algorithm must be sha1 or sha256, got ${JSON.stringify(sign.algorithm)}`);
    }
    path.sign = (toSign) => signDeliveryPath(toSign, sign);
  } else if (authToken !== undefined) {
    if (typeof authToken?.key !== 'string' || authToken.key === '') {
      throw invalid('authToken.key must be a non-empty hex string');
    }
    const token = {
      key: authToken.key,
      token_name: authToken.tokenName,
      ip: authToken.ip,
      start_time: authToken.startTime,
      expiration: authToken.expiration,
      duration: authToken.duration,
      acl: authToken.acl,
    };
    path.finish = (url) => appendAuthToken(url, token);
  }
  return assembleDeliveryUrl(publicId, host, path);
}
