/** What went wrong while building or parsing a delivery URL. */
export type DeliveryUrlErrorCode =
  | 'missing_cloud_name'
  | 'invalid_option'
  | 'invalid_public_id'
  | 'unsupported_url_suffix'
  | 'unsupported_root_path'
  | 'malformed_url';

/** Thrown for a delivery URL that cannot be built from the given options or parsed from the given string. */
export class DeliveryUrlError extends Error {
  override readonly name = 'DeliveryUrlError';
  /** Machine-readable reason. */
  readonly code: DeliveryUrlErrorCode;

  constructor(code: DeliveryUrlErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
