/**
 * Output format choice (`f_…`, the requested extension, `f_auto` by `Accept`) and encoder settings
 * (`q_…`, `fl_progressive`, `fl_lossy`, `fl_png8`, metadata flags).
 */
import type { Scalar } from '@kumo/core';
import type { Sharp } from 'sharp';
import { invalid } from './render-error.js';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
  tiff: 'image/tiff',
  json: 'application/json',
};

const ALIASES: Readonly<Record<string, string>> = {
  jpg: 'jpg',
  jpeg: 'jpg',
  jpe: 'jpg',
  png: 'png',
  webp: 'webp',
  avif: 'avif',
  gif: 'gif',
  tif: 'tiff',
  tiff: 'tiff',
};

/** Formats that keep transparency (the rest are flattened onto the background colour). */
export const ALPHA_FORMATS: ReadonlySet<string> = new Set(['png', 'webp', 'avif', 'gif', 'tiff']);

/** Normalises a format name (`jpeg` → `jpg`); throws for formats this renderer cannot write. */
export function outputFormatName(name: string): string {
  const format = ALIASES[name.toLowerCase()];
  if (!format) return invalid(`Unsupported output format: ${name}`);
  return format;
}

/** The format to write when neither `f_` nor an extension asks for one: the original's, if writable. */
export function defaultFormat(
  sourceFormat: string,
  heifCompression: string | undefined,
  hasAlpha: boolean,
): string {
  if (sourceFormat === 'heif') return heifCompression === 'av1' ? 'avif' : 'jpg';
  return ALIASES[sourceFormat] ?? (hasAlpha ? 'png' : 'jpg');
}

/** Media types the client accepts with a non-zero quality. */
function acceptedTypes(accept: string | undefined): Set<string> {
  const types = new Set<string>();
  for (const part of (accept ?? '').split(',')) {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (type && !(q && Number(q.slice(2)) === 0)) types.add(type);
  }
  return types;
}

/** `f_auto`: AVIF, then WebP when the client accepts them; otherwise PNG for transparent images, else JPEG. */
export function autoFormat(accept: string | undefined, hasAlpha: boolean, animated: boolean): string {
  const types = acceptedTypes(accept);
  if (animated) return types.has('image/webp') ? 'webp' : 'gif';
  if (types.has('image/avif')) return 'avif';
  if (types.has('image/webp')) return 'webp';
  return hasAlpha ? 'png' : 'jpg';
}

interface Quality {
  readonly value?: number;
  readonly chroma?: '4:4:4' | '4:2:0';
}

/** `q_auto` levels → quality per encoder (AVIF's scale sits lower for the same visual quality). */
const AUTO_QUALITY: Readonly<
  Record<string, { readonly jpg: number; readonly webp: number; readonly avif: number }>
> = {
  best: { jpg: 90, webp: 90, avif: 70 },
  good: { jpg: 80, webp: 80, avif: 55 },
  eco: { jpg: 70, webp: 70, avif: 45 },
  low: { jpg: 55, webp: 55, avif: 35 },
};

function readQuality(quality: Scalar | undefined, format: string): Quality {
  if (quality === undefined) return {};
  const text = String(quality);
  const auto = /^auto(?::(best|good|eco|low))?$/.exec(text);
  const table = format === 'avif' ? 'avif' : format === 'webp' ? 'webp' : 'jpg';
  if (auto) return { value: AUTO_QUALITY[auto[1] ?? 'good']![table] };
  if (/^jpegmini(:\d)?$/.test(text)) return { value: AUTO_QUALITY['best']![table] };
  const chroma = /^(\d+):(444|420|422)$/.exec(text);
  const value = chroma ? Number(chroma[1]) : Number(text);
  if (!Number.isFinite(value) || value < 1 || value > 100)
    return invalid(`Invalid quality in transformation: ${text}`);
  // sharp's JPEG encoder offers 4:2:0 or none; 4:2:2 is served as 4:4:4 (no loss of chroma).
  return { value: Math.round(value), chroma: chroma ? (chroma[2] === '420' ? '4:2:0' : '4:4:4') : undefined };
}

export interface EncoderSettings {
  readonly format: string;
  readonly quality?: Scalar;
  readonly flags: ReadonlySet<string>;
  /** Frame delays (ms) and loop count when writing an animation. */
  readonly animation?: { readonly delay: readonly number[]; readonly loop: number };
}

const hasFlag = (flags: ReadonlySet<string>, name: string): boolean =>
  [...flags].some((flag) => flag === name || flag.startsWith(`${name}:`));

/** Adds the encoder for the chosen format to the pipeline. */
export function encoder(settings: EncoderSettings): (image: Sharp) => Sharp {
  const { format, flags } = settings;
  const quality = readQuality(settings.quality, format);
  const progressive = hasFlag(flags, 'progressive') && !flags.has('progressive:none');
  const lossy = flags.has('lossy');
  const keep = flags.has('keep_iptc') || flags.has('keep_attribution');
  const animation = settings.animation
    ? { delay: [...settings.animation.delay], loop: settings.animation.loop }
    : {};
  return (image: Sharp) => {
    const out = keep ? image.keepMetadata() : image;
    switch (format) {
      case 'jpg':
        return out.jpeg({
          quality: quality.value ?? 80,
          progressive,
          ...(quality.chroma ? { chromaSubsampling: quality.chroma } : {}),
        });
      case 'png': {
        const palette = lossy || flags.has('png8');
        return out.png({ progressive, palette, ...(palette ? { quality: quality.value ?? 80 } : {}) });
      }
      case 'webp':
        return out.webp({ quality: quality.value ?? 80, ...animation });
      case 'avif':
        return out.avif({
          quality: quality.value ?? 50,
          effort: 2,
          ...(quality.chroma ? { chromaSubsampling: quality.chroma } : {}),
        });
      case 'gif':
        return out.gif({
          progressive,
          ...animation,
          ...(lossy ? { interFrameMaxError: 8, interPaletteMaxError: 8 } : {}),
        });
      case 'tiff':
        return out.tiff({ compression: 'lzw', quality: quality.value ?? 80 });
      default:
        return invalid(`Unsupported output format: ${format}`);
    }
  };
}
