/**
 * The image being rendered, as a lazily built sharp pipeline. sharp runs its operations in a fixed order
 * (extract, resize, extend, extract, then blur, recomb, modulate, sharpen, linear, negate) whatever order
 * they are called in, so steps that fit that order share one pipeline (decode, resize, effect and encode
 * in one pass for the common cases, with JPEG and WebP decoded at a reduced size); anything else first
 * materialises the pipeline as raw 8-bit sRGB pixels and starts a new one from them.
 */
import sharp, { type KernelEnum, type OutputInfo, type Sharp } from 'sharp';
import type { Rgba } from './colors.js';

export interface RawImage {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 2 | 3 | 4;
}

export interface Region {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Position of the last operation in sharp's fixed order: the geometric ones here, the pixel effects in
 * `EFFECT_STAGES`; `OTHER` means anything else.
 */
const FRESH = 0;
const EXTRACT_BEFORE = 1;
const RESIZE = 2;
const EXTEND = 3;
const EXTRACT_AFTER = 4;
const OTHER = 9;

/** Pixel operations sharp runs after the geometry, as stages in its fixed order. */
const EFFECT_STAGES = { blur: 10, recomb: 11, modulate: 12, sharpen: 13, linear: 14, negate: 15 } as const;
export type EffectStage = keyof typeof EFFECT_STAGES;
const FIRST_EFFECT = EFFECT_STAGES.blur;

/** What the decoder pipeline of a canvas allows. */
export interface PipelineTraits {
  /**
   * Whether steps beyond sharp's geometry may join the pipeline ({@link Canvas.effect},
   * {@link Canvas.coverCrop}); off, every such step materialises the pixels first (the stepwise
   * reference the fused pipeline is tested against).
   */
  readonly fuse: boolean;
  /** The decoder yields 8-bit sRGB colour, as materialised pixels are. */
  readonly srgb8: boolean;
  /** The decoder can decode at a reduced size (JPEG, WebP), which a resize placed first makes use of. */
  readonly shrinkOnLoad: boolean;
}

const STEPWISE: PipelineTraits = { fuse: false, srgb8: false, shrinkOnLoad: false };

export function rawPipeline(raw: RawImage): Sharp {
  return sharp(raw.data, {
    raw: { width: raw.width, height: raw.height, channels: raw.channels },
    limitInputPixels: false,
  });
}

export class Canvas {
  #image: Sharp;
  #stage: number;
  #raw: RawImage | undefined;
  readonly #fuse: boolean;
  #srgb8: boolean;
  #shrinkOnLoad: boolean;
  width: number;
  height: number;
  hasAlpha: boolean;

  private constructor(
    image: Sharp,
    width: number,
    height: number,
    hasAlpha: boolean,
    traits: PipelineTraits,
    raw?: RawImage,
  ) {
    this.#image = image;
    this.#stage = FRESH;
    this.#raw = raw;
    this.#fuse = traits.fuse;
    this.#srgb8 = traits.srgb8;
    this.#shrinkOnLoad = traits.shrinkOnLoad;
    this.width = width;
    this.height = height;
    this.hasAlpha = hasAlpha;
  }

  /** A canvas over a decoder pipeline whose output size is already known. */
  static fromPipeline(
    image: Sharp,
    width: number,
    height: number,
    hasAlpha: boolean,
    traits: PipelineTraits = STEPWISE,
  ): Canvas {
    return new Canvas(image, width, height, hasAlpha, traits);
  }

  static fromRaw(raw: RawImage): Canvas {
    return new Canvas(
      rawPipeline(raw),
      raw.width,
      raw.height,
      raw.channels === 2 || raw.channels === 4,
      STEPWISE,
      raw,
    );
  }

  /** Whether steps may join the pipeline beyond sharp's geometry (see {@link PipelineTraits.fuse}). */
  get fuses(): boolean {
    return this.#fuse;
  }

  /** Whether a resize now would let the decoder produce fewer pixels (nothing has run yet). */
  get decodesReduced(): boolean {
    return this.#fuse && this.#shrinkOnLoad && this.#stage === FRESH;
  }

  /** Whether {@link effect} joins the pipeline now (the pixels are opaque 8-bit sRGB colour). */
  get fusesEffects(): boolean {
    return this.#fuse && this.#srgb8 && !this.hasAlpha;
  }

  /** Whether pixel effects are waiting in the pipeline (they would be encoded along with it). */
  get effectsPending(): boolean {
    return this.#stage >= FIRST_EFFECT;
  }

  /** A plain rectangle of one colour. */
  static async blank(width: number, height: number, color: Rgba): Promise<Canvas> {
    const data = await sharp({ create: { width, height, channels: 4, background: color } })
      .raw()
      .toBuffer();
    return Canvas.fromRaw({ data, width, height, channels: 4 });
  }

