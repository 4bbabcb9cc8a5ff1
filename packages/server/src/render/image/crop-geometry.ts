/**
 * The arithmetic of crop and resize modes (`c_…`), free of any image library: given the current size and
 * the requested box it says what to extract, what to resize to and how to pad. The rules are written
 * down in README.md; the tests check them against an independent statement of the same rules.
 */
import { COMPASS_GRAVITIES, type CropMode } from '@kumo/core';
import { invalid } from './render-error.js';

export const COMPASS = COMPASS_GRAVITIES;
export type Compass = (typeof COMPASS_GRAVITIES)[number];

/** Where a region (or a padded image) goes. */
export type Placement =
  | { readonly kind: 'compass'; readonly gravity: Compass }
  | { readonly kind: 'xy_center' }
  /** Saliency (`g_auto`, and `g_face` for want of a face detector). */
  | { readonly kind: 'smart'; readonly strategy: 'attention' | 'entropy' };

export interface GeometryRequest {
  readonly mode: CropMode;
  readonly width?: number;
  readonly height?: number;
  readonly aspectRatio?: number;
  readonly zoom?: number;
}

export type GeometryPlan =
  | { readonly kind: 'none' }
  /** Resize the whole image to exactly this size. */
  | { readonly kind: 'resize'; readonly width: number; readonly height: number }
  /** Take a region of the input (placed by gravity later), then resize it to `width`×`height`. */
  | {
      readonly kind: 'crop';
      readonly regionWidth: number;
      readonly regionHeight: number;
      readonly width: number;
      readonly height: number;
    }
  /** Resize to `scaledWidth`×`scaledHeight`, then pad to `width`×`height` (image placed by gravity later). */
  | {
      readonly kind: 'pad';
      readonly scaledWidth: number;
      readonly scaledHeight: number;
      readonly width: number;
      readonly height: number;
    };

const px = (value: number): number => Math.max(1, Math.round(value));

/** Modes that cut the image to the box, and modes that pad it (they read a lone `ar_` differently). */
const CUTTING: ReadonlySet<CropMode> = new Set([
  'fill',
  'lfill',
  'fill_pad',
  'crop',
  'thumb',
  'auto',
  'auto_pad',
]);
const PADDING: ReadonlySet<CropMode> = new Set(['pad', 'lpad', 'mpad', 'fit', 'limit', 'mfit']);

/** Width and height of the requested box once `ar_` has filled in what is missing. */
export function resolveBox(
  mode: CropMode,
  inWidth: number,
  inHeight: number,
  width: number | undefined,
  height: number | undefined,
  aspectRatio: number | undefined,
): { width?: number; height?: number } {
  if (aspectRatio === undefined || (width !== undefined && height !== undefined)) return { width, height };
  if (!(aspectRatio > 0)) return invalid(`Invalid aspect ratio in transformation: ${aspectRatio}`);
  if (width !== undefined) return { width, height: px(width / aspectRatio) };
  if (height !== undefined) return { width: px(height * aspectRatio), height };
  const wider = inWidth / inHeight > aspectRatio;
  if (CUTTING.has(mode)) {
    // The largest box of that ratio inside the image.
    return wider
      ? { width: px(inHeight * aspectRatio), height: inHeight }
      : { width: inWidth, height: px(inWidth / aspectRatio) };
  }
  if (PADDING.has(mode)) {
    // The smallest box of that ratio around the image.
    return wider
      ? { width: inWidth, height: px(inWidth / aspectRatio) }
      : { width: px(inHeight * aspectRatio), height: inHeight };
  }
  return { width: inWidth, height: px(inWidth / aspectRatio) };
}

function scaleTo(inWidth: number, inHeight: number, factor: number): GeometryPlan {
  const width = px(inWidth * factor);
  const height = px(inHeight * factor);
  return width === inWidth && height === inHeight ? { kind: 'none' } : { kind: 'resize', width, height };
}

