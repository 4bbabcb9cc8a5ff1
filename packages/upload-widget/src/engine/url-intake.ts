import { formatOfMime } from './file-format.js';
import type { IntakeFile } from './file-intake.js';
import type { Rejection } from './upload-queue.types.js';

const REMOTE_SCHEMES = new Set(['http:', 'https:', 'ftp:', 's3:', 'gs:']);
const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),/i;

function displayName(url: URL): string {
  const segment = url.pathname.split('/').filter(Boolean).pop();
  if (!segment) return url.hostname || url.href;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A `url` source file the server fetches (`file=<url>`): http(s), ftp, s3, gs or a data URI, the
 * sources Cloudinary's Upload API accepts. Anything else is refused as `unreadable`.
 */
export function fromUrl(raw: string): IntakeFile | Rejection {
  const text = raw.trim();
  const dataUri = DATA_URI.exec(text);
  if (dataUri) {
    const type = (dataUri[1] ?? '').toLowerCase();
    const format = formatOfMime(type) || 'bin';
    return { name: `file.${format}`, type, size: 0, source: 'url', remoteUrl: text };
  }
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !REMOTE_SCHEMES.has(url.protocol)) {
    return { name: text, reason: 'unreadable', values: { url: text } };
  }
  return { name: displayName(url), type: '', size: 0, source: 'url', remoteUrl: url.href };
}
