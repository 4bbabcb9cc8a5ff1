/**
 * The errors of the video pipeline. `status` is the HTTP status the delivery route should answer with.
 */

/**
 * A video that cannot be rendered as asked: 400 for an invalid or unsupported transformation, an input
 * that is not a readable video, or a limit exceeded; 404 when the input file does not exist; 503 when
 * ffmpeg ran past its time limit (the work may succeed later, under less load).
 */
export class VideoRenderError extends Error {
  override readonly name = 'VideoRenderError';
  readonly status: 400 | 404 | 503;

  constructor(message: string, status: 400 | 404 | 503 = 400, options?: { cause?: unknown }) {
    super(message, options);
    this.status = status;
  }
}

/**
 * ffmpeg or ffprobe is not installed (or `KUMO_FFMPEG_PATH`/`KUMO_FFPROBE_PATH` points nowhere). The
 * status is 501, not 503: retrying will not help until an operator installs ffmpeg, and 503 stays
 * reserved for the route's render queue being full, which does clear up.
 */
export class VideoUnavailableError extends Error {
  override readonly name = 'VideoUnavailableError';
  readonly status = 501;
}

/** Shorthand for the common 400 case. */
export function unsupported(message: string): never {
  throw new VideoRenderError(message, 400);
}
