import { randomUploadId, type UploadResponse } from '@kumo/core';
import { KumoApiError, postForm, withRetries } from './engine-kit.js';

/** Where a chunked upload stands: the server has every byte before `offset` under `uploadId`. */
export interface ChunkResumePoint {
  readonly uploadId: string;
  readonly offset: number;
}

/** One file sent in chunks. */
export interface ChunkedUpload {
  readonly url: string;
  /** The signed (or unsigned) fields, the same for every chunk. */
  readonly fields: readonly (readonly [string, string])[];
  readonly blob: Blob;
  readonly filename: string;
  readonly chunkSize: number;
  readonly retryDelays: readonly number[];
  /** Continue an interrupted upload (same id, next range) instead of starting afresh. */
  readonly resume?: ChunkResumePoint;
  readonly signal?: AbortSignal;
  /** Bytes of the file sent so far, acknowledged chunks plus the current one's progress. */
  readonly onProgress?: (sent: number, total: number) => void;
  /** A chunk was acknowledged (or a fresh upload id chosen, at offset 0). */
  readonly onResumePoint?: (point: ChunkResumePoint) => void;
  /** The last chunk's bytes are all sent: the server is assembling and processing the file. */
  readonly onFinalSent?: () => void;
}

/** Answer to a chunk that did not complete the file. */
interface PartialAnswer {
  readonly done: false;
  readonly bytes?: number;
}

function isPartial(answer: unknown): answer is PartialAnswer {
  return (answer as PartialAnswer | null)?.done === false;
}

/**
 * Sends a file in chunks, one after the other, with the SDKs' headers: `X-Unique-Upload-Id` and
 * `Content-Range: bytes <first>-<last>/<total>` (the real total on every chunk, as the Python and .NET
 * SDKs send it). Each chunk is retried on network errors and 5xx after `retryDelays`; a chunk that
 * fails for good rejects with the resume point kept by the caller. The server files chunks by range,
 * so a chunk sent again replaces itself; if the server turns out to have lost earlier chunks (its
 * count of received bytes falls short), the file is sent again from the start, once.
 */
export async function sendInChunks(upload: ChunkedUpload): Promise<UploadResponse> {
  const total = upload.blob.size;
  const chunkSize = Math.max(1, Math.floor(upload.chunkSize));
  const uploadId = upload.resume?.uploadId ?? randomUploadId();
  let offset = upload.resume && upload.resume.offset < total ? Math.max(0, upload.resume.offset) : 0;
  let restarted = false;
  upload.onResumePoint?.({ uploadId, offset });
  upload.onProgress?.(offset, total);

  for (;;) {
    const start = offset;
    const end = Math.min(start + chunkSize, total);
    const last = end === total;
    const chunk = upload.blob.slice(start, end);
    const answer = await withRetries(
      () =>
        postForm<unknown>({
          url: upload.url,
          fields: upload.fields,
          file: chunk,
          filename: upload.filename,
          headers: { 'X-Unique-Upload-Id': uploadId, 'Content-Range': `bytes ${start}-${end - 1}/${total}` },
          signal: upload.signal,
          onProgress: (sent, bodyTotal) =>
            upload.onProgress?.(start + Math.min(chunk.size, (sent / bodyTotal) * chunk.size), total),
          onSent: last ? upload.onFinalSent : undefined,
        }),
      upload.retryDelays,
      upload.signal,
    );
    const lostChunks = isPartial(answer) && (last || (answer.bytes !== undefined && answer.bytes < end));
    if (lostChunks) {
      if (restarted) throw new KumoApiError(500, 'The server did not keep the chunks of this upload');
      restarted = true;
      offset = 0;
      upload.onResumePoint?.({ uploadId, offset });
      upload.onProgress?.(0, total);
      continue;
    }
    if (last) return answer as UploadResponse;
    offset = end;
    upload.onResumePoint?.({ uploadId, offset });
    upload.onProgress?.(offset, total);
  }
}
