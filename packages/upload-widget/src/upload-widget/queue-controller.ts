import type { UploadResponse } from '@kumo/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { UploadQueue } from '../engine/upload-queue.js';
import type {
  CropMode,
  CropRect,
  QueueEvent,
  QueueFile,
  QueueSnapshot,
  Rejection,
  UploadQueueOptions,
  UploadSource,
} from '../engine/upload-queue.types.js';
import {
  KumoUploadAbortEvent,
  KumoUploadAddedEvent,
  KumoUploadBatchCancelledEvent,
  KumoUploadErrorEvent,
  KumoUploadProgressEvent,
  KumoUploadQueueEndEvent,
  KumoUploadQueueStartEvent,
  KumoUploadRejectedEvent,
  KumoUploadRestoredEvent,
  KumoUploadRetryEvent,
  KumoUploadSuccessEvent,
} from './upload-widget.events.js';

/** The texts the controller speaks; the element supplies them in its language. */
export interface QueueMessages {
  failed(file: QueueFile): string;
  /** Spoken total progress; `percent` is 0–100. */
  progress(percent: number): string;
  added(count: number): string;
  done(count: number): string;
  restored(count: number): string;
}

/** What the controller needs from the widget. */
export interface QueueControllerOptions {
  /** Has screen readers told what `say` picks from the queue's messages (loaded on first use). */
  readonly speak: (say: (messages: QueueMessages) => string, politeness?: 'polite' | 'assertive') => void;
  /** Loads what says why a file was refused (the first refusal waits for it). */
  readonly rejectionText: () => Promise<(rejection: Rejection) => string>;
  /** Whether a single added image goes through the crop step first. */
  readonly cropping: () => boolean;
  /** Whether a batch may hold several files. */
  readonly multiple: () => boolean;
  /** The uploaded files changed (the form value follows them). */
  readonly onUploadedChange: () => void;
  /** The queue has finished a run. */
  readonly onQueueEnd: (failed: number) => void;
}

const EMPTY: QueueSnapshot = {
  files: [],
  totals: { bytesUploaded: 0, bytesTotal: 0, percent: 0 },
  uploading: false,
};
const ACTIVE = new Set(['pending', 'uploading', 'processing']);

/** Whether a file still has work ahead (waiting, uploading or being processed). */
export const isActive = (file: QueueFile) => ACTIVE.has(file.status);

const isCroppable = (file: QueueFile) =>
  file.source !== 'url' && Boolean(file.data) && /^image\//.test(file.type);

/**
 * Owns the widget's `UploadQueue`: adds files (through the crop step when it applies), starts
 * uploads, keeps the latest snapshot for rendering, turns queue events into the widget's DOM events
 * and into screen-reader announcements, and remembers what was uploaded for the form value.
 */
export class QueueController implements ReactiveController {
  /** The latest state of the queue. */
  snapshot: QueueSnapshot = EMPTY;
  /** The image waiting in the crop step, if any. */
  pendingCrop: QueueFile | undefined;
  /** Files refused in the last batch, until dismissed or the next batch. */
  rejections: readonly Rejection[] = [];
  /** Says why a file was refused; there once the first refusal has come. */
  describeRejection: ((rejection: Rejection) => string) | undefined;

  private queue: UploadQueue | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly uploadedById = new Map<string, UploadResponse>();
  private lastSpokenStep = -1;
  private backlog: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: QueueControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** What was uploaded since the last reset, in upload order. */
  get uploaded(): UploadResponse[] {
    return [...this.uploadedById.values()];
  }

  /** Whether the engine exists yet. */
  get ready(): boolean {
    return this.queue !== undefined;
  }

  /** Creates the engine on first use, restoring unfinished uploads when it has a recovery key. */
  ensure(options: UploadQueueOptions): void {
    if (this.queue) {
      this.queue.setOptions(options);
      return;
    }
    const queue = new UploadQueue(options);
    this.queue = queue;
    this.unsubscribe = queue.subscribe((event) => this.handle(event));
    this.snapshot = queue.snapshot();
    if (options.recoveryKey) {
      void queue.restore().then(
        (files) => {
          if (this.queue === queue && files.some(isActive)) void queue.start();
        },
        () => {
          // Nothing to restore (no IndexedDB, private browsing): start empty.
        },
      );
    }
  }

  /** Adds files; one image with cropping on waits in the crop step, anything else uploads at once. */
  async addFiles(files: readonly File[], source: UploadSource): Promise<void> {
    const queue = this.queue;
    if (!queue || files.length === 0) return;
    this.rejections = [];
    let batch = files;
    if (!this.options.multiple() && files.length > 1) {
      // One file at a time, as the picker offers when `multiple` is off: the rest are refused.
      batch = files.slice(0, 1);
      await this.reject(
        files.slice(1).map((file) => ({ name: file.name, reason: 'max-files', values: { max: 1 } })),
      );
    }
    const result = await queue.addFiles(batch, source);
    const [first] = result.added;
    if (this.options.cropping() && result.added.length === 1 && first && isCroppable(first)) {
      this.pendingCrop = first;
      this.host.requestUpdate();
      return;
    }
    if (result.added.length > 0) void queue.start();
  }

  /** Queues a URL for the server to fetch, and starts it. */
  async addUrl(url: string): Promise<void> {
    const queue = this.queue;
    if (!queue) return;
    this.rejections = [];
    const result = await queue.addUrl(url);
    if (result.added.length > 0) void queue.start();
  }

  /** Finishes the crop step: with a crop, or without one (skip). */
  finishCrop(crop: { rect: CropRect; mode: CropMode } | undefined): void {
    const file = this.pendingCrop;
    this.pendingCrop = undefined;
    this.host.requestUpdate();
    if (!file || !this.queue) return;
    if (crop) this.queue.setCrop(file.id, crop);
    void this.queue.start();
  }

