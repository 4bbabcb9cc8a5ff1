import Uppy, { type Restrictions } from '@uppy/core';
import { type FileInput, fromInput, type IntakeFile, newFileId, screenFiles } from './file-intake.js';
import type { KumoBody, KumoMeta, KumoUppy, KumoUppyFile } from './kumo-file-meta.js';
import { DEFAULT_PARALLEL_UPLOADS, KumoUploader } from './kumo-uploader.js';
import { ProgressMeter } from './progress-meter.js';
import { descriptorOf } from './queue-descriptors.js';
import { QueueEmitter } from './queue-emitter.js';
import { type LiveRate, statusOf, toQueueFile, totalsOf } from './queue-files.js';
import type { RecoveryStore } from './recovery-store.js';
import type {
  AddResult,
  CropMode,
  CropRect,
  QueueEvent,
  QueueFile,
  QueueSnapshot,
  Rejection,
  UploadQueueOptions,
  UploadSource,
} from './upload-queue.types.js';

type RecoveryDatabase = typeof import('./recovery-database.js');
let database: Promise<RecoveryDatabase> | undefined;

/**
 * The recovery database's code, loaded on first use (most pages never keep a file). Every use waits
 * on this one promise, so operations start in the order they were asked for.
 */
function recoveryDatabase(): Promise<RecoveryDatabase> {
  if (!database) {
    database = import('./recovery-database.js');
    database.catch(() => {
      database = undefined;
    });
  }
  return database;
}

/** Runs `work` on the recovery database; recovery is best effort, so a failure only loses recovery. */
function withRecords(work: (db: RecoveryDatabase) => Promise<unknown>): void {
  recoveryDatabase()
    .then(work)
    .catch(() => undefined);
}

const SILENT_LOGGER = { debug() {}, warn() {}, error() {} };
const UPLOADER_ID = 'KumoUploader';

