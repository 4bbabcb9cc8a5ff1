import type { CandidateFile, SizeReader } from './restrictions.js';
import type {
  Rejection,
  UploadQueueOptions,
  UploadRestrictions,
  UploadSource,
} from './upload-queue.types.js';

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

const LIMITS = [
  'maxFiles',
  'maxFileSize',
  'maxImageFileSize',
  'maxVideoFileSize',
  'maxRawFileSize',
  'minImageWidth',
  'minImageHeight',
  'maxImageWidth',
  'maxImageHeight',
] as const;

/** Whether any client-side check applies; the checks themselves load only when one does. */
export function restricts(restrictions: UploadRestrictions): boolean {
  return (
    Boolean(restrictions.clientAllowedFormats?.length) || LIMITS.some((name) => (restrictions[name] ?? 0) > 0)
  );
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
  if (!restricts(options)) return { accepted: [...files], rejected: [] };
  const { screenBatch } = await import('./restrictions.js');
  return screenBatch(files, options, alreadyQueued, readSize);
}
