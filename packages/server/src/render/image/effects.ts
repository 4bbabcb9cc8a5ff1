/**
 * Pixel effects (`e_…`). Strength arguments follow Cloudinary's ranges; how each maps to an image
 * operation is listed in README.md.
 */
import type { Effect } from '@kumo/core';
import { Canvas, type RawImage, type Region } from './canvas.js';
import { BLACK, parseColor, type Rgba } from './colors.js';
import { evaluateNumber, type Scope } from './expression-eval.js';
import { invalid } from './render-error.js';

export interface EffectInput {
  /** `co_` of the component, for colorize, tint and shadow. */
  readonly color?: Rgba;
  /** `x,y,w,h` of the component, for the `_region` effects. */
  readonly region?: Region;
  /** `x,y` of the component, for shadow offsets. */
  readonly x?: number;
  readonly y?: number;
  readonly scope: Scope;
  /** The output pixel limit, for effects that grow the canvas. */
  readonly maxPixels: number;
}

/** Blend modes usable in the `fl_layer_apply` component of a layer (`e_multiply`). */
export const BLEND_EFFECTS: Readonly<
  Record<string, 'multiply' | 'screen' | 'overlay' | 'dest-in' | 'dest-out'>
> = {
  multiply: 'multiply',
  screen: 'screen',
  overlay: 'overlay',
  mask: 'dest-in',
  cut_out: 'dest-out',
};

const clamp = (value: number, low: number, high: number): number => Math.min(Math.max(value, low), high);

function numberArg(
  effect: Effect,
  index: number,
  fallback: number,
  scope: Scope,
  low: number,
  high: number,
): number {
  const arg = effect.args?.[index];
  if (arg === undefined) return fallback;
  if (typeof arg === 'string' && !/^[-\d.$]/.test(arg))
    invalid(`Invalid argument for e_${effect.name}: ${arg}`);
  const value = evaluateNumber(arg, scope, `e_${effect.name} argument`);
  if (value < low || value > high)
    invalid(`e_${effect.name} takes a value between ${low} and ${high}, got ${arg}`);
  return value;
}

/** Per-channel multiplier/offset lists that leave an alpha channel alone. */
function linearArrays(channels: number, a: readonly number[], b: readonly number[]): [number[], number[]] {
  const colour = channels >= 3 ? 3 : 1;
  const ma: number[] = [];
  const mb: number[] = [];
  for (let i = 0; i < channels; i++) {
    ma.push(i < colour ? (a[i] ?? a[0]!) : 1);
    mb.push(i < colour ? (b[i] ?? b[0]!) : 0);
  }
  return [ma, mb];
}

async function linear(canvas: Canvas, a: readonly number[], b: readonly number[]): Promise<void> {
  if (canvas.fusesEffects) {
    const [ma, mb] = linearArrays(3, a, b);
    return canvas.effect('linear', (image) => image.linear(ma, mb));
  }
  const raw = await canvas.pixels();
  const [ma, mb] = linearArrays(raw.channels, a, b);
  await canvas.apply((image) => image.linear(ma, mb));
}

const LUMA = [0.2126, 0.7152, 0.0722] as const;

function mixMatrix(target: readonly (readonly number[])[], amount: number): [number, number, number][] {
  return [0, 1, 2].map((row) =>
    [0, 1, 2].map((col) => (row === col ? 1 - amount : 0) + amount * target[row]![col]!),
  ) as [number, number, number][];
}

const SEPIA = [
  [0.393, 0.769, 0.189],
  [0.349, 0.686, 0.168],
  [0.272, 0.534, 0.131],
];
const GREY = [LUMA, LUMA, LUMA];

