import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Asset, ResourceType } from '../catalog/asset.js';
import type { Credentials } from './credentials.js';
import { badRequest } from './service-error.js';

/** How long a delete token works after the upload that returned it (Cloudinary: 10 minutes). */
export const DELETE_TOKEN_TTL_MS = 10 * 60_000;

/** The one asset version a valid token may delete. */
export interface DeleteTarget {
  readonly cloud: string;
  readonly resourceType: ResourceType;
  readonly type: string;
  readonly publicId: string;
  readonly assetId: string;
  readonly versionId: string;
}

const VERSION = 'k1';
const RESOURCE_TYPES: readonly string[] = ['image', 'video', 'raw'];

/**
 * Issues and checks `delete_token`s without storing them: a token is the asset's identity, its
 * version id and an expiry, MACed with a key derived from the cloud's primary API secret. The
 * version id is new on every upload, so a token stops matching once its asset is deleted,
 * overwritten or renamed: replaying it after a delete (or after a later upload to the same public id)
 * deletes nothing. Rotating the primary secret voids tokens still outstanding.
 */
export class DeleteTokens {
  constructor(
    private readonly credentials: Credentials,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = DELETE_TOKEN_TTL_MS,
  ) {}

  issue(asset: Asset): string {
    const payload = Buffer.from(
      JSON.stringify([
        asset.cloud,
        asset.resourceType,
        asset.type,
        asset.publicId,
        asset.assetId,
        asset.versionId,
        Math.floor((this.now() + this.ttlMs) / 1000),
      ]),
    ).toString('base64url');
    return `${VERSION}.${payload}.${this.mac(asset.cloud, payload).toString('base64url')}`;
  }

  /** The asset version `token` allows deleting in `cloud`; a 400 for anything forged, foreign or late. */
  verify(cloud: string, token: string | undefined): DeleteTarget {
    if (!token) throw badRequest('Missing required parameter - token');
    const [version, payload, mac, ...rest] = token.split('.');
    if (version !== VERSION || !payload || !mac || rest.length) throw badRequest('Invalid token');
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(cloud, payload);
    // The MAC key belongs to the route's cloud, so a token from another cloud fails here too.
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw badRequest('Invalid token');
    const fields = parsePayload(payload);
    if (!fields || fields[0] !== cloud) throw badRequest('Invalid token');
    const [, resourceType, type, publicId, assetId, versionId, expiresAt] = fields;
    if (this.now() >= expiresAt * 1000) throw badRequest('Token expired');
    return { cloud, resourceType: resourceType as ResourceType, type, publicId, assetId, versionId };
  }

  private mac(cloud: string, payload: string): Buffer {
    // A key of its own, so that a token can never double as an upload or response signature.
    const key = createHmac('sha256', this.credentials.primaryKey(cloud).secret)
      .update('kumo delete_by_token')
      .digest();
    return createHmac('sha256', key).update(payload).digest();
  }
}

type Payload = [string, string, string, string, string, string, number];

function parsePayload(payload: string): Payload | undefined {
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(fields) || fields.length !== 7) return undefined;
  const strings = fields.slice(0, 6).every((field) => typeof field === 'string');
  if (!strings || !Number.isSafeInteger(fields[6]) || !RESOURCE_TYPES.includes(fields[1])) return undefined;
  return fields as Payload;
}
