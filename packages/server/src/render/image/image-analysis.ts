/**
 * Looking at the pixels to decide where to cut (`g_auto`) and what colour to pad with (`b_auto`).
 */
import sharp from 'sharp';
import type { Canvas } from './canvas.js';
import type { Rgba } from './colors.js';

/**
 * Centre of the most interesting `regionWidth`×`regionHeight` area, by sharp's saliency strategies. The
 * analysis runs on a copy at most 256 pixels across: sharp reports where it would cut a cover crop of
 * that shape, and the centre of that window, scaled back, is the focal point.
 */
export async function focalPoint(
  canvas: Canvas,
  regionWidth: number,
  regionHeight: number,
  strategy: 'attention' | 'entropy',
): Promise<{ x: number; y: number }> {
  const { width, height } = canvas;
  const k = Math.min(1, 256 / Math.max(regionWidth, regionHeight));
  const targetWidth = Math.max(1, Math.round(regionWidth * k));
  const targetHeight = Math.max(1, Math.round(regionHeight * k));
  const scale = Math.max(targetWidth / width, targetHeight / height);
  const snapshot = await canvas.snapshot();
  const { info } = await snapshot
    .resize(targetWidth, targetHeight, { fit: 'cover', position: sharp.strategy[strategy] })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    x: (-(info.cropOffsetLeft ?? 0) + targetWidth / 2) / scale,
    y: (-(info.cropOffsetTop ?? 0) + targetHeight / 2) / scale,
  };
}

/** `b_auto`: the mean colour of the image's outermost pixels. */
export async function edgeColor(canvas: Canvas): Promise<Rgba> {
  const raw = await canvas.pixels();
  const sums = [0, 0, 0];
  let count = 0;
  const add = (px: number, py: number) => {
    const i = (py * raw.width + px) * raw.channels;
    for (let c = 0; c < 3; c++) sums[c]! += raw.data[i + (raw.channels >= 3 ? c : 0)]!;
    count += 1;
  };
  for (let px = 0; px < raw.width; px++) {
    add(px, 0);
    add(px, raw.height - 1);
  }
  for (let py = 0; py < raw.height; py++) {
    add(0, py);
    add(raw.width - 1, py);
  }
  const [r, g, b] = sums.map((sum) => Math.round(sum / count)) as [number, number, number];
  return { r, g, b, alpha: 1 };
}
