import { appendTransformation } from '../url/append-transformation.js';
import { buildUrl } from '../url/build.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import type { VideoUrlOptions } from './video-options.js';

/** Which frame: seconds (`2.5`), a percentage of the duration (`'35p'`) or `'auto'` (best frame). */
export type FrameOffset = number | 'auto' | `${number}p` | `${number}`;

/** Options of `posterUrl`. */
export interface PosterOptions extends VideoUrlOptions {
  /** Frame to show (`so_…`); without it the server picks its default frame. */
  offset?: FrameOffset;
  /** Image format of the poster; default `jpg`. */
  format?: string;
}

const OFFSET = /^(\d+(\.\d+)?p?|auto)$/;

/** Validates a frame offset and writes it as the `so_` value. */
export function frameOffset(offset: FrameOffset): string {
  const text = typeof offset === 'number' && Number.isFinite(offset) && offset >= 0 ? String(offset) : offset;
  if (typeof text !== 'string' || !OFFSET.test(text)) {
    throw new DeliveryUrlError(
      'invalid_option',
      `A frame offset must be seconds (>= 0), a percentage like "35p" or "auto", got ${JSON.stringify(offset)}`,
    );
  }
  return text;
}

/**
 * A still image of a video, e.g. `…/video/upload/so_auto/dog.jpg`: the frame is picked first
 * (`so_<offset>` component), then the video's own transformation applies to it.
 */
export function posterUrl(publicId: string, options: PosterOptions): string {
  if (options == null || typeof options !== 'object')
    throw new DeliveryUrlError('invalid_option', 'posterUrl options must be an object');
  const { offset, format = 'jpg', transformation, ...urlOptions } = options;
  const frame = offset === undefined ? undefined : { startOffset: frameOffset(offset) };
  return buildUrl(publicId, {
    ...urlOptions,
    resourceType: 'video',
    format,
    transformation: appendTransformation(frame, transformation ?? ''),
  });
}
