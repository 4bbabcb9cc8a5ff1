import { DEFAULT_CHUNK_SIZE, KumoClientError, type UploadResponse } from '@kumo/core';
import { abortError, postForm, withRetries } from './engine-kit.js';
import type { KumoBody, KumoUppy, KumoUppyFile } from './kumo-file-meta.js';
import type { KumoUploaderOptions } from './kumo-uploader.js';
import type { PreparedFile } from './prepare-upload.js';
import type { StoredResume } from './recovery-store.js';
import { DEFAULT_RETRY_DELAYS } from './request-retry.js';
import { customCoordinates, uploadParams, uploadUrl } from './upload-params.js';
import type { UploadQueueOptions } from './upload-queue.types.js';
import { UploadSlots } from './upload-slots.js';

/** How a file's upload reports back to the uploader. */
export interface SendHooks {
  /** `sent` of `total` bytes are out. */
  readonly progress: (sent: number, total: number) => void;
  /** The last bytes are out: the server is processing the file. */
  readonly markProcessing: () => void;
  /** A chunked upload moved on; `fresh` when its prepared bytes are new (a fresh upload). */
  readonly resumePoint: (stored: StoredResume, fresh: boolean) => void;
  /** `prepareUploadParams` cancelled the file: the queue marks it aborted (and stops this upload). */
  readonly cancel: () => void;
}

/**
 * The uploader's sending half, loaded with the first upload: waits for one of the `parallelUploads`
 * slots, sends the file and reports through Uppy's own events (`upload-start`, `upload-progress`,
 * `upload-success`); a failure is thrown for the uploader to report.
 */
export class FileSender {
  private readonly slots: UploadSlots;

  constructor(
    private readonly uppy: KumoUppy,
    private readonly opts: KumoUploaderOptions,
    limit: number,
  ) {
    this.slots = new UploadSlots(limit);
  }

  setLimit(limit: number): void {
    this.slots.limit = limit;
  }

  /** Uploads one queued file unless `signal` stops it first. */
  async upload(id: string, signal: AbortSignal): Promise<void> {
    const release = await this.slots.acquire(signal);
    try {
      const file = this.uppy.getFile(id);
      if (!file) return;
      this.uppy.emit('upload-start', [file]);
      const response = await sendFile(file, this.opts.getOptions(), signal, {
        progress: (sent, total) => this.progress(id, sent, total),
        markProcessing: () => {
          if (this.uppy.getFile(id)) this.uppy.setFileMeta(id, { processing: true });
        },
        resumePoint: (stored, fresh) => {
          if (this.uppy.getFile(id)) this.uppy.setFileMeta(id, { resume: stored });
          this.opts.onResumePoint?.(id, stored, fresh);
        },
        cancel: () => this.opts.onCancel?.(id),
      });
      if (signal.aborted || !this.uppy.getFile(id)) return;
      this.uppy.setFileMeta(id, { processing: false, errorStatus: undefined, resume: undefined });
      this.uppy.emit('upload-success', this.uppy.getFile(id), {
        status: 200,
        body: response as KumoBody,
        uploadURL: response.secure_url,
      });
    } finally {
      release();
    }
  }

  private progress(id: string, sent: number, total: number): void {
    const file = this.uppy.getFile(id);
    if (!file || file.progress.uploadStarted == null) return;
    // A request sent again after its body was out (a retried last chunk) is uploading again.
    if (file.meta.processing && sent < total) this.uppy.setFileMeta(id, { processing: false });
    this.uppy.emit('upload-progress', file, {
      uploadStarted: file.progress.uploadStarted,
      bytesUploaded: sent,
      bytesTotal: total,
    });
  }
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
  if (!options.uploadSignature && !options.uploadPreset && !options.prepareUploadParams) {
    throw new KumoClientError(
      'Nothing to authorize the upload: set uploadPreset (an unsigned preset) or uploadSignature with apiKey',
    );
  }
  const retryDelays = options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  const { meta } = file;

  if (meta.kumoSource === 'url') {
    const coordinates = meta.crop ? customCoordinates(meta.crop.rect) : undefined;
    const { fields, url } = await authorize(
      uploadParams(options, { customCoordinates: coordinates }),
      options,
      signal,
      hooks,
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
  const { fields, url } = await authorize(
    uploadParams(options, { customCoordinates: prepared.customCoordinates }),
    options,
    signal,
    hooks,
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

/**
 * The fields to send and where: as the page's `prepareUploadParams` answers for this file, else
 * signed at this moment with a fresh timestamp, or the unsigned preset's. A file the page cancels
 * is marked aborted and its upload stops here.
 */
async function authorize(
  params: Record<string, string>,
  options: UploadQueueOptions,
  signal: AbortSignal,
  hooks: SendHooks,
): Promise<{ readonly fields: [string, string][]; readonly url: string }> {
  if (options.prepareUploadParams) {
    const { askPreparedParams, preparedUpload } = await import('./prepared-params.js');
    const answer = await askPreparedParams(options.prepareUploadParams, params, signal);
    if (answer.cancel === true) {
      hooks.cancel();
      throw abortError();
    }
    return preparedUpload(params, answer, options);
  }
  const url = uploadUrl(options);
  if (!options.uploadSignature) return { fields: Object.entries(params), url };
  const { paramsToSign, requestSignature } = await import('./upload-signature.js');
  const toSign = { ...paramsToSign(params), timestamp: String(Math.floor(Date.now() / 1000)) };
  const signed = await requestSignature(options.uploadSignature, toSign, signal);
  const sent: Record<string, string> = { ...(signed.params ?? toSign) };
  if (signed.timestamp) sent.timestamp = signed.timestamp;
  const apiKey = signed.apiKey ?? options.apiKey;
  if (!apiKey) throw new KumoClientError('Signed uploads need apiKey (or a signer that answers api_key)');
  return { fields: [...Object.entries(sent), ['signature', signed.signature], ['api_key', apiKey]], url };
}
