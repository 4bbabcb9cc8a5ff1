/**
 * Angles (`a_…`): rotation by degrees, flips, and the orientation-matching `auto_right`/`auto_left`.
 */
import type { Scalar } from '@kumo/core';
import type { Canvas } from './canvas.js';
import { type Rgba, TRANSPARENT } from './colors.js';
import { evaluateNumber, type Scope } from './expression-eval.js';

/** `a_auto_right` / `a_auto_left`: turn the image when its orientation differs from the requested box. */
export async function autoRotate(
  canvas: Canvas,
  angles: readonly Scalar[],
  width: number | undefined,
  height: number | undefined,
): Promise<void> {
  if (width === undefined || height === undefined || width === height) return;
  for (const angle of angles) {
    if (angle !== 'auto_right' && angle !== 'auto_left') continue;
    if (canvas.width === canvas.height || canvas.width > canvas.height === width > height) continue;
    await canvas.apply((image) => image.rotate(angle === 'auto_right' ? 90 : -90));
  }
}

/**
 * One angle: degrees clockwise (odd angles enlarge the canvas, corners filled with `background` or left
 * transparent), `hflip`, `vflip`. `checkPixels` vets the enlarged size before anything is drawn.
 */
export async function rotate(
  canvas: Canvas,
  angle: Scalar,
  background: Rgba | undefined,
  scope: Scope,
  checkPixels: (width: number, height: number) => void,
): Promise<void> {
  if (angle === 'hflip') return canvas.apply((image) => image.flop());
  if (angle === 'vflip') return canvas.apply((image) => image.flip());
  // Orientation keywords act before resizing (auto_*) or when opening the original (exif, ignore).
  if (angle === 'auto_right' || angle === 'auto_left' || angle === 'exif' || angle === 'ignore') return;
  const degrees = evaluateNumber(angle, scope, 'angle');
  const normalized = ((degrees % 360) + 360) % 360;
  if (normalized === 0) return;
  if (normalized % 90 === 0) return canvas.apply((image) => image.rotate(normalized));
  const radians = (normalized * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  checkPixels(
    Math.ceil(canvas.width * cos + canvas.height * sin),
    Math.ceil(canvas.width * sin + canvas.height * cos),
  );
  const fill = background ?? TRANSPARENT;
  if (fill.alpha < 1 && !canvas.hasAlpha) await canvas.apply((image) => image.ensureAlpha());
  await canvas.apply((image) => image.rotate(degrees, { background: fill }));
}