/** One dimension given: the other follows the image's aspect ratio. */
function proportional(inWidth: number, inHeight: number, width?: number, height?: number): GeometryPlan {
  if (width !== undefined) return scaleTo(inWidth, inHeight, width / inWidth);
  return scaleTo(inWidth, inHeight, (height as number) / inHeight);
}

function fill(inWidth: number, inHeight: number, width: number, height: number, zoom: number): GeometryPlan {
  const factor = Math.max(width / inWidth, height / inHeight) * Math.max(zoom, 1);
  return {
    kind: 'crop',
    regionWidth: Math.min(inWidth, px(width / factor)),
    regionHeight: Math.min(inHeight, px(height / factor)),
    width,
    height,
  };
}

function pad(inWidth: number, inHeight: number, width: number, height: number, factor: number): GeometryPlan {
  const scaledWidth = Math.min(width, px(inWidth * factor));
  const scaledHeight = Math.min(height, px(inHeight * factor));
  return { kind: 'pad', scaledWidth, scaledHeight, width, height };
}

/** The share of the image a fill would keep along the dimension it cuts (1 = nothing cut). */
export function fillKeepRatio(inWidth: number, inHeight: number, width: number, height: number): number {
  const imageRatio = inWidth / inHeight;
  const boxRatio = width / height;
  return Math.min(imageRatio / boxRatio, boxRatio / imageRatio);
}

/** Below this share kept, `c_fill_pad`/`c_auto_pad` pad instead of cutting. */
export const FILL_PAD_MIN_KEEP = 0.75;

/** What a crop mode does to an `inWidth`×`inHeight` image. */
export function planGeometry(inWidth: number, inHeight: number, request: GeometryRequest): GeometryPlan {
  const { mode } = request;
  const zoom = request.zoom ?? 1;
  if (!(zoom > 0)) return invalid(`Invalid zoom in transformation: ${zoom}`);
  const box = resolveBox(mode, inWidth, inHeight, request.width, request.height, request.aspectRatio);
  const { width, height } = box;
  if (width === undefined && height === undefined) return { kind: 'none' };
  const both = width !== undefined && height !== undefined;
  const fitFactor = both
    ? Math.min(width / inWidth, height / inHeight)
    : width !== undefined
      ? width / inWidth
      : (height as number) / inHeight;
  switch (mode) {
    case 'scale':
      return both ? { kind: 'resize', width, height } : proportional(inWidth, inHeight, width, height);
    case 'fit':
      return scaleTo(inWidth, inHeight, fitFactor);
    case 'limit':
      return scaleTo(inWidth, inHeight, Math.min(fitFactor, 1));
    case 'mfit':
      return scaleTo(inWidth, inHeight, Math.max(fitFactor, 1));
    case 'fill':
    case 'thumb':
    case 'auto':
      return both
        ? fill(inWidth, inHeight, width, height, zoom)
        : proportional(inWidth, inHeight, width, height);
    case 'lfill': {
      if (!both) return scaleTo(inWidth, inHeight, Math.min(fitFactor, 1));
      if (Math.max(width / inWidth, height / inHeight) <= 1)
        return fill(inWidth, inHeight, width, height, zoom);
      // Never enlarges: cut the unscaled image to the part of the box it can cover.
      const outWidth = Math.min(width, inWidth);
      const outHeight = Math.min(height, inHeight);
      return {
        kind: 'crop',
        regionWidth: outWidth,
        regionHeight: outHeight,
        width: outWidth,
        height: outHeight,
      };
    }
    case 'fill_pad':
    case 'auto_pad':
      if (!both) return proportional(inWidth, inHeight, width, height);
      return fillKeepRatio(inWidth, inHeight, width, height) >= FILL_PAD_MIN_KEEP
        ? fill(inWidth, inHeight, width, height, zoom)
        : pad(inWidth, inHeight, width, height, fitFactor);
    case 'pad':
      return both ? pad(inWidth, inHeight, width, height, fitFactor) : scaleTo(inWidth, inHeight, fitFactor);
    case 'lpad':
      return both
        ? pad(inWidth, inHeight, width, height, Math.min(fitFactor, 1))
        : scaleTo(inWidth, inHeight, Math.min(fitFactor, 1));
    case 'mpad': {
      if (fitFactor < 1) return { kind: 'none' };
      return both ? pad(inWidth, inHeight, width, height, fitFactor) : scaleTo(inWidth, inHeight, fitFactor);
    }
    case 'crop': {
      const outWidth = Math.min(width ?? inWidth, inWidth);
      const outHeight = Math.min(height ?? inHeight, inHeight);
      let regionWidth = outWidth / zoom;
      let regionHeight = outHeight / zoom;
      const shrink = Math.min(1, inWidth / regionWidth, inHeight / regionHeight);
      regionWidth = Math.min(inWidth, px(regionWidth * shrink));
      regionHeight = Math.min(inHeight, px(regionHeight * shrink));
      return { kind: 'crop', regionWidth, regionHeight, width: outWidth, height: outHeight };
    }
    default:
      return invalid(`Unsupported crop mode for this input: ${mode}`);
  }
}

