/**
 * Overlays and underlays: turning a text layer into pixels, placing a rendered layer on the base by
 * gravity and offsets, and compositing it (overflowing the base unless `fl_no_overflow`).
 */
import { type Component, type CropMode, type Layer, parseTextStyle, type TextStyle } from '@kumo/core';
import { Canvas, type RawImage } from './canvas.js';
import { type Step, withoutFields } from './chain-structure.js';
import { BLACK, parseColor, type Rgba, TRANSPARENT } from './colors.js';
import { readSize } from './component-values.js';
import { compassFactors, type Placement } from './crop-geometry.js';
import { evaluateExpression, evaluateNumber, type Scope } from './expression-eval.js';
import { fontFamilyFor } from './fonts.js';
import { invalid } from './render-error.js';
import { renderText } from './text-layer.js';

export interface TextLayerOptions {
  readonly color?: Rgba;
  readonly background?: Rgba;
  readonly stroke?: { readonly width: number; readonly color: Rgba };
  readonly wrapWidth?: number;
  readonly maxPixels: number;
  readonly maxTextLength: number;
}

/** Replaces `$(name)` with the variable's value. */
function interpolate(text: string, scope: Scope): string {
  return text.replace(/\$\(([a-zA-Z]\w*)\)/g, (_, name: string) => {
    const value = scope.get(`$${name}`);
    if (value === undefined) return invalid(`Undefined variable $${name} in text overlay`);
    return Array.isArray(value) ? value.join(':') : String(value);
  });
}

function styleOf(layer: Extract<Layer, { kind: 'text' }>, scope: Scope): TextStyle | undefined {
  const style = layer.style;
  if (style === undefined || typeof style === 'object') return style;
  const value = evaluateExpression(style, scope);
  if (typeof value !== 'string') return invalid(`Variable ${style} does not hold a text style`);
  try {
    return parseTextStyle(value);
  } catch (error) {
    return invalid(`Invalid text style in ${style}: ${(error as Error).message}`);
  }
}

/** Draws a text layer. Without a style Cloudinary's default is used: Arial 12 (here Liberation Sans). */
export async function drawTextLayer(
  layer: Extract<Layer, { kind: 'text' }>,
  options: TextLayerOptions,
  scope: Scope,
): Promise<RawImage> {
  const text = interpolate(layer.text, scope);
  if (text.length > options.maxTextLength) {
    invalid(`Text overlay is ${text.length} characters long, over the limit of ${options.maxTextLength}`);
  }
  const style = styleOf(layer, scope) ?? { fontFamily: 'Arial', fontSize: 12 };
  const number = (value: unknown, label: string): number =>
    value === undefined ? 0 : evaluateNumber(value as string | number, scope, label);
  const align =
    style.textAlign === 'center'
      ? 'center'
      : style.textAlign === 'right' || style.textAlign === 'end'
        ? 'right'
        : 'left';
  return renderText({
    text,
    family: fontFamilyFor(style.fontFamily),
    size: number(style.fontSize, 'font size'),
    weight: style.fontWeight ?? 'normal',
    italic: style.fontStyle === 'italic',
    decoration: style.textDecoration,
    align,
    letterSpacing: number(style.letterSpacing, 'letter spacing'),
    lineSpacing: number(style.lineSpacing, 'line spacing'),
    color: options.color ?? BLACK,
    background: options.background,
    stroke: style.stroke ? (options.stroke ?? { width: 1, color: BLACK }) : undefined,
    wrapWidth: options.wrapWidth,
    maxPixels: options.maxPixels,
  });
}

/** Top-left corner of a layer on the base; may fall outside the base (overflow). */
export function placeLayer(
  baseWidth: number,
  baseHeight: number,
  layerWidth: number,
  layerHeight: number,
  placement: Placement,
  x: number,
  y: number,
): { left: number; top: number } {
  if (placement.kind === 'xy_center') {
    return { left: Math.round(x - layerWidth / 2), top: Math.round(y - layerHeight / 2) };
  }
  const { fx, fy } = placement.kind === 'compass' ? compassFactors(placement.gravity) : { fx: 0.5, fy: 0.5 };
  return {
    left: Math.round((baseWidth - layerWidth) * fx + (fx === 1 ? -x : x)),
    top: Math.round((baseHeight - layerHeight) * fy + (fy === 1 ? -y : y)),
  };
}

export interface CombineOptions {
  readonly underlay: boolean;
  readonly blend?: 'multiply' | 'screen' | 'overlay' | 'dest-in' | 'dest-out';
  readonly overflow: boolean;
  readonly tiled: boolean;
  readonly maxPixels: number;
}

function crop(raw: RawImage, left: number, top: number, width: number, height: number): RawImage {
  const data = Buffer.alloc(width * height * raw.channels);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * raw.width + left) * raw.channels;
    raw.data.copy(data, row * width * raw.channels, from, from + width * raw.channels);
  }
  return { data, width, height, channels: raw.channels };
}

