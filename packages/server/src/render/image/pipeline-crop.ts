/**
 * Crop plans run as resize-then-cut inside one sharp pipeline, where that gives the picture of the
 * stepwise cut-then-resize: the decoder can then work at a reduced size (JPEG and WebP shrink-on-load)
 * instead of decoding the whole original, and saliency gravities are found by sharp on the resized
 * image instead of in a separate pass over the full-size pixels.
 */
import type { Canvas } from './canvas.js';
import { type GeometryPlan, type Placement, placeRegion } from './crop-geometry.js';

type CropPlan = Extract<GeometryPlan, { kind: 'crop' }>;

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

/**
 * Whether the plan cuts what `fit: 'cover'` keeps: the largest region of the output's shape, so one
 * side is whole (the fill modes without zoom, and any cut that spans the image in one direction).
 */
export function isCoverCut(width: number, height: number, plan: CropPlan): boolean {
  const factor = Math.max(plan.width / width, plan.height / height);
  const cover = (size: number, whole: number) => Math.min(whole, Math.max(1, Math.round(size / factor)));
  return plan.regionWidth === cover(plan.width, width) && plan.regionHeight === cover(plan.height, height);
}

/**
 * Runs a crop plan inside the canvas's pipeline when it can; `false` leaves it to the stepwise cut.
 * Only reductions qualify: enlarging the whole image before cutting would handle more pixels than the
 * cut. The attention gravity qualifies when the cut is a cover cut (sharp's strategy chooses a window
 * of a cover resize); compass and `xy_center` placements when the decoder can make use of the early
 * resize.
 */
export async function cropInPipeline(
  canvas: Canvas,
  plan: CropPlan,
  placement: Placement,
  x: number | undefined,
  y: number | undefined,
): Promise<boolean> {
  if (!canvas.fuses || plan.width > plan.regionWidth || plan.height > plan.regionHeight) return false;
  if (placement.kind === 'smart') {
    // The entropy strategy trims edges at the resolution it is given, so only attention (whose result
    // is a point on a coarse grid of the whole image) finds the same window at the output scale.
    if (placement.strategy !== 'attention' || !isCoverCut(canvas.width, canvas.height, plan)) return false;
    await canvas.coverCrop(plan.width, plan.height, 'attention');
    return true;
  }
  if (!canvas.decodesReduced) return false;
  const at = placeRegion(canvas.width, canvas.height, plan.regionWidth, plan.regionHeight, placement, x, y);
  const scaleX = plan.width / plan.regionWidth;
  const scaleY = plan.height / plan.regionHeight;
  const scaledWidth = Math.max(plan.width, Math.round(canvas.width * scaleX));
  const scaledHeight = Math.max(plan.height, Math.round(canvas.height * scaleY));
  await canvas.resize(scaledWidth, scaledHeight);
  await canvas.extract({
    left: clamp(Math.round(at.left * scaleX), 0, scaledWidth - plan.width),
    top: clamp(Math.round(at.top * scaleY), 0, scaledHeight - plan.height),
    width: plan.width,
    height: plan.height,
  });
  return true;
}
