/**
 * Resizing, cropping, padding and rotating video frames. The crop-mode arithmetic is the image
 * renderer's (`../image/crop-geometry.ts`), so `c_fill,w_400,h_300` means the same for a video as for
 * an image; this module turns its plans into ffmpeg filters with even sizes (4:2:0 video needs them).
 */
import { type Component, CROP_MODES, type CropMode, type Scalar } from '@kumo/core';
import { parseColor } from '../image/colors.js';
import { type GeometryPlan, placementFor, placeRegion, planGeometry } from '../image/crop-geometry.js';
import { RenderError } from '../image/render-error.js';
import { unsupported, VideoRenderError } from './video-errors.js';
import { readNumber } from './video-values.js';

/** Size of the frames at some point of the filter chain. */
export interface FrameSize {
  readonly width: number;
  readonly height: number;
}

/** Filters for one component and the frame size after them. */
export interface GeometryStep {
  readonly filters: readonly string[];
  readonly size: FrameSize;
}

/** Rounds down to an even number, at least 2. */
export function even(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}

/** `w_400` is pixels; a literal with a decimal point (`w_0.5`, `w_1.0`) is a fraction of `reference`. */
function readSize(
  value: Scalar | undefined,
  reference: number,
  dpr: number,
  label: string,
): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (text.startsWith('auto'))
    unsupported(`Invalid ${label} in transformation: ${text} (w_auto is for images)`);
  const number = readNumber(value, label);
  if (!(number > 0)) unsupported(`Invalid ${label} in transformation: ${text}`);
  const pixels = text.includes('.') ? number * reference : number * dpr;
  return Math.max(1, Math.round(pixels));
}

function readAspectRatio(value: Scalar | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const ratio = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(text);
  const result = ratio ? Number(ratio[1]) / Number(ratio[2]) : readNumber(value, 'aspect ratio');
  if (!(result > 0 && Number.isFinite(result)))
    unsupported(`Invalid aspect ratio in transformation: ${text}`);
  return result;
}

function readDpr(value: Scalar | undefined): number {
  if (value === undefined || value === 'auto') return 1;
  const dpr = readNumber(value, 'dpr');
  if (!(dpr > 0 && dpr <= 5)) unsupported(`Invalid dpr in transformation: ${String(value)}`);
  return dpr;
}

/** Every crop mode but the imagga add-on ones, which need a remote service. */
const VIDEO_CROP_MODES: ReadonlySet<CropMode> = new Set(
  CROP_MODES.filter((mode) => !mode.startsWith('imagga_')),
);

function padColor(background: string | undefined): string {
  if (background === undefined) return '0x000000';
  if (background === 'blurred' || background.startsWith('blurred:') || background.startsWith('gen_fill')) {
    unsupported(`Unsupported background for video: b_${background}`);
  }
  const color = parseColor(background, 'background colour');
  const hex = (n: number): string => n.toString(16).padStart(2, '0');
  return `0x${hex(color.r)}${hex(color.g)}${hex(color.b)}`;
}

function planFilters(plan: GeometryPlan, size: FrameSize, component: Component): GeometryStep {
  const hasOffsets = component.x !== undefined || component.y !== undefined;
  const x = component.x === undefined ? 0 : readNumber(component.x, 'x');
  const y = component.y === undefined ? 0 : readNumber(component.y, 'y');
  // No saliency detector runs on video frames: smart gravities (auto, faces) keep the centre.
  const placement = placementFor(component.gravity, component.crop, hasOffsets);
  switch (plan.kind) {
    case 'none':
      return { filters: [], size };
    case 'resize': {
      const width = even(plan.width);
      const height = even(plan.height);
      return { filters: [`scale=${width}:${height}`], size: { width, height } };
    }
    case 'crop': {
      const width = even(plan.width);
      const height = even(plan.height);
      const region = { width: even(plan.regionWidth), height: even(plan.regionHeight) };
      const fx = Math.min(region.width, size.width);
      const fy = Math.min(region.height, size.height);
      const { left, top } = placeRegion(size.width, size.height, fx, fy, placement, x, y);
      const filters = [`crop=${fx}:${fy}:${left}:${top}`];
      if (fx !== width || fy !== height) filters.push(`scale=${width}:${height}`);
      return { filters, size: { width, height } };
    }
    case 'pad': {
      const width = even(plan.width);
      const height = even(plan.height);
      const scaledWidth = Math.min(width, even(plan.scaledWidth));
      const scaledHeight = Math.min(height, even(plan.scaledHeight));
      const { left, top } = placeRegion(width, height, scaledWidth, scaledHeight, placement, x, y);
      const color = padColor(component.background);
      return {
        filters: [
          `scale=${scaledWidth}:${scaledHeight}`,
          `pad=${width}:${height}:${left}:${top}:color=${color}`,
        ],
        size: { width, height },
      };
    }
  }
}

/** The resize/crop/pad of one component (`c`, `w`, `h`, `ar`, `g`, `x`, `y`, `dpr`, `b`). */
export function geometryStep(component: Component, size: FrameSize): GeometryStep {
  const mode = component.crop ?? 'scale';
  if (!VIDEO_CROP_MODES.has(mode)) unsupported(`Unsupported crop mode for video: c_${mode}`);
  if (component.zoom !== undefined) unsupported('Unsupported parameter for video: z (zoom)');
  const dpr = readDpr(component.dpr);
  const width = readSize(component.width, size.width, dpr, 'width');
  const height = readSize(component.height, size.height, dpr, 'height');
  const aspectRatio = readAspectRatio(component.aspectRatio);
  try {
    const plan = planGeometry(size.width, size.height, {
      mode,
      ...(width !== undefined && { width }),
      ...(height !== undefined && { height }),
      ...(aspectRatio !== undefined && { aspectRatio }),
    });
    return planFilters(plan, size, component);
  } catch (error) {
    if (error instanceof RenderError) throw new VideoRenderError(error.message, 400, { cause: error });
    throw error;
  }
}

/** `a_90`, `a_-90`, `a_180`, `a_hflip`, `a_vflip` (several joined with `.`); `a_exif` is what ffmpeg does anyway. */
export function angleStep(angle: Scalar | readonly Scalar[] | undefined, size: FrameSize): GeometryStep {
  if (angle === undefined) return { filters: [], size };
  const filters: string[] = [];
  let current = size;
  for (const value of Array.isArray(angle) ? angle : [angle as Scalar]) {
    const text = String(value);
    if (text === 'hflip' || text === 'vflip') filters.push(text);
    else if (text === 'exif') continue;
    else if (/^-?\d+$/.test(text) && Number(text) % 90 === 0) {
      const turns = (((Number(text) / 90) % 4) + 4) % 4;
      if (turns === 1) filters.push('transpose=clock');
      if (turns === 2) filters.push('hflip', 'vflip');
      if (turns === 3) filters.push('transpose=cclock');
      if (turns % 2 === 1) current = { width: current.height, height: current.width };
    } else {
      unsupported(`Unsupported angle for video: a_${text} (multiples of 90, hflip, vflip)`);
    }
  }
  return { filters, size: current };
}