  retry(id: string): void {
    this.queue?.retry(id);
  }

  retryAll(): void {
    this.queue?.retryAll();
  }

  cancel(id: string): void {
    this.queue?.cancel(id);
  }

  cancelAll(): void {
    if (this.pendingCrop) this.queue?.remove(this.pendingCrop.id);
    this.pendingCrop = undefined;
    this.queue?.cancelAll();
  }

  /** Takes a file off the list; an uploaded file also leaves the form value. */
  remove(id: string): void {
    this.queue?.remove(id);
    if (this.uploadedById.delete(id)) this.options.onUploadedChange();
  }

  /** Clears finished files from the list (uploads still running stay). */
  clearFinished(): void {
    const queue = this.queue;
    if (!queue) return;
    for (const file of queue.snapshot().files) if (!isActive(file)) queue.remove(file.id);
  }

  dismissRejections(): void {
    this.rejections = [];
    this.host.requestUpdate();
  }

  /** Empties the queue and forgets what was uploaded (a form reset). */
  reset(): void {
    this.queue?.cancelAll();
    this.queue?.clear();
    this.pendingCrop = undefined;
    this.rejections = [];
    this.uploadedById.clear();
    this.options.onUploadedChange();
    this.host.requestUpdate();
  }

  destroy(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.queue?.destroy();
    this.queue = undefined;
    this.snapshot = EMPTY;
    this.pendingCrop = undefined;
  }

  /**
   * Runs `work` once what is still waiting has run (a first refusal loading its messages), so the
   * widget's events and announcements keep the order the queue reported them in.
   */
  private inOrder(work: () => void | Promise<void>): Promise<void> {
    const waiting = this.backlog;
    const run = waiting ? waiting.then(work) : work();
    if (!run) return Promise.resolve();
    const settled = run.catch(() => undefined);
    this.backlog = settled;
    void settled.then(() => {
      if (this.backlog === settled) this.backlog = undefined;
    });
    return settled;
  }

  private reject(rejections: readonly Rejection[]): Promise<void> {
    if (rejections.length === 0) return Promise.resolve();
    return this.inOrder(() => {
      if (this.describeRejection) return this.showRejections(rejections, this.describeRejection);
      return this.options
        .rejectionText()
        .catch(() => (rejection: Rejection) => rejection.name)
        .then((describe) => {
          this.describeRejection ??= describe;
          this.showRejections(rejections, this.describeRejection);
        });
    });
  }

  private showRejections(rejections: readonly Rejection[], describe: (rejection: Rejection) => string): void {
    this.rejections = [...this.rejections, ...rejections];
    // Said before the events, so a listener can count on the announcement having been asked for.
    const text = rejections.map(describe).join(' ');
    this.options.speak(() => text, 'assertive');
    this.host.dispatchEvent(new KumoUploadRejectedEvent(rejections));
    if (rejections.some((rejection) => rejection.reason === 'max-files')) {
      this.host.dispatchEvent(new KumoUploadBatchCancelledEvent('MAX_EXCEEDED'));
    }
    this.host.requestUpdate();
  }

  private handle(event: QueueEvent): void {
    if (event.type === 'state') {
      this.snapshot = this.queue?.snapshot() ?? EMPTY;
      this.host.requestUpdate();
    } else if (event.type === 'rejected') {
      void this.reject(event.rejections);
    } else {
      void this.inOrder(() => this.report(event));
    }
  }

  /** Turns a queue event into the widget's DOM event, and into words for screen readers. */
  private report(event: Exclude<QueueEvent, { type: 'state' | 'rejected' }>): void {
    const host = this.host;
    const { speak } = this.options;
    switch (event.type) {
      case 'added':
        speak((messages) => messages.added(event.files.length));
        host.dispatchEvent(new KumoUploadAddedEvent(event.files));
        return;
      case 'queue-start':
        this.lastSpokenStep = -1;
        host.dispatchEvent(new KumoUploadQueueStartEvent());
        return;
      case 'progress':
        this.speakProgress(event.totals.percent);
        host.dispatchEvent(new KumoUploadProgressEvent(event.file, event.totals));
        return;
      case 'success':
        this.uploadedById.set(event.file.id, event.response);
        this.options.onUploadedChange();
        host.dispatchEvent(new KumoUploadSuccessEvent(event.file, event.response));
        return;
      case 'error':
        speak((messages) => messages.failed({ ...event.file, error: event.error }), 'assertive');
        host.dispatchEvent(new KumoUploadErrorEvent(event.file, event.error));
        return;
      case 'abort':
        host.dispatchEvent(new KumoUploadAbortEvent(event.ids, event.all));
        return;
      case 'retry':
        host.dispatchEvent(new KumoUploadRetryEvent(event.ids, event.all));
        return;
      case 'restored':
        if (event.files.length > 0) speak((messages) => messages.restored(event.files.length));
        host.dispatchEvent(new KumoUploadRestoredEvent(event.files));
        return;
      case 'queue-end':
        if (event.successful.length > 0) speak((messages) => messages.done(event.successful.length));
        host.dispatchEvent(new KumoUploadQueueEndEvent(event.successful, event.failed));
        this.options.onQueueEnd(event.failed.length);
        return;
    }
  }

  /** Progress is spoken in steps of a quarter; the announcer spaces out what is left. */
  private speakProgress(percent: number): void {
    const step = Math.floor(percent / 25);
    if (step <= this.lastSpokenStep || percent >= 100) return;
    this.lastSpokenStep = step;
    this.options.speak((messages) => messages.progress(percent));
  }
}