function positive(value: number | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

/** The restrictions Uppy enforces itself, as a second line behind the queue's own checks. */
function uppyRestrictions(options: UploadQueueOptions): Partial<Restrictions> {
  return { maxNumberOfFiles: positive(options.maxFiles), maxFileSize: positive(options.maxFileSize) };
}

interface CachedFile {
  readonly source: KumoUppyFile;
  readonly speed: number;
  readonly secondsLeft?: number;
  readonly file: QueueFile;
}

/**
 * The DOM-free upload queue behind `<kumo-upload-widget>`: @uppy/core holds the files and their
 * progress, the Kumo uploader plugin talks to the Upload API, and this class adds Cloudinary's
 * client-side checks, crop and downscale, crash recovery, and one event stream for views.
 */
export class UploadQueue {
  /** The underlying @uppy/core instance (files, progress, restrictions, upload runs). */
  readonly uppy: KumoUppy;
  private currentOptions: UploadQueueOptions;
  private readonly uploader: KumoUploader;
  private readonly events = new QueueEmitter();
  private readonly meters = new Map<string, ProgressMeter>();
  private readonly fileCache = new Map<string, CachedFile>();
  /** The recovery store, loaded the first time this queue keeps or restores something. */
  private store: { readonly key: string; readonly loaded: Promise<RecoveryStore> } | undefined;
  /** `addFiles`/`addUrl`/`restore` run one after the other, so `maxFiles` counts are never stale. */
  private intake: Promise<unknown> = Promise.resolve();
  private activeTasks = 0;
  private readonly runIds = new Set<string>();
  private cachedSnapshot: QueueSnapshot | undefined;
  private lastAddedAt = 0;
  private destroyed = false;

  constructor(options: UploadQueueOptions) {
    this.currentOptions = { ...options };
    this.uppy = new Uppy<KumoMeta, KumoBody>({
      id: newFileId().replace('kumo-', 'kumo-queue-'),
      autoProceed: false,
      restrictions: uppyRestrictions(options),
      // Same file twice is allowed (Uppy refuses duplicates by default); ids are the queue's own.
      onBeforeFileAdded: (file) => ({ ...file, id: file.meta.kumoId ?? file.id }),
      logger: SILENT_LOGGER,
    });
    this.uppy.use(KumoUploader, {
      id: UPLOADER_ID,
      getOptions: () => this.currentOptions,
      onTaskStart: (id) => this.handleTaskStart(id),
      onTaskEnd: () => this.handleTaskEnd(),
      onResumePoint: (id, resume, withData) => this.keep((store) => store.saveResume(id, resume, withData)),
      onCancel: (id) => this.cancel(id),
    });
    this.uploader = this.uppy.getPlugin<KumoUploader>(UPLOADER_ID)!;
    this.listenToUppy();
  }

  /** The options in effect (a copy; change them with `setOptions`). */
  get options(): UploadQueueOptions {
    return { ...this.currentOptions };
  }

  /** Changes options; files already uploading keep what they started with. */
  setOptions(options: Partial<UploadQueueOptions>): void {
    this.currentOptions = { ...this.currentOptions, ...options };
    this.uppy.setOptions({ restrictions: uppyRestrictions(this.currentOptions) });
    if ('parallelUploads' in options)
      this.uploader.parallelUploads = this.currentOptions.parallelUploads ?? DEFAULT_PARALLEL_UPLOADS;
    this.changed();
  }

  /** Queues files after the client-side checks; refused files come back as rejections ('rejected' event). */
  addFiles(files: readonly FileInput[], source: UploadSource = 'local'): Promise<AddResult> {
    return this.serialize(() => this.admit(files.map((file) => fromInput(file, source))));
  }

  /** Queues a remote file that the server fetches (`file=<url>`); also accepts data URIs. */
  addUrl(url: string): Promise<AddResult> {
    return this.serialize(async () => {
      const { fromUrl } = await import('./url-intake.js');
      const candidate = fromUrl(url);
      if ('reason' in candidate) {
        const rejected = Object.freeze([
          Object.freeze({ ...candidate, values: Object.freeze(candidate.values) }),
        ]);
        this.emit({ type: 'rejected', rejections: rejected });
        return { added: Object.freeze([]), rejected };
      }
      return this.admit([candidate]);
    });
  }

  /** Sets or clears a file's crop; ignored once the file is uploading or done. */
  setCrop(id: string, crop: { rect: CropRect; mode: CropMode } | undefined): void {
    const file = this.uppy.getFile(id);
    if (!file || ['uploading', 'processing', 'done'].includes(statusOf(file))) return;
    const frozen = crop
      ? Object.freeze({ mode: crop.mode, rect: Object.freeze({ ...crop.rect }) })
      : undefined;
    // New pixels: an interrupted chunked upload of the old ones cannot be continued.
    this.uppy.setFileMeta(id, { crop: frozen, resume: undefined });
    this.keep((store) => store.update(id, { crop: frozen, resume: undefined }));
  }

  /**
   * Uploads every pending file (after any `addFiles` still being checked). Failed files wait for
   * `retry`/`retryAll`, aborted ones too, as in Cloudinary's widget. Resolves when this run is over;
   * outcomes arrive as events and in `snapshot()`.
   */
  async start(): Promise<void> {
    await this.intake;
    if (this.destroyed) return;
    // Uppy's upload() first retries every failed file. It picks its files synchronously, before its
    // first await, so the failures are hidden from it for exactly that long (no listener sees it).
    const failed = this.uppy.getFiles().filter((file) => file.error);
    const setErrors = (error: (file: KumoUppyFile) => string | null | undefined) =>
      this.uppy.patchFilesState(Object.fromEntries(failed.map((file) => [file.id, { error: error(file) }])));
    if (failed.length) setErrors(() => null);
    let run: Promise<unknown>;
    try {
      run = this.uppy.upload();
    } finally {
      if (failed.length) setErrors((file) => file.error);
    }
    try {
      await run;
    } catch {
      // Failures are per file ('error' events); nothing more to say here.
    }
  }

  /** Stops a pending or running upload; the file stays in the queue as 'aborted' ('abort' event). */
  cancel(id: string): void {
    const ids = this.abortFiles([id]);
    if (ids.length) this.emit({ type: 'abort', ids: Object.freeze(ids), all: false });
  }

  /** Stops every pending and running upload ('abort' event with `all: true`). */
  cancelAll(): void {
    const ids = this.abortFiles(this.uppy.getFiles().map((file) => file.id));
    if (ids.length) this.emit({ type: 'abort', ids: Object.freeze(ids), all: true });
  }

  /** Uploads a failed or aborted file again ('retry' event); a chunked upload continues where it stopped. */
  retry(id: string): void {
    const ids = this.retryFiles([id]);
    if (ids.length) this.emit({ type: 'retry', ids: Object.freeze(ids), all: false });
  }

  /** Uploads every failed and aborted file again ('retry' event with `all: true`). */
  retryAll(): void {
    const ids = this.retryFiles(this.uppy.getFiles().map((file) => file.id));
    if (ids.length) this.emit({ type: 'retry', ids: Object.freeze(ids), all: true });
  }

  /** Takes a file out of the queue (stopping its upload) and out of the recovery store. */
  remove(id: string): void {
    if (!this.uppy.getFile(id)) return;
    this.uploader.abort(id);
    this.uppy.removeFile(id);
    this.forget(id);
    this.forgetRecord(id);
  }

  /** Empties the queue (stopping every upload) and the recovery store. */
  clear(): void {
    const ids = this.uppy.getFiles().map((file) => file.id);
    this.uploader.abortAll();
    if (ids.length) this.uppy.removeFiles(ids);
    for (const id of ids) this.forget(id);
    const key = this.currentOptions.recoveryKey;
    if (key) withRecords((db) => db.clearRecords(key));
  }

  /** The queue now, frozen: the same object until something changes. */
  snapshot(): QueueSnapshot {
    if (this.cachedSnapshot) return this.cachedSnapshot;
    const files = Object.freeze(this.uppy.getFiles().map((file) => this.queueFile(file)));
    this.cachedSnapshot = Object.freeze({ files, totals: totalsOf(files), uploading: this.activeTasks > 0 });
    return this.cachedSnapshot;
  }

  /** Calls `listener` with every event ('state' after any change); returns the unsubscribe function. */
  subscribe(listener: (event: QueueEvent) => void): () => void {
    return this.events.subscribe(listener);
  }

  /**
   * Brings back the files kept under `recoveryKey` (marked `restored`; 'restored' event). They wait
   * for `start()`, where chunked uploads continue with the same upload id from the first byte the
   * server had not acknowledged.
   */
  restore(): Promise<readonly QueueFile[]> {
    return this.serialize(async () => {
      const key = this.currentOptions.recoveryKey;
      // Most pages have nothing to bring back: the store itself only loads when they do.
      if (!key) return [];
      const db = await recoveryDatabase();
      if (this.store?.key !== key && !(await db.hasRecoveryRecords(key))) return [];
      const store = await this.recoveryStore(key);
      const records = (await store.list()).filter((record) => !this.uppy.getFile(record.id));
      if (this.destroyed || !records.length) return [];
      // Recovered files were accepted once; the limits must not drop them now.
      this.uppy.setOptions({ restrictions: { maxNumberOfFiles: null, maxFileSize: null } });
      try {
        this.uppy.addFiles(records.map(db.descriptorOfRecord));
      } finally {
        this.uppy.setOptions({ restrictions: uppyRestrictions(this.currentOptions) });
      }
      this.lastAddedAt = Math.max(this.lastAddedAt, ...records.map((record) => record.addedAt));
      const files = this.filesById(records.map((record) => record.id));
      this.emit({ type: 'restored', files });
      return files;
    });
  }

  /** Stops every upload and releases Uppy. The recovery store is kept: that is what it is for. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.events.close();
    this.uploader.abortAll();
    this.uppy.destroy();
  }

  private recoveryStore(key: string): Promise<RecoveryStore> {
    if (this.store?.key !== key) {
      const loaded = recoveryDatabase()
        .then(() => import('./recovery-store.js'))
        .then((module) => new module.RecoveryStore(key));
      const entry = { key, loaded };
      this.store = entry;
      loaded.catch(() => {
        if (this.store === entry) this.store = undefined;
      });
    }
    return this.store.loaded;
  }

  private forgetRecord(id: string): void {
    const key = this.currentOptions.recoveryKey;
    if (key) withRecords((db) => db.forgetRecord(key, id));
  }

  /**
   * Changes how a kept file resumes (its crop, its chunked upload's progress), when the queue has a
   * recovery key. Changes are made in the order asked for, after the file was kept (the store runs
   * its transactions in the order they start).
   */
  private keep(change: (store: RecoveryStore) => Promise<void>): void {
    const key = this.currentOptions.recoveryKey;
    if (!key) return;
    this.recoveryStore(key).then(change, () => {
      // Recovery is best effort: without its code (offline), uploads go on without it.
    });
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.intake.then(work, work);
    this.intake = next.catch(() => undefined);
    return next;
  }

  private async admit(candidates: readonly IntakeFile[]): Promise<AddResult> {
    const queued = this.uppy.getFiles().length;
    const { accepted, rejected } = await screenFiles(candidates, this.currentOptions, queued);
    if (this.destroyed) return { added: [], rejected };
    const entries = accepted.map((file) => ({
      file,
      descriptor: descriptorOf(file),
      addedAt: this.nextAddedAt(),
    }));
    this.uppy.addFiles(entries.map((entry) => entry.descriptor));
    const refused: Rejection[] = [];
    for (const { file, descriptor, addedAt } of entries) {
      const stored = this.uppy.getFile(descriptor.meta.kumoId);
      const key = this.currentOptions.recoveryKey;
      if (stored) {
        if (key) {
          withRecords((db) => db.keepRecord(key, db.recordOf(stored, file, addedAt)));
        }
        continue;
      }
      // Uppy's own limits (the same maxFiles and maxFileSize) only bite when the queue changed meanwhile.
      refused.push(
        Object.freeze({
          name: file.name,
          reason: 'max-files',
          values: Object.freeze({ max: this.currentOptions.maxFiles ?? 0 }),
        }),
      );
    }
    const added = this.filesById(entries.map((entry) => entry.descriptor.meta.kumoId));
    const allRejected = Object.freeze([...rejected, ...refused]);
    if (added.length) this.emit({ type: 'added', files: added });
    if (allRejected.length) this.emit({ type: 'rejected', rejections: allRejected });
    return { added, rejected: allRejected };
  }

  private nextAddedAt(): number {
    // Strictly increasing, so that restored files come back in the order they were queued.
    this.lastAddedAt = Math.max(Date.now(), this.lastAddedAt + 1);
    return this.lastAddedAt;
  }

  private filesById(ids: readonly string[]): readonly QueueFile[] {
    const files: QueueFile[] = [];
    for (const id of ids) {
      const file = this.uppy.getFile(id);
      if (file) files.push(this.queueFile(file));
    }
    return Object.freeze(files);
  }

  private abortFiles(ids: readonly string[]): string[] {
    const aborted: string[] = [];
    for (const id of ids) {
      const file = this.uppy.getFile(id);
      if (!file || !['pending', 'uploading', 'processing'].includes(statusOf(file))) continue;
      this.uppy.setFileMeta(id, { aborted: true, processing: false });
      this.uploader.abort(id);
      this.meters.get(id)?.reset();
      aborted.push(id);
    }
    return aborted;
  }

  private retryFiles(ids: readonly string[]): string[] {
    const retried = ids.filter((id) => {
      const file = this.uppy.getFile(id);
      return file !== undefined && (statusOf(file) === 'error' || statusOf(file) === 'aborted');
    });
    for (const id of retried) {
      this.uppy.setFileMeta(id, { aborted: false, errorStatus: undefined, processing: false });
      this.uppy.retryUpload(id).catch(() => undefined);
    }
    return retried;
  }

  private queueFile(file: KumoUppyFile): QueueFile {
    const meter = this.meters.get(file.id);
    const total = file.progress.bytesTotal ?? file.size ?? 0;
    const rate: LiveRate = meter
      ? { speed: meter.speed, secondsLeft: meter.secondsLeft(total) }
      : { speed: 0 };
    const cached = this.fileCache.get(file.id);
    if (
      cached &&
      cached.source === file &&
      cached.speed === rate.speed &&
      cached.secondsLeft === rate.secondsLeft
    )
      return cached.file;
    const queued = toQueueFile(file, rate);
    this.fileCache.set(file.id, { source: file, ...rate, file: queued });
    return queued;
  }

  private forget(id: string): void {
    this.meters.delete(id);
    this.fileCache.delete(id);
  }

  private listenToUppy(): void {
    this.uppy.on('state-update', () => this.changed());
    this.uppy.on('upload-start', (files) => {
      for (const file of files) this.meters.set(file.id, new ProgressMeter());
    });
    this.uppy.on('upload-progress', (file, progress) => {
      const current = file && this.uppy.getFile(file.id);
      if (!current) return;
      // Uppy stops taking progress once its rounded percentage reads 100; the last bytes still count.
      if (!current.progress.uploadComplete && current.progress.bytesUploaded !== progress.bytesUploaded) {
        this.uppy.setFileState(current.id, {
          progress: {
            ...current.progress,
            uploadStarted: current.progress.uploadStarted ?? progress.uploadStarted,
            bytesUploaded: progress.bytesUploaded,
            bytesTotal: progress.bytesTotal,
          },
        });
      }
      this.meters.get(current.id)?.sample(progress.bytesUploaded);
      this.changed();
      const updated = this.uppy.getFile(current.id)!;
      this.emit({ type: 'progress', file: this.queueFile(updated), totals: this.snapshot().totals });
    });
    this.uppy.on('upload-success', (file) => {
      const current = file && this.uppy.getFile(file.id);
      if (!current) return;
      this.meters.delete(current.id);
      this.forgetRecord(current.id);
      this.changed();
      const queued = this.queueFile(current);
      if (queued.response) this.emit({ type: 'success', file: queued, response: queued.response });
    });
    this.uppy.on('upload-error', (file) => {
      const current = file && this.uppy.getFile(file.id);
      if (!current) return;
      this.meters.delete(current.id);
      this.changed();
      const queued = this.queueFile(current);
      if (queued.error) this.emit({ type: 'error', file: queued, error: queued.error });
    });
  }

  private handleTaskStart(id: string): void {
    if (this.activeTasks === 0) this.emit({ type: 'queue-start' });
    this.activeTasks++;
    this.runIds.add(id);
    this.changed();
  }

  private handleTaskEnd(): void {
    this.activeTasks = Math.max(0, this.activeTasks - 1);
    this.changed();
    if (this.activeTasks > 0) return;
    const files = this.filesById([...this.runIds]);
    this.runIds.clear();
    this.emit({
      type: 'queue-end',
      successful: Object.freeze(files.filter((file) => file.status === 'done')),
      failed: Object.freeze(files.filter((file) => file.status === 'error')),
    });
  }

  private emit(event: QueueEvent): void {
    this.events.emit(event);
  }

  /** Something changed: the next snapshot is rebuilt, and a 'state' event follows. */
  private changed(): void {
    this.cachedSnapshot = undefined;
    this.events.stateChanged();
  }
}
