import type { Asset } from '../catalog/asset.js';
import { badRequest } from './service-error.js';

/** Moderation of one asset as stored in its media details. */
export interface Moderation {
  readonly kind: string;
  readonly status: string;
}

export const MODERATION_STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * The `moderation` upload parameter. Only `manual` exists offline: the other kinds are paid add-ons
 * (WebPurify, Amazon Rekognition, …) that need a remote service, so they are refused rather than
 * silently approved.
 */
export function parseModeration(value: string | undefined): Moderation | undefined {
  if (value === undefined) return undefined;
  if (value !== 'manual') {
    throw badRequest(
      `Moderation kind ${value} is not available: Kumo has manual moderation only (moderation=manual)`,
    );
  }
  return { kind: 'manual', status: 'pending' };
}

export function moderationStatus(value: string): (typeof MODERATION_STATUSES)[number] {
  const status = MODERATION_STATUSES.find((item) => item === value);
  if (!status) throw badRequest(`Invalid moderation_status ${value}: expected approved, rejected or pending`);
  return status;
}

export function moderationOf(asset: Asset): Moderation | undefined {
  const value = asset.media.moderation as Partial<Moderation> | undefined;
  return typeof value?.kind === 'string' && typeof value.status === 'string'
    ? { kind: value.kind, status: value.status }
    : undefined;
}

/** The response fields Cloudinary adds for a moderated asset; none for others. */
export function moderationFields(asset: Asset): Record<string, unknown> {
  const moderation = moderationOf(asset);
  if (!moderation) return {};
  return {
    moderation_kind: moderation.kind,
    moderation_status: moderation.status,
    moderation: [{ kind: moderation.kind, status: moderation.status }],
  };
}
