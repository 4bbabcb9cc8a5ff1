import { extensionOf, formatOfMime } from './file-format.js';
import { type CandidateFile, checkFile, limitCount, type SizeReader } from './restrictions.js';
import type { Rejection, UploadQueueOptions, UploadSource } from './upload-queue.types.js';

/** A file on its way into the queue. */
export interface IntakeFile extends CandidateFile {
  readonly source: UploadSource;
  readonly remoteUrl?: string;
}

/** What `addFiles` accepts: a `File`, or a name with any `Blob`. */
export type FileInput = File | { readonly name: string; readonly data: Blob };

/** A fresh queue id (`kumo-` and 16 base-36 characters), random in insecure contexts too. */
export function newFileId(): string {
  let id = 'kumo-';
  for (const byte of crypto.getRandomValues(new Uint8Array(16))) id += (byte % 36).toString(36);
  return id;
}

/** Normalizes an `addFiles` item. */
export function fromInput(input: FileInput, source: UploadSource): IntakeFile {
  const data = input instanceof Blob ? input : input.data;
  return { name: input.name, type: data.type, size: data.size, data, source };
}

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

/**
 * Runs the client-side checks on a batch, in order: each file's own checks, then `maxFiles` over
 * the survivors (counting what is already queued). Rejections come back in the batch's order.
 * A URL whose format cannot be told from its address is left for the server to judge.
 */
export async function screenFiles(
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
