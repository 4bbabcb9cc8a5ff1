/**
 * The image being rendered, as a lazily built sharp pipeline. sharp runs its operations in a fixed order
 * (extract, resize, extend, extract) whatever order they are called in, so geometric steps that fit that
 * order share one pipeline (decode, resize and encode in one pass for the common cases); anything else
 * first materialises the pipeline as raw 8-bit sRGB pixels and starts a new one from them.
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

/** Position of the last geometric operation in sharp's fixed order; `OTHER` means anything else. */
const FRESH = 0;
const EXTRACT_BEFORE = 1;
const RESIZE = 2;
const EXTEND = 3;
const EXTRACT_AFTER = 4;
const OTHER = 9;

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
  width: number;
  height: number;
  hasAlpha: boolean;

  private constructor(image: Sharp, width: number, height: number, hasAlpha: boolean, raw?: RawImage) {
    this.#image = image;
    this.#stage = FRESH;
    this.#raw = raw;
    this.width = width;
    this.height = height;
    this.hasAlpha = hasAlpha;
  }

  /** A canvas over a decoder pipeline whose output size is already known. */
  static fromPipeline(image: Sharp, width: number, height: number, hasAlpha: boolean): Canvas {
    return new Canvas(image, width, height, hasAlpha);
  }

  static fromRaw(raw: RawImage): Canvas {
    return new Canvas(rawPipeline(raw), raw.width, raw.height, raw.channels === 2 || raw.channels === 4, raw);
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