/** Where the compass point sits along one axis: 0 = start, 0.5 = middle, 1 = end. */
export function compassFactors(gravity: Compass): { readonly fx: number; readonly fy: number } {
  const fx = gravity.endsWith('west') ? 0 : gravity.endsWith('east') ? 1 : 0.5;
  const fy = gravity.startsWith('north') ? 0 : gravity.startsWith('south') ? 1 : 0.5;
  return { fx, fy };
}

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

/**
 * Top-left corner of a `regionWidth`×`regionHeight` region inside a `width`×`height` area. Offsets move
 * away from the gravity's edge (towards the inside); `xy_center` centres the region on (x, y); a focal
 * point (from saliency) centres it there. The region is kept inside the area.
 */
export function placeRegion(
  width: number,
  height: number,
  regionWidth: number,
  regionHeight: number,
  placement: Placement,
  x = 0,
  y = 0,
  focal?: { readonly x: number; readonly y: number },
): { left: number; top: number } {
  let left: number;
  let top: number;
  if (placement.kind === 'xy_center') {
    left = x - regionWidth / 2;
    top = y - regionHeight / 2;
  } else if (placement.kind === 'smart') {
    const point = focal ?? { x: width / 2, y: height / 2 };
    left = point.x - regionWidth / 2;
    top = point.y - regionHeight / 2;
  } else {
    const { fx, fy } = compassFactors(placement.gravity);
    left = (width - regionWidth) * fx + (fx === 1 ? -x : x);
    top = (height - regionHeight) * fy + (fy === 1 ? -y : y);
  }
  return {
    left: Math.round(clamp(left, 0, width - regionWidth)),
    top: Math.round(clamp(top, 0, height - regionHeight)),
  };
}

/** The placement a gravity asks for; without one, crop modes have their own default. */
export function placementFor(
  gravity: string | undefined,
  mode: CropMode | undefined,
  hasOffsets: boolean,
): Placement {
  if (gravity === undefined) {
    if (mode === 'auto' || mode === 'auto_pad') return { kind: 'smart', strategy: 'attention' };
    return { kind: 'compass', gravity: mode === 'crop' && hasOffsets ? 'north_west' : 'center' };
  }
  if ((COMPASS as readonly string[]).includes(gravity))
    return { kind: 'compass', gravity: gravity as Compass };
  if (gravity === 'xy_center') return { kind: 'xy_center' };
  if (gravity === 'liquid')
    return invalid('Unsupported gravity: liquid (content-aware resizing is not available)');
  // auto, auto:<focus>, face(s), body, custom, ocr_text, object names: saliency (no detectors offline).
  return { kind: 'smart', strategy: /entropy|classic/.test(gravity) ? 'entropy' : 'attention' };
}
