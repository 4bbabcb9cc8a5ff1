import { customCoordinates } from './engine-kit.js';
import { claimsImage, extensionOf } from './file-format.js';
import { adjustImage } from './image-resize.js';
import type { KumoUppyFile } from './kumo-file-meta.js';
import type { UploadQueueOptions } from './upload-queue.types.js';

/** The bytes to send for a local file, after any crop or downscale. */
export interface PreparedFile {
  readonly blob: Blob;
  readonly filename: string;
  readonly customCoordinates?: string;
  /** True when `blob` differs from the queued file (kept for resuming, since re-encoding may differ). */
  readonly changed: boolean;
}

function replaceExtension(name: string, extension: string): string {
  const current = extensionOf(name);
  return current ? `${name.slice(0, -current.length)}${extension}` : `${name}.${extension}`;
}

/**
 * What to send for a local file. An interrupted chunked upload continues with the bytes it started
 * with. Otherwise images are cropped (`apply` mode) and scaled down (`maxImageWidth`/`maxImageHeight`
 * without `validateMaxWidthHeight`) in the browser; in `coordinates` mode the crop travels as
 * `custom_coordinates`, scaled like the uploaded pixels. Files that are not images go as they are,
 * their crop (if any) as coordinates.
 */
export async function prepareUpload(file: KumoUppyFile, options: UploadQueueOptions): Promise<PreparedFile> {
  const original = file.data as Blob;
  const resume = file.meta.resume;
  if (resume) {
    return {
      blob: resume.preparedData ?? original,
      // Only a crop of an image the canvas cannot write back changes the type (to PNG).
      filename:
        resume.preparedData && resume.preparedData.type !== file.type
          ? replaceExtension(file.name, 'png')
          : file.name,
      customCoordinates: resume.customCoordinates,
      changed: resume.preparedData !== undefined,
    };
  }
  const crop = file.meta.crop;
  const asIs: PreparedFile = {
    blob: original,
    filename: file.name,
    customCoordinates: crop ? customCoordinates(crop.rect) : undefined,
    changed: false,
  };
  if (!claimsImage(file.name, file.type) || file.type === 'image/svg+xml') return asIs;
  const downscale = !options.validateMaxWidthHeight;
  const adjusted = await adjustImage(original, {
    crop: crop?.mode === 'apply' ? crop.rect : undefined,
    maxWidth: downscale ? options.maxImageWidth : undefined,
    maxHeight: downscale ? options.maxImageHeight : undefined,
    type: file.type,
  });
  if (!adjusted) return asIs;
  const formatChanged = adjusted.blob.type !== (original.type || file.type);
  return {
    blob: adjusted.blob,
    filename: formatChanged ? replaceExtension(file.name, 'png') : file.name,
    customCoordinates:
      crop?.mode === 'coordinates' ? customCoordinates(crop.rect, adjusted.scale) : undefined,
    changed: true,
  };
}
