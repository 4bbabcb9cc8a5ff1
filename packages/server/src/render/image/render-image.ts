/**
 * `renderImage`: applies a parsed transformation to an original and encodes the result. Pure: no HTTP,
 * storage or database; layers and named transformations come through the context's callbacks.
 */
import type { Component, Transformation } from '@kumo/core';
import sharp from 'sharp';
import type { Canvas } from './canvas.js';
import { ChainRunner, type ResolvedLimits } from './chain-runner.js';
import { structureChain } from './chain-structure.js';
import { WHITE } from './colors.js';
import { openImage, type SourceInfo } from './image-source.js';
import {
  ALPHA_FORMATS,
  autoFormat,
  CONTENT_TYPES,
  defaultFormat,
  encoder,
  outputFormatName,
} from './output-format.js';
import { invalid, RenderError } from './render-error.js';
import type { RenderContext, RenderLimits, RenderResult } from './render-types.js';

/** Defaults for {@link RenderLimits}. */
export const DEFAULT_LIMITS: ResolvedLimits = {
  maxInputPixels: 100_000_000,
  maxOutputPixels: 50_000_000,
  maxTextLength: 1000,
  maxFrames: 200,
};

function resolveLimits(limits: RenderLimits | undefined): ResolvedLimits {
  const pick = (value: number | undefined, fallback: number) =>
    value !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
  return {
    maxInputPixels: pick(limits?.maxInputPixels, DEFAULT_LIMITS.maxInputPixels),
    maxOutputPixels: pick(limits?.maxOutputPixels, DEFAULT_LIMITS.maxOutputPixels),
    maxTextLength: pick(limits?.maxTextLength, DEFAULT_LIMITS.maxTextLength),
    maxFrames: pick(limits?.maxFrames, DEFAULT_LIMITS.maxFrames),
  };
}

/** Parameters read when opening the original: the first `pg_` and `dn_` in the chain, and `a_ignore`. */
function loadParameters(transformation: Transformation): {
  page?: number;
  density?: number;
  autoOrient: boolean;
} {
  let page: number | undefined;
  let density: number | undefined;
  let autoOrient = true;
  for (const component of transformation) {
    if (page === undefined && component.page !== undefined) {
      const value = Number(component.page);
      if (!Number.isInteger(value) || value < 1) {
        invalid(`Unsupported page selection: pg_${component.page} (a single page number is supported)`);
      }
      page = value;
    }
    if (density === undefined && component.density !== undefined) {
      density = Number(component.density);
      if (!Number.isFinite(density)) invalid(`Invalid density in transformation: ${component.density}`);
    }
    const angles: readonly unknown[] = Array.isArray(component.angle) ? component.angle : [component.angle];
    if (angles.includes('ignore')) autoOrient = false;
  }
  return { page, density, autoOrient };
}

async function hasTransparency(canvas: Canvas): Promise<boolean> {
  if (!canvas.hasAlpha) return false;
  const stats = await (await canvas.snapshot()).stats();
  return !stats.isOpaque;
}

function attachmentOf(flags: ReadonlySet<string>): RenderResult['attachment'] {
  for (const flag of flags) {
    if (flag === 'attachment') return {};
    if (flag.startsWith('attachment:')) {
      const name = flag.slice('attachment:'.length);
      let filename = name;
      try {
        filename = decodeURIComponent(name);
      } catch {
        // Keep the name as written.
      }
      return { filename };
    }
  }
  return undefined;
}

interface RenderedPage {
  readonly canvas: Canvas;
  readonly info: SourceInfo;
  readonly runner: ChainRunner;
}

/** How the renderer builds its sharp pipelines; the output does not depend on it beyond resampling noise. */
export interface RenderEngineOptions {
  /**
   * Join steps into one pipeline where sharp's fixed order allows (default): crops as resize-then-cut
   * with reduced-size decoding, saliency crops by sharp's own strategy, simple effects. `false` runs
   * them step by step over materialised pixels, the reference the fused pipeline is tested against.
   */
  readonly fusePipeline?: boolean;
}

interface Job {
  readonly input: Buffer | string;
  readonly steps: ReturnType<typeof structureChain>;
  readonly context: RenderContext;
  readonly limits: ResolvedLimits;
  readonly load: ReturnType<typeof loadParameters>;
  readonly fuse: boolean;
}

/** Opens one page of the original and runs the whole chain on it. */
async function renderPage(job: Job, page: number | undefined): Promise<RenderedPage> {
  const { canvas, info } = await openImage(job.input, {
    page,
    density: job.load.density,
    autoOrient: job.load.autoOrient,
    maxInputPixels: job.limits.maxInputPixels,
    label: 'original',
    fuse: job.fuse,
  });
  const runner = new ChainRunner(job.context, job.limits, {
    width: info.width,
    height: info.height,
    pages: info.pages,
    page: page ?? 1,
  });
  await runner.run(job.steps, canvas, { depth: 0, base: true, relativeAll: false });
  runner.checkPixels(canvas.width, canvas.height);
  return { canvas, info, runner };
}

const ANIMATED_INPUTS: ReadonlySet<string> = new Set(['gif', 'webp']);
const ANIMATED_OUTPUTS: ReadonlySet<string> = new Set(['gif', 'webp']);

