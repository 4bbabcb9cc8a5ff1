import type { Asset } from '../../catalog/asset.js';
import { BlobNotFoundError } from '../../storage/blob-storage.js';

/** Statuses a delivery request can end with besides 200/206/304. */
export type DeliveryErrorStatus = 400 | 401 | 403 | 404 | 416 | 501 | 503;

/**
 * A delivery request the service refuses. The route sends the message in `X-Kumo-Error` and
 * `X-Cld-Error` (which Cloudinary's tools read) and in a JSON body.
 */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    readonly status: DeliveryErrorStatus,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * Runs a rendering of `asset`; its original missing from storage (deleted by hand, lost by a
 * bucket) becomes a 404 that says so, rather than a render failure.
 */
export async function fromStoredOriginal<T>(
  asset: Pick<Asset, 'publicId' | 'storageKey'>,
  render: () => Promise<T>,
): Promise<T> {
  try {
    return await render();
  } catch (error) {
    if (error instanceof BlobNotFoundError && error.key === asset.storageKey)
      throw missingOriginal(asset.publicId);
    throw error;
  }
}

/** The 404 for an asset whose original file is gone from storage. */
export function missingOriginal(publicId: string): DeliveryError {
  return new DeliveryError(404, `The original file of ${publicId} is missing from storage`);
}
