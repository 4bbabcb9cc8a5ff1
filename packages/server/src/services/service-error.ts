/** HTTP statuses the Cloudinary SDKs parse as JSON errors (besides 500). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 420 | 429;

/**
 * A request the service refuses, with the status and the message Cloudinary would give. Routes turn
 * it into `{"error":{"message":…}}`; anything else that escapes a service is a bug and becomes a 500.
 */
export class ServiceError extends Error {
  override name = 'ServiceError';
  constructor(
    readonly status: ErrorStatus,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new ServiceError(400, message);
export const notFound = (message: string) => new ServiceError(404, message);
