/** What kind of asset a file becomes on the server, for the per-type size limits. */
export type FileKind = 'image' | 'video' | 'raw';

const IMAGE_EXTENSIONS = new Set([
  'jpg',
  'jpe',
  'jfif',
  'png',
  'gif',
  'webp',
  'avif',
  'bmp',
  'ico',
  'svg',
  'tiff',
  'heic',
  'heif',
  'jxl',
  'psd',
]);
// Cloudinary files audio under `video`.
const VIDEO_EXTENSIONS = new Set([
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'avi',
  'ogv',
  'mpeg',
  'mpg',
  '3gp',
  'flv',
  'wmv',
  'ts',
  'm2ts',
  'mp3',
  'wav',
  'ogg',
  'oga',
  'aac',
  'm4a',
  'flac',
  'opus',
]);

const MIME_FORMATS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/pjpeg': 'jpg',
  'image/svg+xml': 'svg',
  'image/x-icon': 'ico',
  'image/vnd.microsoft.icon': 'ico',
  'video/quicktime': 'mov',
  'video/x-msvideo': 'avi',
  'video/x-matroska': 'mkv',
  'audio/mpeg': 'mp3',
  'text/plain': 'txt',
  'application/x-zip-compressed': 'zip',
};

// Spellings of one format that a user listing allowed formats means as the same thing.
const ALIASES: Readonly<Record<string, string>> = {
  jpeg: 'jpg',
  jpe: 'jpg',
  jfif: 'jpg',
  tif: 'tiff',
  htm: 'html',
  heif: 'heic',
};

/** `photo.JPG` → `jpg`; `''` when the name has no extension. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format a list of allowed formats compares against: `JPEG` → `jpg`, `tif` → `tiff`. */
export function normalizeFormat(format: string): string {
  const lower = format.trim().replace(/^\./, '').toLowerCase();
  return ALIASES[lower] ?? lower;
}

/** `image/jpeg` → `jpg`, `video/x-matroska` → `mkv`; `''` for an empty or generic type. */
export function formatOfMime(type: string): string {
  const mime = type.split(';')[0]!.trim().toLowerCase();
  if (!mime || mime === 'application/octet-stream') return '';
  const known = MIME_FORMATS[mime];
  if (known) return known;
  const subtype = mime.slice(mime.indexOf('/') + 1).replace(/^x-/, '');
  return normalizeFormat(subtype.replace(/\+.*$/, ''));
}

/** The file's format: its extension, or, without one, what its MIME type says. */
export function formatOf(name: string, type: string): string {
  const extension = extensionOf(name);
  return normalizeFormat(extension || formatOfMime(type));
}

/** Whether the file says it is an image (by MIME type, or by extension when the type is empty). */
export function claimsImage(name: string, type: string): boolean {
  if (type) return type.toLowerCase().startsWith('image/');
  return IMAGE_EXTENSIONS.has(normalizeFormat(extensionOf(name)));
}

/** Image, video (audio included, as Cloudinary does) or raw, from the MIME type or the extension. */
export function kindOf(name: string, type: string): FileKind {
  const mime = type.toLowerCase();
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/') || mime.startsWith('audio/')) return 'video';
  const extension = normalizeFormat(extensionOf(name));
  if (!mime || mime === 'application/octet-stream') {
    if (IMAGE_EXTENSIONS.has(extension)) return 'image';
    if (VIDEO_EXTENSIONS.has(extension)) return 'video';
  }
  return 'raw';
}
