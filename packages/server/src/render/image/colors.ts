import { CSS_COLOR_NAMES } from './css-color-names.js';
import { invalid } from './render-error.js';

/** An sRGB colour with 0–255 channels and a 0–1 alpha, the shape sharp takes as `background`. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly alpha: number;
}

export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, alpha: 0 };
export const WHITE: Rgba = { r: 255, g: 255, b: 255, alpha: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, alpha: 1 };

function fromHex(hex: string): Rgba | undefined {
  if (!/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const short = hex.length === 3 || hex.length === 4;
  if (!short && hex.length !== 6 && hex.length !== 8) return undefined;
  const step = short ? 1 : 2;
  const channel = (i: number): number => {
    const part = hex.slice(i * step, i * step + step);
    return Number.parseInt(short ? part + part : part, 16);
  };
  const alpha = hex.length === 4 || hex.length === 8 ? channel(3) / 255 : 1;
  return { r: channel(0), g: channel(1), b: channel(2), alpha };
}

/**
 * Reads a colour as it appears in a transformation: `rgb:ff0000`, `rgb:f00`, `rgb:ff000080` (with alpha),
 * `#ff0000`, a CSS colour name or `transparent`. `what` names the parameter in the error message (`background colour`).
 */
export function parseColor(value: string, what: string): Rgba {
  const text = value.trim().toLowerCase();
  if (text === 'transparent' || text === 'none') return TRANSPARENT;
  const hex = text.startsWith('rgb:') ? text.slice(4) : text.startsWith('#') ? text.slice(1) : undefined;
  const parsed = hex === undefined ? undefined : fromHex(hex);
  if (parsed) return parsed;
  const named = CSS_COLOR_NAMES.get(text);
  if (named) return { r: named[0], g: named[1], b: named[2], alpha: 1 };
  return invalid(`Invalid ${what}: ${value}`);
}

/** CSS form for SVG attributes (`rgba(…)`), so alpha survives. */
export function cssColor(color: Rgba): string {
  return `rgba(${color.r},${color.g},${color.b},${Number(color.alpha.toFixed(4))})`;
}
