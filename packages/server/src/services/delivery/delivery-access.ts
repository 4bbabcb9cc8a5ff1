import {
  type AuthTokenVerdict,
  checkAuthToken,
  type ParsedDeliveryUrl,
  verifyDeliverySignature,
} from '@kumo/core';
import type { Credentials } from '../credentials.js';
import { DeliveryError } from './delivery-error.js';
import type { DeliveryRequest } from './delivery-types.js';

/**
 * Who may open a delivery URL beyond the public ones: `s--…--` signatures made with one of the
 * cloud's API secrets, and `__cld_token__` auth tokens made with the configured token key.
 */
export class DeliveryAccess {
  constructor(
    private readonly credentials: Credentials,
    private readonly tokenKey: string | undefined,
  ) {}

  signatureValid(parsed: ParsedDeliveryUrl): boolean {
    const keys = this.credentials.keysOf(parsed.cloudName);
    return keys.some(
      (key) =>
        verifyDeliverySignature(parsed, key.secret, 'sha1') ||
        verifyDeliverySignature(parsed, key.secret, 'sha256'),
    );
  }

  /** Whether the signature is the one of the HLS master this playlist or segment belongs to. */
  hlsSignatureValid(parsed: ParsedDeliveryUrl): boolean {
    if (!isHlsFile(parsed)) return false;
    const master = parsed.signedPart.replace(/\.[A-Za-z0-9_-]+\.(?:m3u8|ts)$/, '.m3u8');
    return master !== parsed.signedPart && this.signatureValid({ ...parsed, signedPart: master });
  }

  /**
   * Throws the 401 for an unsigned `authenticated` URL unless one of the request's tokens opens
   * it. A token names the URL path as the client requested it, or as a CDN that maps the cloud to
   * a host name sees it (without the leading `/<cloud>` segment): both forms are accepted, for a URL
   * token's signature and for an ACL alike.
   */
  requireToken(request: DeliveryRequest): void {
    const tokens = request.authTokens ?? [];
    if (this.tokenKey === undefined || !tokens.length)
      throw new DeliveryError(
        401,
        this.tokenKey === undefined
          ? 'Authenticated assets need a signed URL'
          : 'Authenticated assets need a signed URL or an auth token (__cld_token__)',
      );
    const path = request.path.split('?', 1)[0]!;
    const paths = [path, path.slice(path.indexOf('/', 1))];
    let refused: AuthTokenVerdict | undefined;
    for (const token of tokens) {
      const verdict = checkAuthToken(token, {
        key: this.tokenKey,
        paths,
        ...(request.clientIp !== undefined ? { ip: request.clientIp } : {}),
      });
      if (verdict.valid) return;
      refused ??= verdict;
    }
    throw new DeliveryError(401, refused && !refused.valid ? refused.message : 'Invalid auth token');
  }
}

export function isHlsFile(parsed: ParsedDeliveryUrl): boolean {
  return parsed.resourceType === 'video' && (parsed.format === 'm3u8' || parsed.format === 'ts');
}
