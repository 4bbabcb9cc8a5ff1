import { DEFAULT_CHUNK_SIZE, KumoClientError, type UploadResponse } from '@kumo/core';
import { abortError, postForm, withRetries } from './engine-kit.js';
import type { KumoUppyFile } from './kumo-file-meta.js';
import type { PreparedFile } from './prepare-upload.js';
import type { StoredResume } from './recovery-store.js';
import { DEFAULT_RETRY_DELAYS } from './request-retry.js';
import { customCoordinates, uploadParams, uploadUrl } from './upload-params.js';
import type { UploadQueueOptions } from './upload-queue.types.js';

/** How a file's upload reports back to the uploader. */
export interface SendHooks {
  /** `sent` of `total` bytes are out. */
  readonly progress: (sent: number, total: number) => void;
  /** The last bytes are out: the server is processing the file. */
  readonly markProcessing: () => void;
  /** A chunked upload moved on; `fresh` when its prepared bytes are new (a fresh upload). */
  readonly resumePoint: (stored: StoredResume, fresh: boolean) => void;
}

/** Whether a file goes up as it was queued: no resume point, no crop, no downscale to consider. */
function sentAsQueued(file: KumoUppyFile, options: UploadQueueOptions): boolean {
  const downscale =
    !options.validateMaxWidthHeight && Boolean(options.maxImageWidth || options.maxImageHeight);
  return !file.meta.resume && !file.meta.crop && !downscale;
}

/**
 * Sends one queued file to the Upload API: a web address for the server to fetch, one multipart POST,
 * or one per chunk for files over `chunkSize` (resuming where a kept upload stopped), signed at this
 * moment through `uploadSignature` or unsigned with `uploadPreset`. Failed requests are retried after
 * `retryDelays`.
 */
export async function sendFile(
  file: KumoUppyFile,
  options: UploadQueueOptions,
  signal: AbortSignal,
  hooks: SendHooks,
): Promise<UploadResponse> {
  if (!options.cloudName) throw new KumoClientError('cloudName is required to upload');
  if (!options.uploadSignature && !options.uploadPreset) {
    throw new KumoClientError(
      'Nothing to authorize the upload: set uploadPreset (an unsigned preset) or uploadSignature with apiKey',
    );
  }
  const url = uploadUrl(options);
  const retryDelays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  const { meta } = file;

  if (meta.kumoSource === 'url') {
    const coordinates = meta.crop ? customCoordinates(meta.crop.rect) : undefined;
    const fields = await authorize(
      uploadParams(options, { customCoordinates: coordinates }),
      options,
      signal,
    );
    return withRetries(
      () =>
        postForm<UploadResponse>({
          url,
          fields,
          file: meta.remoteUrl ?? '',
          signal,
          onSent: hooks.markProcessing,
        }),
      retryDelays,
      signal,
    );
  }

  const resume = meta.resume;
  // Cropping, downscaling and resuming load their code only for the files that need them.
  const prepared: PreparedFile = sentAsQueued(file, options)
    ? { blob: file.data as Blob, filename: file.name, changed: false }
    : await import('./prepare-upload.js').then((module) => module.prepareUpload(file, options));
  if (signal.aborted) throw abortError();
  const fields = await authorize(
    uploadParams(options, { customCoordinates: prepared.customCoordinates }),
    options,
    signal,
  );
  const chunkSize = options.chunkSize && options.chunkSize > 0 ? options.chunkSize : DEFAULT_CHUNK_SIZE;

  if (resume || prepared.blob.size > chunkSize) {
    let fresh = !resume;
    const { sendInChunks } = await import('./chunked-sender.js');
    return sendInChunks({
      url,
      fields,
      blob: prepared.blob,
      filename: prepared.filename,
      chunkSize,
      retryDelays,
      resume,
      signal,
      onProgress: hooks.progress,
      onFinalSent: hooks.markProcessing,
      onResumePoint: (point) => {
        const stored: StoredResume = {
          uploadId: point.uploadId,
          offset: point.offset,
          ...(prepared.customCoordinates ? { customCoordinates: prepared.customCoordinates } : {}),
          ...(prepared.changed ? { preparedData: prepared.blob } : {}),
        };
        hooks.resumePoint(stored, fresh);
        fresh = false;
      },
    });
  }
  const size = prepared.blob.size;
  hooks.progress(0, size);
  return withRetries(
    () =>
      postForm<UploadResponse>({
        url,
        fields,
        file: prepared.blob,
        filename: prepared.filename,
        signal,
        onProgress: (sent, total) => hooks.progress((sent / total) * size, size),
        onSent: hooks.markProcessing,
      }),
    retryDelays,
    signal,
  );
}

/** The fields to send: signed at this moment with a fresh timestamp, or the unsigned preset's. */
async function authorize(
  params: Record<string, string>,
  options: UploadQueueOptions,
  signal: AbortSignal,
): Promise<[string, string][]> {
  if (!options.uploadSignature) return Object.entries(params);
  const { paramsToSign, requestSignature } = await import('./upload-signature.js');
  const toSign = { ...paramsToSign(params), timestamp: String(Math.floor(Date.now() / 1000)) };
  const signed = await requestSignature(options.uploadSignature, toSign, signal);
  const sent: Record<string, string> = { ...(signed.params ?? toSign) };
  if (signed.timestamp) sent.timestamp = signed.timestamp;
  const apiKey = signed.apiKey ?? options.apiKey;
  if (!apiKey) throw new KumoClientError('Signed uploads need apiKey (or a signer that answers api_key)');
  return [...Object.entries(sent), ['signature', signed.signature], ['api_key', apiKey]];
}
