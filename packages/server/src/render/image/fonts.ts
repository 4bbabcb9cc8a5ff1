/**
 * Font families for text overlays. Only fonts installed on the server can be drawn; the common web
 * families map to metric-compatible free fonts (Liberation), anything unknown to DejaVu Sans.
 */

const FAMILIES: Readonly<Record<string, string>> = {
  arial: 'Liberation Sans',
  helvetica: 'Liberation Sans',
  'helvetica neue': 'Liberation Sans',
  'liberation sans': 'Liberation Sans',
  sans: 'DejaVu Sans',
  'sans-serif': 'DejaVu Sans',
  verdana: 'DejaVu Sans',
  'dejavu sans': 'DejaVu Sans',
  times: 'Liberation Serif',
  'times new roman': 'Liberation Serif',
  georgia: 'Liberation Serif',
  serif: 'Liberation Serif',
  'liberation serif': 'Liberation Serif',
  'dejavu serif': 'DejaVu Serif',
  courier: 'Liberation Mono',
  'courier new': 'Liberation Mono',
  monospace: 'Liberation Mono',
  'liberation mono': 'Liberation Mono',
  'dejavu sans mono': 'DejaVu Sans Mono',
};

export const FALLBACK_FONT = 'DejaVu Sans';

/** The installed family used for a requested one (`Arial`, `Times%20New%20Roman`, `times_new_roman`). */
export function fontFamilyFor(requested: string): string {
  let name = requested;
  try {
    name = decodeURIComponent(requested);
  } catch {
    // Not percent-encoded after all: use it as written.
  }
  return FAMILIES[name.replace(/[_-]+/g, ' ').trim().toLowerCase()] ?? FALLBACK_FONT;
}

/** CSS/SVG numeric weight for the weight keywords of the text style. */
export const FONT_WEIGHT_VALUES: Readonly<Record<string, number>> = {
  thin: 100,
  light: 300,
  normal: 400,
  medium: 500,
  semibold: 600,
  bold: 700,
  extrabold: 800,
  black: 900,
};

/** Pango's names for the same weights (used to measure text the way it will be drawn). */
export const PANGO_WEIGHTS: Readonly<Record<string, string>> = {
  thin: 'Thin',
  light: 'Light',
  normal: '',
  medium: 'Medium',
  semibold: 'Semi-Bold',
  bold: 'Bold',
  extrabold: 'Ultra-Bold',
  black: 'Heavy',
};
