import type { ChunkUploadResponse, UploadResponse } from '../types/upload.js';
import { KumoApiError, KumoClientError } from './errors.js';

/** Options of a chunked upload. */
export interface ChunkedUploadOptions {
  /** Bytes per request; every chunk but the last should be at least 5 MB for Cloudinary. Default 20,000,000. */
  chunkSize?: number;
  /** Reuse the id of an interrupted upload to resume it. Default: a fresh random id. */
  uniqueUploadId?: string;
  /** Byte to restart from (a chunk boundary the server already acknowledged). Default 0. */
  startOffset?: number;
  /** Extra attempts per chunk after a network error, 420/429 or 5xx. Default 3. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one. Default 500 ms. */
  retryDelayMs?: number;
  /** Called after every acknowledged chunk. */
  onProgress?: (progress: { uploadedBytes: number; totalBytes: number; uploadId: string }) => void;
  /** Aborts the upload between or during chunks. */
  signal?: AbortSignal;
}

/** Default chunk size, the same as the SDK's. */
export const DEFAULT_CHUNK_SIZE = 20_000_000;

/** Sends one chunk; supplied by the client so that each chunk is signed with a fresh timestamp. */
export type ChunkSender = (
  chunk: Blob,
  headers: Record<string, string>,
  signal: AbortSignal | undefined,
) => Promise<ChunkUploadResponse | UploadResponse>;

/** A random id of lowercase letters and digits, the alphabet the SDK's ids use. */
export function randomUploadId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += (byte % 36).toString(36);
  return id;
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof KumoApiError)) return false;
  return error.status === 0 || error.status === 420 || error.status === 429 || error.status >= 500;
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Uploads a blob in chunks with the SDK's headers: `X-Unique-Upload-Id` and
 * `Content-Range: bytes <first>-<last>/<total>`, the total being `-1` until the last chunk.
 */
export async function uploadInChunks(
  file: Blob,
  send: ChunkSender,
  options: ChunkedUploadOptions = {},
): Promise<UploadResponse> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new KumoClientError('chunkSize must be a positive integer');
  const total = file.size;
  const start = options.startOffset ?? 0;
  if (!Number.isInteger(start) || start < 0 || start >= total) {
    throw new KumoClientError(`startOffset must be a whole number of bytes below the file size (${total})`);
  }
  const uploadId = options.uniqueUploadId ?? randomUploadId();
  const retries = options.retries ?? 3;
  const baseDelay = options.retryDelayMs ?? 500;

  for (let offset = start; offset < total; offset += chunkSize) {
    const end = Math.min(offset + chunkSize, total);
    const last = end === total;
    const headers = {
      'X-Unique-Upload-Id': uploadId,
      'Content-Range': `bytes ${offset}-${end - 1}/${last ? total : -1}`,
    };
    let attempt = 0;
    for (;;) {
      try {
        const result = await send(file.slice(offset, end), headers, options.signal);
        options.onProgress?.({ uploadedBytes: end, totalBytes: total, uploadId });
        if (last) return result as UploadResponse;
        break;
      } catch (error) {
        if (isRetryable(error) && attempt < retries && !options.signal?.aborted) {
          await wait(baseDelay * 2 ** attempt, options.signal);
          attempt++;
          continue;
        }
        if (error instanceof KumoApiError) error.resume = { uploadId, offset };
        throw error;
      }
    }
  }
  throw new KumoClientError('Chunked upload ended without a final response');
}