/**
 * Every frame of an animation through the chain (up to `maxFrames`), joined into one animated image.
 * Frames whose result differs in size from the first (content-dependent steps such as `e_trim`) are
 * resized to the first frame's size.
 */
async function renderAnimation(
  job: Job,
  first: RenderedPage,
  format: string,
): Promise<{ data: Buffer; width: number; height: number }> {
  const { info, runner } = first;
  const count = Math.min(info.pages, job.limits.maxFrames);
  const firstFrame = await first.canvas.pixels(true);
  const { width, height } = firstFrame;
  if (count * width * height > job.limits.maxOutputPixels) {
    invalid(
      `Animation would be ${count} frames of ${width}x${height} pixels, over the limit of ${job.limits.maxOutputPixels} pixels`,
    );
  }
  const frames: Buffer[] = [firstFrame.data];
  for (let page = 2; page <= count; page++) {
    const { canvas } = await renderPage(job, page);
    if (canvas.width !== width || canvas.height !== height) await canvas.resize(width, height);
    frames.push((await canvas.pixels(true)).data);
  }
  const delay = Array.from({ length: count }, (_, i) => runner.output.delay ?? info.delay?.[i] ?? 100);
  const animation = sharp(Buffer.concat(frames), {
    raw: { width, height: height * count, channels: 4, pageHeight: height },
    limitInputPixels: false,
  });
  const data = await encoder({
    format,
    quality: runner.output.quality,
    flags: runner.output.flags,
    animation: { delay, loop: info.loop ?? 0 },
  })(animation).toBuffer();
  return { data, width, height };
}

async function render(
  input: Buffer | string,
  transformation: Transformation,
  context: RenderContext,
  engine: RenderEngineOptions,
): Promise<RenderResult> {
  if (!Array.isArray(transformation)) invalid('A transformation must be a list of components');
  if (!(Buffer.isBuffer(input) || typeof input === 'string'))
    invalid('The original must be a Buffer or a file path');
  const limits = resolveLimits(context.limits);
  const steps = structureChain(transformation as readonly Component[]);
  const load = loadParameters(transformation);
  const job: Job = { input, steps, context, limits, load, fuse: engine.fusePipeline ?? true };
  const first = await renderPage(job, load.page);
  const { canvas, info, runner } = first;
  const animated = info.pages > 1 && load.page === undefined && ANIMATED_INPUTS.has(info.format);

  const requested = runner.output.format ?? context.format;
  let format: string;
  if (requested === undefined) {
    format = defaultFormat(info.format, info.heifCompression, canvas.hasAlpha);
  } else if (requested === 'auto' || requested.startsWith('auto:')) {
    const accepts = /image\/(avif|webp)/i.test(context.accept ?? '');
    format = autoFormat(context.accept, accepts ? canvas.hasAlpha : await hasTransparency(canvas), animated);
    runner.vary.add('Accept');
  } else {
    format = outputFormatName(requested);
  }
  const flags = runner.output.flags;
  const vary = runner.vary.size > 0 ? { vary: [...runner.vary] } : {};
  const attachment = attachmentOf(flags);
  const extra = { ...vary, ...(attachment ? { attachment } : {}) };

  if (animated && ANIMATED_OUTPUTS.has(format) && !flags.has('getinfo')) {
    const { data, width, height } = await renderAnimation(job, first, format);
    return { data, format, contentType: CONTENT_TYPES[format]!, width, height, ...extra };
  }
  if (!ALPHA_FORMATS.has(format)) await canvas.flatten(runner.output.background ?? WHITE);
  // Kept metadata includes the ICC profile, which makes sharp skip the conversion to sRGB: effects must
  // not run on the unconverted colours.
  if (canvas.effectsPending && (flags.has('keep_iptc') || flags.has('keep_attribution')))
    await canvas.flush();
  const encoded = await canvas.encode(encoder({ format, quality: runner.output.quality, flags }));
  const { width, height } = encoded.info;
  if (flags.has('getinfo')) {
    const description = describe(info, format, width, height, encoded.data.length);
    return {
      data: Buffer.from(JSON.stringify(description)),
      format: 'json',
      contentType: CONTENT_TYPES['json']!,
      width,
      height,
      ...extra,
    };
  }
  return { data: encoded.data, format, contentType: CONTENT_TYPES[format]!, width, height, ...extra };
}

/** The `fl_getinfo` document: what came in and what would go out. */
function describe(info: SourceInfo, format: string, width: number, height: number, bytes: number): object {
  return {
    input: {
      width: info.width,
      height: info.height,
      format: info.format === 'jpeg' ? 'jpg' : info.format,
      bytes: info.bytes,
      pages: info.pages,
    },
    output: { width, height, format, bytes },
  };
}

/**
 * Renders `transformation` applied to the original `input` (bytes or a file path).
 *
 * Throws only {@link RenderError}: status 400 for a transformation that cannot be rendered (invalid,
 * unsupported, over a pixel limit, or an undecodable input), 404 for a missing layer asset.
 */
export async function renderImage(
  input: Buffer | string,
  transformation: Transformation,
  context: RenderContext = {},
  engine: RenderEngineOptions = {},
): Promise<RenderResult> {
  try {
    return await render(input, transformation, context ?? {}, engine ?? {});
  } catch (error) {
    if (error instanceof RenderError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new RenderError(`Image processing failed: ${message}`, 400, { cause: error });
  }
}
