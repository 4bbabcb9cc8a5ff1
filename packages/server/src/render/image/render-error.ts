/**
 * The one error the image renderer throws. `status` is the HTTP status the delivery route should answer
 * with: 400 for a transformation that cannot be rendered (invalid, unsupported or over a limit), 404 for
 * a layer asset that does not exist.
 */
export class RenderError extends Error {
  override readonly name = 'RenderError';
  readonly status: 400 | 404;

  constructor(message: string, status: 400 | 404 = 400, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/** Shorthand for the common 400 case. */
export function invalid(message: string): never {
  throw new RenderError(message, 400);
}
