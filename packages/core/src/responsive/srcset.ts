import type { Component, CropMode } from '../transformation/index.js';
import { parseTransformation, serializeTransformation } from '../transformation/index.js';
import { appendTransformation } from '../url/append-transformation.js';
import { buildUrl, type DeliveryUrlOptions } from '../url/build.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import { type BreakpointOptions, breakpoints as breakpointList } from './breakpoints.js';

/** Width-descriptor srcset: explicit `widths` or a `breakpoints` range, plus the usual URL options. */
export interface SrcsetOptions extends DeliveryUrlOptions {
  /** Image widths in pixels. */
  widths?: readonly number[];
  /** A width range, when `widths` is not given. */
  breakpoints?: BreakpointOptions;
  /** Resize mode of the appended width component; `scale` (default) as the SDK's srcset uses. */
  crop?: CropMode;
}

/** Density-descriptor srcset (`1x, 2x`). */
export interface DprSrcsetOptions extends DeliveryUrlOptions {
  /** Device pixel ratios; default `[1, 2, 3]`. */
  dprs?: readonly number[];
  /** CSS width of the image; when omitted, the DPR joins the last component of `transformation`. */
  width?: number;
  /** CSS height of the image. */
  height?: number;
  /** Resize mode used with `width`/`height`; default `scale`. */
  crop?: CropMode;
}

function invalid(message: string): DeliveryUrlError {
  return new DeliveryUrlError('invalid_option', message);
}

function positiveList(name: string, values: readonly number[]): readonly number[] {
  if (!Array.isArray(values) || values.length === 0)
    throw invalid(`${name} must be a non-empty array of numbers`);
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw invalid(`${name} must hold positive numbers, got ${String(value)}`);
    }
  }
  return values;
}

/** Cloudinary writes DPR values with a decimal point (`dpr_2.0`). */
function dprText(dpr: number): string {
  return Number.isInteger(dpr) ? dpr.toFixed(1) : String(dpr);
}

/**
 * A `srcset` of width descriptors: for each width, the URL with a trailing `c_scale,w_<width>`
 * component (the SDK's srcset form) and `<width>w`, joined by `, `.
 */
export function srcset(publicId: string, options: SrcsetOptions): string {
  if (options == null || typeof options !== 'object') throw invalid('srcset options must be an object');
  const { widths, breakpoints, crop = 'scale', transformation, ...urlOptions } = options;
  const list = positiveList('widths', widths ?? (breakpoints ? breakpointList(breakpoints) : []));
  return list
    .map((width) => {
      const resized = appendTransformation(transformation, { crop, width: Math.round(width) });
      return `${buildUrl(publicId, { ...urlOptions, transformation: resized })} ${Math.round(width)}w`;
    })
    .join(', ');
}

/**
 * A `srcset` of density descriptors (`… 1x, … 2x`): a fixed CSS size delivered at each DPR
 * (`c_scale,dpr_2.0,w_300`).
 */
export function dprSrcset(publicId: string, options: DprSrcsetOptions): string {
  if (options == null || typeof options !== 'object') throw invalid('dprSrcset options must be an object');
  const { dprs = [1, 2, 3], width, height, crop = 'scale', transformation, ...urlOptions } = options;
  positiveList('dprs', dprs);
  let build: (dpr: string) => string;
  if (width !== undefined || height !== undefined) {
    const size: Component = {
      crop,
      ...(width !== undefined && { width }),
      ...(height !== undefined && { height }),
    };
    build = (dpr) => appendTransformation(transformation, { ...size, dpr });
  } else {
    const chain: Component[] =
      typeof transformation === 'string'
        ? [...parseTransformation(transformation)]
        : Array.isArray(transformation)
          ? [...(transformation as readonly Component[])]
          : transformation
            ? [transformation as Component]
            : [];
    const last = chain.pop();
    if (!last) throw invalid('dprSrcset needs a width, a height or a transformation that sizes the image');
    build = (dpr) => serializeTransformation([...chain, { ...last, dpr }]);
  }
  return dprs
    .map((dpr) => `${buildUrl(publicId, { ...urlOptions, transformation: build(dprText(dpr)) })} ${dpr}x`)
    .join(', ');
}
