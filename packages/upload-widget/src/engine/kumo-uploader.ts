import { BasePlugin, type PluginOpts } from '@uppy/core';
import type { KumoBody, KumoMeta, KumoUppy, KumoUppyFile } from './kumo-file-meta.js';
import type { StoredResume } from './recovery-store.js';
import type { UploadQueueOptions } from './upload-queue.types.js';

/** The HTTP status of a `KumoApiError` (read by shape: `@kumo/core` comes with the sending code). */
function httpStatusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/**
 * The code that sends files (upload slots, signing, multipart requests, retries, chunking), loaded
 * with the first upload rather than with the page: most pages never upload before a file is picked.
 */
export const loadSender = () => import('./file-sender.js');
type FileSender = InstanceType<Awaited<ReturnType<typeof loadSender>>['FileSender']>;

/** Files uploaded at the same time unless `parallelUploads` says otherwise. */
export const DEFAULT_PARALLEL_UPLOADS = 3;

export interface KumoUploaderOptions extends PluginOpts {
  /** The queue's options as they are now; read when each file starts, so changes apply to later files. */
  readonly getOptions: () => UploadQueueOptions;
  /** A file joined the uploads (waiting for a slot, or sending). */
  readonly onTaskStart?: (id: string) => void;
  /** That file's upload ended, whichever way. */
  readonly onTaskEnd?: (id: string) => void;
  /** A chunked upload moved on; `withData` when its prepared bytes are new (a fresh upload). */
  readonly onResumePoint?: (id: string, resume: StoredResume, withData: boolean) => void;
  /** The page's `prepareUploadParams` cancelled this file. */
  readonly onCancel?: (id: string) => void;
}

/**
 * The Uppy uploader that speaks the Upload API of Kumo (and Cloudinary): one multipart POST per file,
 * or one per chunk for files over `chunkSize`, signed at upload time through `uploadSignature` or
 * unsigned with `uploadPreset`. It reports through Uppy's own events (`upload-start`,
 * `upload-progress`, `upload-success`, `upload-error`), so Uppy's state stays the source of truth.
 */
export class KumoUploader extends BasePlugin<KumoUploaderOptions, KumoMeta, KumoBody> {
  private readonly controllers = new Map<string, AbortController>();
  private limit: number;
  private sender: Promise<FileSender> | undefined;

  constructor(uppy: KumoUppy, opts: KumoUploaderOptions) {
    super(uppy, opts);
    this.id = opts.id ?? 'KumoUploader';
    this.type = 'uploader';
    this.limit = opts.getOptions().parallelUploads ?? DEFAULT_PARALLEL_UPLOADS;
  }

  /** How many files send at once (`parallelUploads`); raising it lets waiting files in at once. */
  get parallelUploads(): number {
    return this.limit;
  }

  set parallelUploads(limit: number) {
    this.limit = limit;
    void this.sender?.then((sender) => sender.setLimit(limit));
  }

  /** Registers the uploader with Uppy and stops uploads of files that leave it. */
  override install(): void {
    this.uppy.addUploader(this.handleUpload);
    this.uppy.on('file-removed', this.handleFileRemoved);
    this.uppy.on('cancel-all', this.abortAll);
  }

  /** Stops every upload and unregisters from Uppy. */
  override uninstall(): void {
    this.abortAll();
    this.uppy.removeUploader(this.handleUpload);
    this.uppy.off('file-removed', this.handleFileRemoved);
    this.uppy.off('cancel-all', this.abortAll);
  }

  /** Stops one file's upload, waiting or sending; true when it had one. */
  abort(id: string): boolean {
    const controller = this.controllers.get(id);
    // Forget it now, so that a retry right away is not mistaken for the upload being stopped.
    this.controllers.delete(id);
    controller?.abort();
    return controller !== undefined;
  }

  /** Stops every upload. */
  readonly abortAll = (): void => {
    for (const id of [...this.controllers.keys()]) this.abort(id);
  };

  /** Whether the file has an upload waiting or running. */
  isActive(id: string): boolean {
    return this.controllers.has(id);
  }

  private readonly handleFileRemoved = (file: KumoUppyFile | undefined): void => {
    if (file) this.abort(file.id);
  };

  private readonly handleUpload = async (fileIDs: string[]): Promise<void> => {
    await Promise.all(fileIDs.map((id) => this.uploadFile(id)));
  };

  private loadSender(): Promise<FileSender> {
    if (!this.sender) {
      const loading = loadSender().then(({ FileSender }) => new FileSender(this.uppy, this.opts, this.limit));
      this.sender = loading;
      loading.catch(() => {
        if (this.sender === loading) this.sender = undefined;
      });
    }
    return this.sender;
  }

  private async uploadFile(id: string): Promise<void> {
    const queued = this.uppy.getFile(id);
    if (!queued || queued.meta.aborted || queued.progress.uploadComplete || this.controllers.has(id)) return;
    // Claimed before the sending code loads, so that the file can be stopped meanwhile.
    const controller = new AbortController();
    const { signal } = controller;
    this.controllers.set(id, controller);
    this.opts.onTaskStart?.(id);
    try {
      const sender = await this.loadSender();
      await sender.upload(id, signal);
    } catch (error) {
      // A stopped upload is no failure (an AbortError, told by name: the sending code has the helper).
      const stopped = signal.aborted || (error as Error | null)?.name === 'AbortError';
      if (stopped || this.uppy.getFile(id) === undefined) return;
      const status = httpStatusOf(error);
      const message = error instanceof Error ? error.message : String(error);
      this.uppy.setFileMeta(id, { processing: false, errorStatus: status });
      this.uppy.emit(
        'upload-error',
        this.uppy.getFile(id),
        { name: error instanceof Error ? error.name : 'Error', message },
        status === undefined ? undefined : { status },
      );
    } finally {
      if (this.controllers.get(id) === controller) this.controllers.delete(id);
      this.opts.onTaskEnd?.(id);
    }
  }
}
