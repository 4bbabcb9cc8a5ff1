import { warnInDev } from '../dev/warn.js';
import type { ColorToken } from './tokens.js';

/**
 * Which Kumo tokens each key of a Cloudinary-style `styles.palette` sets. The Upload Widget's
 * palette names UI roles (`window`, `action`, `inProgress`…); Kumo's tokens name the same roles.
 */
export const PALETTE_TOKENS = {
  window: ['--kumo-color-surface'],
  windowBorder: ['--kumo-color-border'],
  tabIcon: ['--kumo-color-tab-icon'],
  menuIcons: ['--kumo-color-icon'],
  textDark: ['--kumo-color-text'],
  textLight: ['--kumo-color-text-inverse'],
  link: ['--kumo-color-link'],
  action: ['--kumo-color-accent', '--kumo-color-focus-ring'],
  inactiveTabIcon: ['--kumo-color-tab-icon-inactive'],
  error: ['--kumo-color-danger'],
  inProgress: ['--kumo-color-progress'],
  complete: ['--kumo-color-success'],
  sourceBg: ['--kumo-color-surface-muted'],
} as const satisfies Record<string, readonly ColorToken[]>;

/** A key of a Cloudinary-style palette. */
export type PaletteKey = keyof typeof PALETTE_TOKENS;

/** A Cloudinary-style `styles.palette`: colours by UI role, any subset. */
export type Palette = Partial<Record<PaletteKey, string>>;

const HEX_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Hex colours as Cloudinary documents them, or anything the browser accepts as a CSS colour. */
function isColor(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (HEX_COLOR.test(value.trim())) return true;
  return globalThis.CSS?.supports?.('color', value) ?? false;
}

/**
 * The `--kumo-*` custom properties a palette sets. Unknown keys and values that are not colours
 * are skipped, with a development warning naming them.
 */
export function paletteToTokens(
  palette: Palette | Record<string, unknown>,
): Partial<Record<ColorToken, string>> {
  const tokens: Partial<Record<ColorToken, string>> = {};
  for (const [key, value] of Object.entries(palette)) {
    if (!Object.hasOwn(PALETTE_TOKENS, key)) {
      warnInDev(
        'palette-unknown-key',
        `palette key "${key}" is not one of ${Object.keys(PALETTE_TOKENS).join(', ')}.`,
      );
      continue;
    }
    if (!isColor(value)) {
      warnInDev('palette-invalid-color', `palette.${key} = ${JSON.stringify(value)} is not a colour.`);
      continue;
    }
    for (const token of PALETTE_TOKENS[key as PaletteKey]) tokens[token] = value.trim();
  }
  return tokens;
}

/**
 * Sets a palette's tokens on `element` as inline custom properties (which beat the theme's
 * defaults), and returns the names set. Pass an empty palette to keep the theme.
 */
export function applyPalette(element: HTMLElement, palette: Palette | Record<string, unknown>): ColorToken[] {
  const tokens = paletteToTokens(palette);
  const names = Object.keys(tokens) as ColorToken[];
  for (const name of names) element.style.setProperty(name, tokens[name]!);
  return names;
}
