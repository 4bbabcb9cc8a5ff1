import type { Transformation } from '../transformation/index.js';
import { appendTransformation } from '../url/append-transformation.js';
import { buildUrl, type DeliveryUrlOptions } from '../url/build.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';

/** Low-quality placeholder styles, named as Cloudinary's front-end placeholder plugin names them. */
export const PLACEHOLDER_MODES = ['blur', 'pixelate', 'predominant-color'] as const;
/** A placeholder style. */
export type PlaceholderMode = (typeof PLACEHOLDER_MODES)[number];

// Each placeholder keeps the image's dimensions (so layout does not shift) while costing a few
// hundred bytes: quality 1 and an automatic format. Built on each call so callers own the result.
const PLACEHOLDERS: Record<PlaceholderMode, () => Transformation> = {
  blur: () => [{ effect: { name: 'blur', args: [2000] }, quality: 1, format: 'auto' }],
  pixelate: () => [{ effect: { name: 'pixelate' }, quality: 1, format: 'auto' }],
  // Pad to a square with the predominant border colour, keep one padded corner pixel, stretch it
  // back to the original size.
  'predominant-color': () => [
    { aspectRatio: 1, background: 'auto', crop: 'pad', width: 'iw_div_2' },
    { crop: 'crop', gravity: 'north_east', height: 1, width: 1 },
    { crop: 'fill', height: 'ih', width: 'iw' },
    { format: 'auto', quality: 1 },
  ],
};

/** The transformation chained after an image's own to turn it into a placeholder. */
export function placeholderTransformation(mode: PlaceholderMode = 'blur'): Transformation {
  const chain = Object.hasOwn(PLACEHOLDERS, mode) ? PLACEHOLDERS[mode] : undefined;
  if (!chain)
    throw new DeliveryUrlError(
      'invalid_option',
      `Unknown placeholder mode ${JSON.stringify(mode)}; use ${PLACEHOLDER_MODES.join(', ')}`,
    );
  return chain();
}

/** Options of `placeholderUrl`: the image's URL options plus the placeholder style. */
export interface PlaceholderOptions extends DeliveryUrlOptions {
  /** `blur` (default), `pixelate` or `predominant-color`. */
  mode?: PlaceholderMode;
}

/** URL of a tiny stand-in for an image (e.g. `…/c_fill,w_400/e_blur:2000,f_auto,q_1/sample`). */
export function placeholderUrl(publicId: string, options: PlaceholderOptions): string {
  if (options == null || typeof options !== 'object') {
    throw new DeliveryUrlError('invalid_option', 'placeholderUrl options must be an object');
  }
  const { mode, transformation, ...urlOptions } = options;
  return buildUrl(publicId, {
    ...urlOptions,
    transformation: appendTransformation(transformation, placeholderTransformation(mode)),
  });
}
