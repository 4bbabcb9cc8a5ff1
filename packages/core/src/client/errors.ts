/** Where a failed chunked upload can be resumed: pass these as `uniqueUploadId` and `startOffset`. */
export interface ResumePoint {
  uploadId: string;
  /** First byte not yet acknowledged by the server. */
  offset: number;
}

/**
 * An Upload/Admin API call that failed: `status` is the HTTP status (0 when no response arrived) and
 * `message` the server's `error.message`.
 */
export class KumoApiError extends Error {
  override name = 'KumoApiError';
  /** HTTP status, or 0 for a network failure. */
  readonly status: number;
  /** Parsed error body when the server sent JSON. */
  readonly body: unknown;
  /** Set when a chunked upload stopped part-way. */
  resume?: ResumePoint;

  constructor(status: number, message: string, options: { body?: unknown; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = status;
    this.body = options.body;
  }
}

/** Misuse of the client detected before any request is sent (missing credentials, invalid arguments). */
export class KumoClientError extends Error {
  override name = 'KumoClientError';
}