/** Runs a per-pixel function over the colour channels (alpha untouched). */
async function mapPixels(
  canvas: Canvas,
  fn: (r: number, g: number, b: number, out: number[]) => void,
): Promise<void> {
  const raw = await canvas.pixels();
  if (raw.channels < 3) return;
  const data = Buffer.from(raw.data);
  const out = [0, 0, 0];
  for (let i = 0; i < data.length; i += raw.channels) {
    fn(data[i]!, data[i + 1]!, data[i + 2]!, out);
    data[i] = clamp(Math.round(out[0]!), 0, 255);
    data[i + 1] = clamp(Math.round(out[1]!), 0, 255);
    data[i + 2] = clamp(Math.round(out[2]!), 0, 255);
  }
  canvas.setPixels({ ...raw, data });
}

async function onRegion(
  canvas: Canvas,
  region: Region | undefined,
  run: (part: Canvas) => Promise<void>,
): Promise<void> {
  const raw = await canvas.pixels();
  const box = clipRegion(region ?? { left: 0, top: 0, width: raw.width, height: raw.height }, raw);
  if (!box) return;
  const part = Canvas.fromRaw(raw);
  await part.extract(box);
  await run(part);
  const piece = await part.pixels(raw.channels === 4 || raw.channels === 2);
  await canvas.apply((image) =>
    image.composite([
      {
        input: piece.data,
        raw: { width: piece.width, height: piece.height, channels: piece.channels },
        ...box,
      },
    ]),
  );
}

function clipRegion(region: Region, raw: RawImage): Region | undefined {
  const left = clamp(Math.round(region.left), 0, raw.width);
  const top = clamp(Math.round(region.top), 0, raw.height);
  const right = clamp(Math.round(region.left + region.width), 0, raw.width);
  const bottom = clamp(Math.round(region.top + region.height), 0, raw.height);
  if (right <= left || bottom <= top) return undefined;
  return { left, top, width: right - left, height: bottom - top };
}

async function pixelate(canvas: Canvas, size: number): Promise<void> {
  const { width, height } = canvas;
  const cell = Math.max(1, Math.round(size));
  await canvas.resize(Math.max(1, Math.ceil(width / cell)), Math.max(1, Math.ceil(height / cell)), 'cubic');
  await canvas.flush();
  await canvas.resize(width, height, 'nearest');
}

const blurSigma = (strength: number): number => clamp(strength / 20, 0.3, 100);

function defaultPixelSize(canvas: Canvas): number {
  return Math.max(2, Math.round(Math.max(canvas.width, canvas.height) / 40));
}

function tintColors(effect: Effect): { color: Rgba; at?: number }[] {
  const stops: { color: Rgba; at?: number }[] = [];
  for (const arg of effect.args?.slice(1) ?? []) {
    const text = String(arg);
    const position = /^(\d+(\.\d+)?)p$/.exec(text);
    if (position && stops.length > 0) {
      stops[stops.length - 1]!.at = clamp(Number(position[1]) / 100, 0, 1);
    } else {
      stops.push({ color: parseColor(text, 'e_tint colour') });
    }
  }
  return stops.length > 0 ? stops : [{ color: parseColor('red', 'e_tint colour') }];
}

function gradientAt(stops: readonly { color: Rgba; at?: number }[], t: number): Rgba {
  if (stops.length === 1) return stops[0]!.color;
  const positions = stops.map((stop, i) => stop.at ?? i / (stops.length - 1));
  for (let i = 1; i < stops.length; i++) {
    if (t <= positions[i]! || i === stops.length - 1) {
      const span = positions[i]! - positions[i - 1]!;
      const k = span <= 0 ? 1 : clamp((t - positions[i - 1]!) / span, 0, 1);
      const a = stops[i - 1]!.color;
      const b = stops[i]!.color;
      return { r: a.r + (b.r - a.r) * k, g: a.g + (b.g - a.g) * k, b: a.b + (b.b - a.b) * k, alpha: 1 };
    }
  }
  return stops[stops.length - 1]!.color;
}

