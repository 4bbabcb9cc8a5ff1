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
