/**
 * Opening an original (or a layer asset): header checks against the pixel limit before anything is
 * decoded, page selection for multi-page files, EXIF auto-orientation.
 */
import sharp, { type Metadata } from 'sharp';
import { Canvas } from './canvas.js';
import { invalid, RenderError } from './render-error.js';

export interface SourceInfo {
  /** sharp's name of the input format (`jpeg`, `png`, `gif`, `heif`, `svg`, …). */
  readonly format: string;
  readonly heifCompression?: string;
  /** Size of the selected page after orientation. */
  readonly width: number;
  readonly height: number;
  readonly pages: number;
  readonly hasAlpha: boolean;
  readonly bytes: number;
  /** Frame delays in ms and loop count of an animation. */
  readonly delay?: readonly number[];
  readonly loop?: number;
}

export interface OpenOptions {
  /** 1-based page or frame (`pg_2`). */
  readonly page?: number;
  /** Rasterising density for vector inputs (`dn_300`). */
  readonly density?: number;
  /** Apply the EXIF orientation (default), unless `a_ignore`. */
  readonly autoOrient: boolean;
  readonly maxInputPixels: number;
  /** Names the input in messages (`original`, `overlay logo`). */
  readonly label: string;
  /** Let later steps join the decoder pipeline where that gives the same pixels (default true). */
  readonly fuse?: boolean;
}

/** Input formats libvips can decode at a reduced size. */
const SHRINK_ON_LOAD: ReadonlySet<string> = new Set(['jpeg', 'webp']);

/** Opens an image for rendering. Throws a 400 RenderError for undecodable or oversized inputs. */
export async function openImage(
  input: Buffer | string,
  options: OpenOptions,
): Promise<{ canvas: Canvas; info: SourceInfo }> {
  let metadata: Metadata;
  try {
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new RenderError(`Cannot read the ${options.label} as an image: ${(error as Error).message}`, 400, {
      cause: error,
    });
  }
  const pages = metadata.pages ?? 1;
  const width = metadata.width ?? 0;
  const pageHeight = metadata.pageHeight ?? metadata.height ?? 0;
  if (width <= 0 || pageHeight <= 0) invalid(`The ${options.label} has no pixels`);
  if (width * pageHeight > options.maxInputPixels) {
    invalid(
      `The ${options.label} is ${width}x${pageHeight} pixels, over the limit of ${options.maxInputPixels} pixels`,
    );
  }
  const page = options.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > pages) {
    invalid(
      `Page ${options.page} does not exist: the ${options.label} has ${pages} page${pages === 1 ? '' : 's'}`,
    );
  }
  const density = options.density;
  if (density !== undefined && !(density >= 1 && density <= 2400))
    invalid(`Invalid density in transformation: ${density}`);
  const image = sharp(input, {
    limitInputPixels: options.maxInputPixels,
    autoOrient: options.autoOrient,
    ...(pages > 1 ? { page: page - 1, pages: 1 } : {}),
    ...(density !== undefined && metadata.format === 'svg' ? { density } : {}),
  });
  let outWidth = width;
  let outHeight = pageHeight;
  if (density !== undefined && metadata.format === 'svg') {
    const scale = density / (metadata.density ?? 72);
    outWidth = Math.max(1, Math.round(width * scale));
    outHeight = Math.max(1, Math.round(pageHeight * scale));
    if (outWidth * outHeight > options.maxInputPixels) {
      invalid(
        `The ${options.label} at density ${density} would be ${outWidth}x${outHeight} pixels, over the limit`,
      );
    }
  }
  const swap = options.autoOrient && (metadata.orientation ?? 1) >= 5;
  const format = metadata.format ?? 'unknown';
  const canvas = Canvas.fromPipeline(
    image,
    swap ? outHeight : outWidth,
    swap ? outWidth : outHeight,
    metadata.hasAlpha ?? false,
    {
      fuse: options.fuse ?? true,
      srgb8: metadata.space === 'srgb' && metadata.channels === 3 && metadata.depth === 'uchar',
      shrinkOnLoad: SHRINK_ON_LOAD.has(format) && pages === 1,
    },
  );
  const info: SourceInfo = {
    format,
    heifCompression: metadata.compression,
    width: canvas.width,
    height: canvas.height,
    pages,
    hasAlpha: metadata.hasAlpha ?? false,
    bytes: typeof input === 'string' ? (metadata.size ?? 0) : input.length,
    ...(metadata.delay ? { delay: metadata.delay } : {}),
    ...(metadata.loop !== undefined ? { loop: metadata.loop } : {}),
  };
  return { canvas, info };
}
