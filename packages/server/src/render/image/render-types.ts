import type { Layer, Scalar, Transformation } from '@kumo/core';

/** Client hints the delivery route read from the request (`Sec-CH-DPR`/`DPR`, `Sec-CH-Width`/`Width`, `Viewport-Width`). */
export interface ClientHints {
  /** Device pixel ratio, used by `dpr_auto`. */
  readonly dpr?: number;
  /** Width of the image slot in device pixels, used by `w_auto`. */
  readonly width?: number;
  /** Viewport width in CSS pixels, the `w_auto` fallback when `width` is absent. */
  readonly viewportWidth?: number;
}

/** Safety limits; every value is optional and has a default (see README). */
export interface RenderLimits {
  /** Largest input (original or layer) in pixels, width × height of one page. */
  readonly maxInputPixels?: number;
  /** Largest output, and largest intermediate result, in pixels. */
  readonly maxOutputPixels?: number;
  /** Longest text overlay, in characters. */
  readonly maxTextLength?: number;
  /** Most frames rendered for an animated output. */
  readonly maxFrames?: number;
}

/** Everything the renderer needs besides the original and the transformation. */
export interface RenderContext {
  /** Requested extension without the dot (`jpg`); absent means the original's format. `f_` wins over it. */
  readonly format?: string;
  /** The request's `Accept` header, used by `f_auto`. */
  readonly accept?: string;
  readonly clientHints?: ClientHints;
  readonly limits?: RenderLimits;
  /** Fetches the bytes of an overlay/underlay asset (`l_logo`, `l_fetch:…`); `undefined` when it does not exist. */
  readonly loadLayer?: (layer: Layer) => Promise<Buffer | undefined>;
  /** Looks up a named transformation (`t_name`); `undefined` when there is none by that name. */
  readonly resolveNamed?: (name: string) => Transformation | undefined;
  /** Initial user variables (`$name` → value), e.g. from an asset's context. */
  readonly variables?: Readonly<Record<string, Scalar>>;
  /** The asset's tags, for `if_!tag!_in_tags` conditions. */
  readonly tags?: readonly string[];
  /** The asset's first `custom_coordinates` region, in pixels of the original, for `g_custom`. */
  readonly customRegion?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/** A rendered image (or, for `fl_getinfo`, a JSON description). */
export interface RenderResult {
  readonly data: Buffer;
  /** Output format: `jpg`, `png`, `webp`, `avif`, `gif`, `tiff` or `json`. */
  readonly format: string;
  readonly contentType: string;
  readonly width: number;
  readonly height: number;
  /** Request headers the result depends on (`Accept` for `f_auto`, `DPR`/`Width` for client hints). */
  readonly vary?: readonly string[];
  /** Set by `fl_attachment[:name]`: the route should answer with `Content-Disposition: attachment`. */
  readonly attachment?: { readonly filename?: string };
}
