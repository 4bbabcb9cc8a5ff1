import { KumoClientError } from './engine-kit.js';
import type { CropRect } from './upload-queue.types.js';

/** Pixel size of an image. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/** Formats a canvas can write back; other images are cropped to PNG and never downscaled. */
const ENCODABLE = new Set(['image/jpeg', 'image/png', 'image/webp']);
const QUALITY = 0.92;

/** Decodes an image to read its size (EXIF orientation applied); undefined when the browser cannot read it. */
export async function readImageSize(blob: Blob): Promise<ImageSize | undefined> {
  let bitmap: ImageBitmap | undefined;
  try {
    bitmap = await createImageBitmap(blob);
    return { width: bitmap.width, height: bitmap.height };
  } catch {
    return undefined;
  } finally {
    bitmap?.close();
  }
}

/** What to do to an image before upload. */
export interface ImageAdjustments {
  /** Keep only this rectangle (source pixels). */
  readonly crop?: CropRect;
  /** Scale down (never up), keeping the aspect ratio, to fit these bounds. */
  readonly maxWidth?: number;
  readonly maxHeight?: number;
  /** The image's MIME type when the blob does not carry one (a `Blob` made without a type). */
  readonly type?: string;
}

/** The adjusted image. */
export interface AdjustedImage {
  readonly blob: Blob;
  /** Output pixels per source pixel (1 when only cropped). */
  readonly scale: number;
  readonly width: number;
  readonly height: number;
}

/** The scale that fits `size` within the bounds, at most 1. */
export function fitScale(size: ImageSize, maxWidth?: number, maxHeight?: number): number {
  const byWidth = maxWidth && maxWidth > 0 ? maxWidth / size.width : 1;
  const byHeight = maxHeight && maxHeight > 0 ? maxHeight / size.height : 1;
  return Math.min(1, byWidth, byHeight);
}

/** The crop rectangle in whole pixels, inside the image; undefined when nothing of it is inside. */
export function clampCrop(rect: CropRect, size: ImageSize): CropRect | undefined {
  const x = Math.max(0, Math.round(rect.x));
  const y = Math.max(0, Math.round(rect.y));
  const right = Math.min(size.width, Math.round(rect.x + rect.width));
  const bottom = Math.min(size.height, Math.round(rect.y + rect.height));
  if (right - x < 1 || bottom - y < 1) return undefined;
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * Crops and/or scales an image in the browser (createImageBitmap + OffscreenCanvas), keeping its
 * format. Resolves undefined when nothing needs doing, or when only a downscale was asked for an image
 * the browser cannot decode or re-encode (it is then uploaded as it is). A crop that cannot be done
 * rejects: uploading the uncropped picture would not be what the user chose.
 */
export async function adjustImage(
  blob: Blob,
  adjustments: ImageAdjustments,
): Promise<AdjustedImage | undefined> {
  const { crop, maxWidth, maxHeight } = adjustments;
  if (!crop && !maxWidth && !maxHeight) return undefined;
  const type = (blob.type || adjustments.type || '').toLowerCase();
  const encodable = ENCODABLE.has(type);
  if (!crop && !encodable) return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    if (crop) throw new KumoClientError('The image could not be read to crop it');
    return undefined;
  }
  try {
    const full = { width: bitmap.width, height: bitmap.height };
    const region = crop ? clampCrop(crop, full) : { x: 0, y: 0, ...full };
    if (!region) throw new KumoClientError('The crop rectangle lies outside the image');
    const scale = fitScale(region, maxWidth, maxHeight);
    const isWhole = region.width === full.width && region.height === full.height;
    if (scale === 1 && isWhole) return undefined;
    const width = Math.max(1, Math.round(region.width * scale));
    const height = Math.max(1, Math.round(region.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new KumoClientError('This browser cannot draw images off-screen');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, region.x, region.y, region.width, region.height, 0, 0, width, height);
    const outputType = encodable ? type : 'image/png';
    const output = await canvas.convertToBlob({
      type: outputType,
      quality: outputType === 'image/png' ? undefined : QUALITY,
    });
    return { blob: output, scale, width, height };
  } finally {
    bitmap.close();
  }
}