async function shadow(canvas: Canvas, strength: number, input: EffectInput): Promise<void> {
  const color = input.color ?? BLACK;
  const dx = Math.round(input.x ?? 8);
  const dy = Math.round(input.y ?? 8);
  const raw = await canvas.pixels(true);
  const mask = Buffer.alloc(raw.data.length);
  for (let i = 0; i < raw.data.length; i += 4) {
    mask[i] = color.r;
    mask[i + 1] = color.g;
    mask[i + 2] = color.b;
    mask[i + 3] = Math.round(raw.data[i + 3]! * 0.6 * color.alpha);
  }
  const shade = Canvas.fromRaw({ ...raw, data: mask });
  await shade.apply((image) => image.blur(clamp(strength / 10, 0.3, 50)));
  const blurred = await shade.pixels(true);
  const width = raw.width + Math.abs(dx);
  const height = raw.height + Math.abs(dy);
  if (width * height > input.maxPixels) {
    invalid(
      `Shadow would make the image ${width}x${height} pixels, over the limit of ${input.maxPixels} pixels`,
    );
  }
  const base = await Canvas.blank(width, height, { r: 0, g: 0, b: 0, alpha: 0 });
  await base.apply((image) =>
    image.composite([
      {
        input: blurred.data,
        raw: { width: raw.width, height: raw.height, channels: 4 },
        left: Math.max(dx, 0),
        top: Math.max(dy, 0),
      },
      {
        input: raw.data,
        raw: { width: raw.width, height: raw.height, channels: 4 },
        left: Math.max(-dx, 0),
        top: Math.max(-dy, 0),
      },
    ]),
  );
  canvas.setPixels(await base.pixels(true));
}

async function vignette(canvas: Canvas, level: number): Promise<void> {
  const { width, height } = canvas;
  const edge = 0.2 + 0.8 * (level / 100);
  const inner = clamp(0.75 - 0.5 * (level / 100), 0.1, 0.9);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    '<defs><radialGradient id="v" cx="50%" cy="50%" r="71%">' +
    `<stop offset="${inner}" stop-color="#000" stop-opacity="0"/>` +
    `<stop offset="1" stop-color="#000" stop-opacity="${edge.toFixed(3)}"/>` +
    '</radialGradient></defs>' +
    `<rect width="${width}" height="${height}" fill="url(#v)"/></svg>`;
  await canvas.apply((image) => image.composite([{ input: Buffer.from(svg), blend: 'atop' }]));
}