const rawInput = (raw: RawImage) => ({
  input: raw.data,
  raw: { width: raw.width, height: raw.height, channels: raw.channels },
});

/** Composites `layer` (RGBA) onto `base` with its top-left corner at (left, top). */
export async function combine(
  base: Canvas,
  layer: RawImage,
  left: number,
  top: number,
  options: CombineOptions,
): Promise<void> {
  if (options.tiled) {
    // sharp tiles only layers no larger than the base.
    const fitted =
      layer.width > base.width || layer.height > base.height
        ? crop(layer, 0, 0, Math.min(layer.width, base.width), Math.min(layer.height, base.height))
        : layer;
    const tile = { ...rawInput(fitted), tile: true, ...(options.blend ? { blend: options.blend } : {}) };
    if (!options.underlay) {
      await base.apply((image) => image.composite([tile]));
      return;
    }
    const under = await base.pixels(true);
    const blank = await Canvas.blank(under.width, under.height, TRANSPARENT);
    await blank.apply((image) => image.composite([{ ...rawInput(fitted), tile: true }, rawInput(under)]));
    base.setPixels(await blank.pixels(true));
    return;
  }
  let x = left;
  let y = top;
  let piece = layer;
  if (options.overflow) {
    const minX = Math.min(0, x);
    const minY = Math.min(0, y);
    const maxX = Math.max(base.width, x + layer.width);
    const maxY = Math.max(base.height, y + layer.height);
    const width = maxX - minX;
    const height = maxY - minY;
    if (width * height > options.maxPixels) {
      invalid(
        `Layer placement would make the image ${width}x${height} pixels, over the limit of ${options.maxPixels} pixels`,
      );
    }
    await base.extend(
      { top: -minY, left: -minX, right: maxX - base.width, bottom: maxY - base.height },
      TRANSPARENT,
    );
    x -= minX;
    y -= minY;
  } else {
    const x0 = Math.max(0, x);
    const y0 = Math.max(0, y);
    const x1 = Math.min(base.width, x + layer.width);
    const y1 = Math.min(base.height, y + layer.height);
    if (x1 <= x0 || y1 <= y0) return;
    piece = crop(layer, x0 - x, y0 - y, x1 - x0, y1 - y0);
    x = x0;
    y = y0;
  }
  if (!options.underlay) {
    const input = { ...rawInput(piece), left: x, top: y, ...(options.blend ? { blend: options.blend } : {}) };
    await base.apply((image) => image.composite([input]));
    return;
  }
  const over = await base.pixels(true);
  const blank = await Canvas.blank(over.width, over.height, TRANSPARENT);
  await blank.apply((image) => image.composite([{ ...rawInput(piece), left: x, top: y }, rawInput(over)]));
  base.setPixels(await blank.pixels(true));
}

/** Reads a colour parameter if present. */
export function optionalColor(value: string | undefined, what: string): Rgba | undefined {
  return value === undefined ? undefined : parseColor(value, what);
}

const WRAPPING_CROPS: ReadonlySet<CropMode | undefined> = new Set(['fit', 'limit', 'scale']);

/**
 * What a text layer takes from its chain instead of treating as image operations: colour, background and
 * stroke (`co_`, `b_`, `bo_`) from its first component, and a wrapping width from the first of its first
 * two components that resizes with a width (`l_text:…,co_red/c_fit,w_200/…` or `l_text:…,c_fit,w_200`).
 */
export function textSettings(
  chain: readonly Step[],
  baseWidth: number,
  scope: Scope,
): { steps: readonly Step[]; style: Component; wrapWidth?: number } {
  const componentAt = (index: number): Component | undefined => {
    const step = chain[index];
    return step?.kind === 'component' ? step.component : undefined;
  };
  const style = componentAt(0) ?? {};
  const wrapIndex = [0, 1].find((index) => {
    const component = componentAt(index);
    return component !== undefined && WRAPPING_CROPS.has(component.crop) && component.width !== undefined;
  });
  const sizing = wrapIndex === undefined ? undefined : componentAt(wrapIndex)!;
  const wrapWidth = sizing ? readSize(sizing.width!, baseWidth, scope, 'width', 1) : undefined;
  const steps: Step[] = [];
  chain.forEach((step, index) => {
    if (step.kind !== 'component' || (index !== 0 && index !== wrapIndex)) {
      steps.push(step);
      return;
    }
    const fields: (keyof Component)[] = [];
    if (index === 0) fields.push('color', 'background', 'border');
    if (index === wrapIndex) fields.push('crop', 'width');
    let rest = withoutFields(step.component, fields);
    // A height next to the wrapping width still limits the text; it never enlarges it.
    if (rest && index === wrapIndex && rest.height !== undefined) rest = { ...rest, crop: 'limit' };
    if (rest) steps.push({ kind: 'component', component: rest });
  });
  return { steps, style, wrapWidth };
}
