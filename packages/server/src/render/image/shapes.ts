/**
 * Rounded corners (`r_…`) and borders (`bo_…`), drawn as SVG shapes and composited with sharp.
 */
import { Canvas } from './canvas.js';
import { cssColor, parseColor, type Rgba } from './colors.js';
import { invalid } from './render-error.js';

/** `max` (an ellipse) or the four corner radii: top-left, top-right, bottom-right, bottom-left. */
export type CornerRadii = 'max' | readonly [number, number, number, number];

/** Expands 1–4 radius values the way CSS `border-radius` does. */
export function cornerRadii(values: readonly number[]): readonly [number, number, number, number] {
  if (values.some((v) => !(v >= 0))) invalid(`Invalid radius in transformation: ${values.join(':')}`);
  const [a = 0, b = a, c = a, d = b] = values;
  return [a, b, c, d];
}

/** SVG outline of a `width`×`height` box with the given corners, offset by `inset` on every side. */
function shape(width: number, height: number, radii: CornerRadii, inset = 0, attributes = ''): string {
  const w = width - 2 * inset;
  const h = height - 2 * inset;
  if (radii === 'max') {
    return `<ellipse cx="${width / 2}" cy="${height / 2}" rx="${w / 2}" ry="${h / 2}" ${attributes}/>`;
  }
  const limit = Math.min(w, h) / 2;
  const [tl, tr, br, bl] = radii.map((r) => Math.max(0, Math.min(r - inset, limit)));
  const x = inset;
  const y = inset;
  const d = [
    `M${x + tl!},${y}`,
    `H${x + w - tr!}`,
    `A${tr},${tr} 0 0 1 ${x + w},${y + tr!}`,
    `V${y + h - br!}`,
    `A${br},${br} 0 0 1 ${x + w - br!},${y + h}`,
    `H${x + bl!}`,
    `A${bl},${bl} 0 0 1 ${x},${y + h - bl!}`,
    `V${y + tl!}`,
    `A${tl},${tl} 0 0 1 ${x + tl!},${y}`,
    'Z',
  ].join(' ');
  return `<path d="${d}" ${attributes}/>`;
}

const svg = (width: number, height: number, body: string): Buffer =>
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`);

/** Cuts the corners: outside the shape becomes transparent. */
export async function roundCorners(canvas: Canvas, radii: CornerRadii): Promise<void> {
  if (radii !== 'max' && radii.every((r) => r === 0)) return;
  const { width, height } = canvas;
  const mask = svg(width, height, shape(width, height, radii, 0, 'fill="#fff"'));
  if (!canvas.hasAlpha) await canvas.apply((image) => image.ensureAlpha());
  await canvas.apply((image) => image.composite([{ input: mask, blend: 'dest-in' }]));
}

export interface Border {
  readonly width: number;
  readonly style: 'solid' | 'dotted' | 'dashed';
  readonly color: Rgba;
}

/** Reads `5px_solid_red` / `2px_dashed_rgb:ff000080`. */
export function parseBorder(value: string): Border {
  const match = /^(\d+)px_(solid|dotted|dashed)_(.+)$/.exec(value);
  if (!match) return invalid(`Invalid border in transformation: ${value}`);
  return {
    width: Number(match[1]),
    style: match[2] as Border['style'],
    color: parseColor(match[3]!, 'border colour'),
  };
}

/** Adds the border around the image (the image grows by twice its width), following rounded corners. */
export async function drawBorder(
  canvas: Canvas,
  border: Border,
  radii: CornerRadii | undefined,
  scale = 1,
): Promise<void> {
  const bw = Math.round(border.width * scale);
  if (bw <= 0) return;
  if (!radii && border.style === 'solid') {
    await canvas.extend({ top: bw, right: bw, bottom: bw, left: bw }, border.color);
    return;
  }
  const inner = await canvas.pixels(true);
  const width = inner.width + 2 * bw;
  const height = inner.height + 2 * bw;
  const outer: CornerRadii | undefined =
    radii === undefined || radii === 'max'
      ? radii
      : (radii.map((r) => (r > 0 ? r + bw : 0)) as unknown as CornerRadii);
  const corners: CornerRadii = outer ?? [0, 0, 0, 0];
  const color = cssColor(border.color);
  const body =
    border.style === 'solid'
      ? shape(width, height, corners, 0, `fill="${color}"`)
      : shape(
          width,
          height,
          corners,
          bw / 2,
          `fill="none" stroke="${color}" stroke-width="${bw}" stroke-dasharray="${border.style === 'dotted' ? `${bw},${bw}` : `${3 * bw},${2 * bw}`}"`,
        );
  const base = await Canvas.blank(width, height, { r: 0, g: 0, b: 0, alpha: 0 });
  await base.apply((image) =>
    image.composite([
      { input: svg(width, height, body) },
      {
        input: inner.data,
        raw: { width: inner.width, height: inner.height, channels: 4 },
        left: bw,
        top: bw,
      },
    ]),
  );
  canvas.setPixels(await base.pixels(true));
}
