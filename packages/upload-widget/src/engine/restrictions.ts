import { claimsImage, extensionOf, formatOf, kindOf, normalizeFormat } from './file-format.js';
import type { IntakeFile } from './file-intake.js';
import { type ImageSize, readImageSize } from './image-resize.js';
import type { Rejection, UploadQueueOptions, UploadRestrictions } from './upload-queue.types.js';

/** What the checks need to know about a file. */
export interface CandidateFile {
  readonly name: string;
  readonly type: string;
  readonly size: number;
  /** The bytes, for the dimension checks; absent for a URL the server fetches. */
  readonly data?: Blob;
}

/** Reads an image's size; injectable so the pure checks can be tested without decoding. */
export type SizeReader = (blob: Blob) => Promise<ImageSize | undefined>;

/** The byte limit that applies to a file: `maxFileSize` and the per-type limit, whichever is lower. */
export function sizeLimitFor(file: CandidateFile, restrictions: UploadRestrictions): number | undefined {
  const kind = kindOf(file.name, file.type);
  const perKind =
    kind === 'image'
      ? restrictions.maxImageFileSize
      : kind === 'video'
        ? restrictions.maxVideoFileSize
        : restrictions.maxRawFileSize;
  const limits = [restrictions.maxFileSize, perKind].filter(
    (limit): limit is number => typeof limit === 'number' && Number.isFinite(limit) && limit > 0,
  );
  return limits.length ? Math.min(...limits) : undefined;
}

/** `file-too-large` when the file is over its byte limit. */
export function checkSize(file: CandidateFile, restrictions: UploadRestrictions): Rejection | undefined {
  const limit = sizeLimitFor(file, restrictions);
  if (limit === undefined || file.size <= limit) return undefined;
  return { name: file.name, reason: 'file-too-large', values: { maxBytes: limit, size: file.size } };
}

/**
 * `format-not-allowed` unless the file's format is in `clientAllowedFormats`: by extension, or by MIME
 * type when the name has none. `jpeg`/`jpg` and `tif`/`tiff` count as one format.
 */
export function checkFormat(file: CandidateFile, restrictions: UploadRestrictions): Rejection | undefined {
  const allowed = (restrictions.clientAllowedFormats ?? []).map(normalizeFormat).filter(Boolean);
  if (!allowed.length) return undefined;
  const format = formatOf(file.name, file.type);
  if (format && allowed.includes(format)) return undefined;
  return {
    name: file.name,
    reason: 'format-not-allowed',
    values: { formats: (restrictions.clientAllowedFormats ?? []).join(', '), format },
  };
}

/** Whether any dimension limit is set, so images need decoding at all. */
export function hasDimensionLimits(restrictions: UploadRestrictions): boolean {
  return [
    restrictions.minImageWidth,
    restrictions.minImageHeight,
    restrictions.maxImageWidth,
    restrictions.maxImageHeight,
  ].some((value) => typeof value === 'number' && value > 0);
}

/**
 * Pixel checks for files that claim to be images: `unreadable` when they cannot be decoded,
 * `image-too-small` under the minimums, `image-too-large` over the maximums when
 * `validateMaxWidthHeight` (otherwise large images are scaled down at upload time). SVG has no pixel
 * size of its own and is not checked.
 */
export async function checkDimensions(
  file: CandidateFile,
  restrictions: UploadRestrictions,
  readSize: SizeReader = readImageSize,
): Promise<Rejection | undefined> {
  if (!file.data || !hasDimensionLimits(restrictions) || !claimsImage(file.name, file.type)) return undefined;
  if (file.type === 'image/svg+xml' || extensionOf(file.name) === 'svg') return undefined;
  const size = await readSize(file.data);
  if (!size) return { name: file.name, reason: 'unreadable', values: {} };
  const { minImageWidth: minWidth = 0, minImageHeight: minHeight = 0 } = restrictions;
  if (size.width < minWidth || size.height < minHeight) {
    return {
      name: file.name,
      reason: 'image-too-small',
      values: { width: size.width, height: size.height, minWidth, minHeight },
    };
  }
  const { maxImageWidth: maxWidth, maxImageHeight: maxHeight } = restrictions;
  const tooLarge =
    (maxWidth !== undefined && maxWidth > 0 && size.width > maxWidth) ||
    (maxHeight !== undefined && maxHeight > 0 && size.height > maxHeight);
  if (tooLarge && restrictions.validateMaxWidthHeight) {
    return {
      name: file.name,
      reason: 'image-too-large',
      values: {
        width: size.width,
        height: size.height,
        ...(maxWidth ? { maxWidth } : {}),
        ...(maxHeight ? { maxHeight } : {}),
      },
    };
  }
  return undefined;
}

/** Every per-file check, cheapest first; the first refusal wins. */
export async function checkFile(
  file: CandidateFile,
  restrictions: UploadRestrictions,
  readSize: SizeReader = readImageSize,
): Promise<Rejection | undefined> {
  return (
    checkFormat(file, restrictions) ??
    checkSize(file, restrictions) ??
    (await checkDimensions(file, restrictions, readSize))
  );
}

/**
 * Splits accepted files at `maxFiles` (counting the files already queued): the ones past the limit
 * are refused with `max-files`, as Cloudinary's widget refuses a batch that exceeds it.
 */
export function limitCount<T extends { readonly name: string }>(
  files: readonly T[],
  alreadyQueued: number,
  maxFiles: number | undefined,
): { accepted: T[]; rejected: Rejection[] } {
  if (maxFiles === undefined || !Number.isFinite(maxFiles) || maxFiles <= 0)
    return { accepted: [...files], rejected: [] };
  const room = Math.max(0, Math.floor(maxFiles) - alreadyQueued);
  return {
    accepted: files.slice(0, room),
    rejected: files
      .slice(room)
      .map((file) => ({ name: file.name, reason: 'max-files', values: { max: maxFiles } })),
  };
}

/** `screenFiles` once some check applies. */
export async function screenBatch(
  files: readonly IntakeFile[],
  options: UploadQueueOptions,
  alreadyQueued: number,
  readSize?: SizeReader,
): Promise<{ accepted: IntakeFile[]; rejected: Rejection[] }> {
  const verdicts = await Promise.all(
    files.map((file) => {
      const unknownRemoteFormat = file.source === 'url' && !extensionOf(file.name) && !file.type;
      const restrictions = unknownRemoteFormat ? { ...options, clientAllowedFormats: undefined } : options;
      return checkFile(file, restrictions, readSize);
    }),
  );
  const passed = files.map((file, index) => ({ file, index })).filter(({ index }) => !verdicts[index]);
  const counted = limitCount(
    passed.map(({ file, index }) => ({ name: file.name, file, index })),
    alreadyQueued,
    options.maxFiles,
  );
  const rejected: { index: number; rejection: Rejection }[] = [];
  verdicts.forEach((rejection, index) => {
    if (rejection) rejected.push({ index, rejection });
  });
  counted.rejected.forEach((rejection, position) => {
    const index = passed[counted.accepted.length + position]!.index;
    rejected.push({ index, rejection });
  });
  rejected.sort((a, b) => a.index - b.index);
  return {
    accepted: counted.accepted.map((entry) => entry.file),
    rejected: rejected.map((entry) =>
      Object.freeze({ ...entry.rejection, values: Object.freeze({ ...entry.rejection.values }) }),
    ),
  };
}
