/**
 * Crop-rectangle arithmetic in the source image's pixels, apart from any view: the crop step and
 * its keyboard controls use it directly, and the cropper library's selection is kept in step with it.
 */
import type { CropRect } from '../engine/upload-queue.types.js';

/** An image's natural size. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const round = (rect: CropRect): CropRect => ({
  x: Math.round(rect.x),
  y: Math.round(rect.y),
  width: Math.max(1, Math.round(rect.width)),
  height: Math.max(1, Math.round(rect.height)),
});

/** The rectangle moved and shrunk as little as needed to lie inside the image. */
export function clampRect(rect: CropRect, size: ImageSize): CropRect {
  const width = Math.min(Math.max(1, rect.width), size.width);
  const height = Math.min(Math.max(1, rect.height), size.height);
  const x = Math.min(Math.max(0, rect.x), size.width - width);
  const y = Math.min(Math.max(0, rect.y), size.height - height);
  return round({ x, y, width, height });
}

/** The largest rectangle of `ratio` (width / height) that fits in `width` × `height`. */
function fitToRatio(
  width: number,
  height: number,
  ratio: number | undefined,
): { width: number; height: number } {
  if (!ratio) return { width, height };
  return width / height > ratio ? { width: height * ratio, height } : { width, height: width / ratio };
}

/**
 * The rectangle a crop starts with: `coverage` (0–1) of the image's sides, of `ratio` when given,
 * centred.
 */
export function initialRect(size: ImageSize, ratio: number | undefined, coverage = 0.8): CropRect {
  const box = fitToRatio(size.width * coverage, size.height * coverage, ratio);
  return clampRect(
    {
      x: (size.width - box.width) / 2,
      y: (size.height - box.height) / 2,
      width: box.width,
      height: box.height,
    },
    size,
  );
}

/** The rectangle reshaped to `ratio` around its centre, as large as its current area allows. */
export function withAspectRatio(rect: CropRect, size: ImageSize, ratio: number | undefined): CropRect {
  if (!ratio) return clampRect(rect, size);
  const area = rect.width * rect.height;
  let width = Math.sqrt(area * ratio);
  let height = width / ratio;
  ({ width, height } = fitToRatio(Math.min(width, size.width), Math.min(height, size.height), ratio));
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return clampRect({ x: cx - width / 2, y: cy - height / 2, width, height }, size);
}

/** The rectangle moved by `dx`, `dy` pixels, stopping at the image's edges. */
export function moveRect(rect: CropRect, size: ImageSize, dx: number, dy: number): CropRect {
  return clampRect({ ...rect, x: rect.x + dx, y: rect.y + dy }, size);
}

/**
 * The rectangle scaled by `factor` around its centre, keeping `ratio` when given, never past the
 * image nor under `minimum` pixels on its shorter side.
 */
export function scaleRect(
  rect: CropRect,
  size: ImageSize,
  factor: number,
  ratio: number | undefined,
  minimum = 16,
): CropRect {
  const currentRatio = ratio ?? rect.width / rect.height;
  let { width, height } = fitToRatio(rect.width * factor, rect.height * factor, currentRatio);
  ({ width, height } = fitToRatio(Math.min(width, size.width), Math.min(height, size.height), currentRatio));
  const shorter = Math.min(width, height);
  if (shorter < minimum) {
    const grow = minimum / shorter;
    width *= grow;
    height *= grow;
  }
  const cx = rect.x + rect.width / 2;
  const cy = rect.y + rect.height / 2;
  return clampRect({ x: cx - width / 2, y: cy - height / 2, width, height }, size);
}

/** The rectangle as percentages of the image, for positioning an overlay. */
export function rectPercentages(
  rect: CropRect,
  size: ImageSize,
): Record<'left' | 'top' | 'width' | 'height', string> {
  const percent = (value: number, of: number) => `${(value / of) * 100}%`;
  return {
    left: percent(rect.x, size.width),
    top: percent(rect.y, size.height),
    width: percent(rect.width, size.width),
    height: percent(rect.height, size.height),
  };
}

/** A ratio as people write it: `1:1`, `16:9`, `4:3`, or the decimal when no small fraction matches. */
export function ratioLabel(ratio: number): string {
  for (let denominator = 1; denominator <= 20; denominator += 1) {
    const numerator = ratio * denominator;
    if (Math.abs(numerator - Math.round(numerator)) < 0.01) return `${Math.round(numerator)}:${denominator}`;
  }
  return String(Math.round(ratio * 100) / 100);
}
