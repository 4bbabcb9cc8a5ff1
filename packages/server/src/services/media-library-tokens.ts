import { createHmac } from 'node:crypto';
import { timingSafeEqual, verifyMediaLibrarySignature } from '@kumo/core';
import type { ApiKey } from '../config.js';
import type { Credentials } from './credentials.js';
import { ServiceError } from './service-error.js';

export type TokenScope = 'read' | 'write';

/** A media-library login as Cloudinary's recipe has the host's backend sign it (SHA-256). */
export interface MediaLibraryLoginParams {
  readonly api_key?: string;
  readonly username?: string;
  readonly timestamp?: string | number;
  readonly signature?: string;
}

interface TokenPayload {
  readonly c: string;
  readonly k: string;
  readonly s: TokenScope;
  readonly e: number;
  readonly u?: string;
}

const PREFIX = 'kml1';

/**
 * Short-lived bearer tokens for the media-library picker: HMAC-SHA256 over a small payload with
 * the issuing key's secret, so they are checked without storage and die with the key. Read-only
 * unless the server allows write tokens.
 */
export class MediaLibraryTokens {
  constructor(
    private readonly credentials: Credentials,
    private readonly options: { ttlSeconds: number; allowWrite: boolean; now?: () => number },
  ) {}

  /**
   * Issues a token for a signed media-library login, or, without a login, for a caller the route
   * already trusts (same origin or a configured origin).
   */
  async issue(cloud: string, login: MediaLibraryLoginParams, trustedCaller: boolean) {
    this.credentials.requireCloud(cloud);
    let key: ApiKey;
    let username: string | undefined;
    if (login.signature !== undefined) {
      const found = login.api_key === undefined ? undefined : this.credentials.findKey(cloud, login.api_key);
      if (!found) throw new ServiceError(401, `Unknown API key ${login.api_key ?? ''}`.trim());
      const check = await verifyMediaLibrarySignature(
        {
          cloud_name: cloud,
          username: login.username,
          timestamp: login.timestamp,
          signature: login.signature,
        },
        found.secret,
        { now: this.now() },
      );
      if (!check.ok) throw new ServiceError(401, check.message);
      key = found;
      username = login.username;
    } else if (trustedCaller) {
      key = this.credentials.primaryKey(cloud);
    } else {
      throw new ServiceError(
        401,
        'A signed media-library login (cloud_name, timestamp, username, signature) is required',
      );
    }
    const scope: TokenScope = this.options.allowWrite ? 'write' : 'read';
    const expires = Math.floor(this.now() / 1000) + this.options.ttlSeconds;
    const payload: TokenPayload = {
      c: cloud,
      k: key.key,
      s: scope,
      e: expires,
      ...(username ? { u: username } : {}),
    };
    return {
      token: sign(payload, key.secret),
      token_type: 'Bearer',
      expires_at: expires,
      scope,
      cloud_name: cloud,
      api_key: key.key,
    };
  }

  /** The key and scope a token grants for `cloud`, or undefined when it is forged, expired or foreign. */
  verify(cloud: string, token: string): { key: ApiKey; scope: TokenScope } | undefined {
    const [prefix, body, mac, extra] = token.split('.');
    if (prefix !== PREFIX || !body || !mac || extra !== undefined) return undefined;
    let payload: TokenPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
    } catch {
      return undefined;
    }
    if (payload.c !== cloud || typeof payload.k !== 'string' || typeof payload.e !== 'number')
      return undefined;
    const key = this.credentials.findKey(cloud, payload.k);
    if (!key || !timingSafeEqual(hmac(body, key.secret), mac)) return undefined;
    if (payload.e < Math.floor(this.now() / 1000)) return undefined;
    return { key, scope: payload.s === 'write' ? 'write' : 'read' };
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

function sign(payload: TokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${PREFIX}.${body}.${hmac(body, secret)}`;
}

function hmac(body: string, secret: string): string {
  return createHmac('sha256', `kumo-media-library:${secret}`).update(body).digest('base64url');
}