/** Applies one effect to the canvas. */
export async function applyEffect(canvas: Canvas, effect: Effect, input: EffectInput): Promise<void> {
  const { scope } = input;
  const arg = (index: number, fallback: number, low: number, high: number) =>
    numberArg(effect, index, fallback, scope, low, high);
  switch (effect.name) {
    case 'blur':
      return canvas.effect('blur', (image) => image.blur(blurSigma(arg(0, 100, 1, 2000))));
    case 'blur_region': {
      const sigma = blurSigma(arg(0, 100, 1, 2000));
      return onRegion(canvas, input.region, (part) => part.apply((image) => image.blur(sigma)));
    }
    case 'pixelate':
      return pixelate(canvas, arg(0, defaultPixelSize(canvas), 1, 200));
    case 'pixelate_region': {
      const size = arg(0, defaultPixelSize(canvas), 1, 200);
      return onRegion(canvas, input.region, (part) => pixelate(part, size));
    }
    case 'grayscale':
    case 'greyscale':
      return canvas.effect('recomb', (image) => image.recomb(GREY as never));
    case 'blackwhite': {
      const level = arg(0, 50, 0, 100);
      await canvas.apply((image) => image.recomb(GREY as never));
      return canvas.apply((image) => image.threshold(Math.round(level * 2.55), { grayscale: false }));
    }
    case 'sepia': {
      const matrix = mixMatrix(SEPIA, arg(0, 80, 1, 100) / 100);
      return canvas.effect('recomb', (image) => image.recomb(matrix as never));
    }
    case 'negate':
      return canvas.effect('negate', (image) => image.negate({ alpha: false }));
    case 'sharpen': {
      const sigma = clamp(0.5 + arg(0, 100, 1, 2000) / 100, 0.5, 10);
      return canvas.effect('sharpen', (image) => image.sharpen({ sigma }));
    }
    case 'unsharp_mask': {
      const sigma = clamp(1 + arg(0, 100, 1, 2000) / 100, 1, 10);
      return canvas.effect('sharpen', (image) => image.sharpen({ sigma, m1: 1, m2: 3 }));
    }
    case 'brightness': {
      const factor = Math.max(0, 1 + arg(0, 80, -99, 100) / 100);
      return canvas.effect('modulate', (image) => image.modulate({ brightness: factor }));
    }
    case 'saturation': {
      const factor = Math.max(0, 1 + arg(0, 80, -100, 100) / 100);
      return canvas.effect('modulate', (image) => image.modulate({ saturation: factor }));
    }
    case 'hue': {
      const degrees = Math.round(arg(0, 80, -100, 100) * 1.8);
      return canvas.effect('modulate', (image) => image.modulate({ hue: degrees }));
    }
    case 'contrast': {
      const a = Math.max(0, 1 + arg(0, 0, -100, 100) / 100);
      return linear(canvas, [a], [128 * (1 - a)]);
    }
    case 'red':
    case 'green':
    case 'blue': {
      const factor = Math.max(0, 1 + arg(0, 0, -100, 100) / 100);
      const a = [1, 1, 1];
      a[['red', 'green', 'blue'].indexOf(effect.name)] = factor;
      return linear(canvas, a, [0, 0, 0]);
    }
    case 'gamma': {
      const gamma = Math.max(0.05, 1 + arg(0, 0, -50, 150) / 100);
      const lut = Array.from({ length: 256 }, (_, v) => 255 * (v / 255) ** (1 / gamma));
      return mapPixels(canvas, (r, g, b, out) => {
        out[0] = lut[r]!;
        out[1] = lut[g]!;
        out[2] = lut[b]!;
      });
    }
    case 'auto_contrast':
    case 'auto_level':
    case 'auto_color':
    case 'improve':
    case 'normalize':
      return canvas.apply((image) => image.normalise());
    case 'vignette':
      return vignette(canvas, arg(0, 20, 0, 100));
    case 'colorize': {
      const level = arg(0, 100, 0, 100) / 100;
      const color = input.color ?? parseColor('gray', 'colour (co_)');
      return linear(canvas, [1 - level], [color.r * level, color.g * level, color.b * level]);
    }
    case 'tint': {
      // `e_tint:equalize:…` evens out the histogram before tinting.
      const equalize = effect.args?.[0] === 'equalize';
      const rest: Effect = equalize ? { name: effect.name, args: effect.args!.slice(1) } : effect;
      if (equalize) await canvas.apply((image) => image.normalise());
      const amount = numberArg(rest, 0, 60, scope, 0, 100) / 100;
      const stops = tintColors(rest);
      return mapPixels(canvas, (r, g, b, out) => {
        const luma = (LUMA[0] * r + LUMA[1] * g + LUMA[2] * b) / 255;
        const target = gradientAt(stops, luma);
        const targetLuma = (LUMA[0] * target.r + LUMA[1] * target.g + LUMA[2] * target.b) / 255 || 1;
        const k = stops.length === 1 ? luma / targetLuma : 1;
        out[0] = r * (1 - amount) + target.r * k * amount;
        out[1] = g * (1 - amount) + target.g * k * amount;
        out[2] = b * (1 - amount) + target.b * k * amount;
      });
    }
    case 'trim': {
      const tolerance = arg(0, 10, 0, 100);
      const colorArg = effect.args?.[1];
      const background = colorArg === undefined ? undefined : parseColor(String(colorArg), 'e_trim colour');
      return canvas.apply((image) =>
        image.trim({ threshold: Math.max(1, tolerance * 2.55), ...(background ? { background } : {}) }),
      );
    }
    case 'shadow':
      return shadow(canvas, arg(0, 40, 0, 100), input);
    default:
      if (effect.name in BLEND_EFFECTS) {
        return invalid(
          `Effect e_${effect.name} blends a layer: use it with fl_layer_apply or in the overlay's component`,
        );
      }
      return invalid(`Unsupported effect: e_${effect.name}`);
  }
}