  /** Runs the pending pipeline into raw pixels and starts a fresh one from them. */
  async flush(): Promise<void> {
    if (this.#stage === FRESH && this.#raw) return;
    const { data, info } = await this.#image
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    const raw: RawImage = { data, width: info.width, height: info.height, channels: info.channels };
    this.#replace(raw);
  }

  #replace(raw: RawImage): void {
    this.#image = rawPipeline(raw);
    this.#raw = raw;
    this.#stage = FRESH;
    this.#srgb8 = raw.channels >= 3;
    this.#shrinkOnLoad = false;
    this.width = raw.width;
    this.height = raw.height;
    this.hasAlpha = raw.channels === 2 || raw.channels === 4;
  }

  async #reach(stage: number): Promise<void> {
    if (this.#stage >= stage) await this.flush();
    this.#stage = stage;
  }

  async extract(region: Region): Promise<void> {
    if (region.left === 0 && region.top === 0 && region.width === this.width && region.height === this.height)
      return;
    const stage = this.#stage === RESIZE || this.#stage === EXTEND ? EXTRACT_AFTER : EXTRACT_BEFORE;
    await this.#reach(stage);
    this.#image = this.#image.extract(region);
    this.width = region.width;
    this.height = region.height;
  }

  async resize(width: number, height: number, kernel: keyof KernelEnum = 'lanczos3'): Promise<void> {
    if (width === this.width && height === this.height) return;
    await this.#reach(RESIZE);
    this.#image = this.#image.resize({ width, height, fit: 'fill', kernel });
    this.width = width;
    this.height = height;
  }

  /**
   * `fit: 'cover'` to exactly `width`×`height`, the window chosen by one of sharp's saliency strategies
   * on the resized image, all inside the pipeline.
   */
  async coverCrop(width: number, height: number, strategy: 'attention' | 'entropy'): Promise<void> {
    await this.#reach(RESIZE);
    this.#image = this.#image.resize({ width, height, fit: 'cover', position: sharp.strategy[strategy] });
    this.width = width;
    this.height = height;
  }

  async extend(
    edges: { top: number; right: number; bottom: number; left: number },
    background: Rgba,
  ): Promise<void> {
    if (edges.top === 0 && edges.right === 0 && edges.bottom === 0 && edges.left === 0) return;
    await this.#reach(EXTEND);
    this.#image = this.#image.extend({ ...edges, background });
    this.width += edges.left + edges.right;
    this.height += edges.top + edges.bottom;
    if (background.alpha < 1) this.hasAlpha = true;
  }

  /**
   * Applies any other sharp operation in a pipeline of its own and materialises the result, so that the
   * size (which the operation may change: trim, rotate) is known afterwards.
   */
  async apply(operation: (image: Sharp) => Sharp): Promise<void> {
    await this.flush();
    this.#image = operation(this.#image);
    this.#stage = OTHER;
    await this.flush();
  }

  /**
   * A pixel effect that keeps the size. It joins the pipeline when that gives the pixels `apply` would:
   * opaque 8-bit sRGB (no premultiplied alpha, no other colour space, no grey band), after materialising
   * what is pending when `stage` is not ahead of it in sharp's order; otherwise it runs through `apply`.
   */
  async effect(stage: EffectStage, operation: (image: Sharp) => Sharp): Promise<void> {
    if (!this.fusesEffects) return this.apply(operation);
    await this.#reach(EFFECT_STAGES[stage]);
    this.#image = operation(this.#image);
  }

  /** The current pixels (4 channels when `alpha` is set). */
  async pixels(alpha = false): Promise<RawImage> {
    if (alpha && !this.hasAlpha) {
      await this.apply((image) => image.ensureAlpha());
    } else {
      await this.flush();
    }
    return this.#raw!;
  }

  /** Replaces the image with pixels computed outside sharp. */
  setPixels(raw: RawImage): void {
    this.#replace(raw);
  }

  /** An independent pipeline over the current pixels (for analysis or as a composite input). */
  async snapshot(): Promise<Sharp> {
    await this.flush();
    return rawPipeline(this.#raw!);
  }

  /** The current pixels as a `composite` input. */
  async overlayInput(): Promise<{
    input: Buffer;
    raw: { width: number; height: number; channels: 1 | 2 | 3 | 4 };
  }> {
    await this.flush();
    const raw = this.#raw!;
    return { input: raw.data, raw: { width: raw.width, height: raw.height, channels: raw.channels } };
  }

  /** Merges transparency onto a colour; sharp flattens before extending, so pending padding is run first. */
  async flatten(background: Rgba): Promise<void> {
    if (!this.hasAlpha) return;
    if (this.#stage >= EXTEND) await this.flush();
    this.#image = this.#image.flatten({ background });
    this.#stage = Math.max(this.#stage, RESIZE);
    this.hasAlpha = false;
  }

  /** Finishes the pipeline with the given encoder settings. */
  async encode(finish: (image: Sharp) => Sharp): Promise<{ data: Buffer; info: OutputInfo }> {
    return finish(this.#image).toBuffer({ resolveWithObject: true });
  }
}
