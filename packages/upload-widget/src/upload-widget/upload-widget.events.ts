import type { UploadResponse } from '@kumo/core';
import { KumoEvent } from '@kumo/ui/events';
import type {
  QueueFile,
  QueueFileError,
  QueueTotals,
  Rejection,
  UploadSource,
} from '../engine/upload-queue.types.js';
import type { BatchCancelReason, DisplayState } from './upload-widget.types.js';

const added = 'kumo-upload-added';
const rejected = 'kumo-upload-rejected';
const queueStart = 'kumo-queue-start';
const progress = 'kumo-upload-progress';
const success = 'kumo-upload-success';
const failure = 'kumo-upload-error';
const abort = 'kumo-upload-abort';
const retry = 'kumo-upload-retry';
const queueEnd = 'kumo-queue-end';
const restored = 'kumo-upload-restored';
const displayChanged = 'kumo-display-changed';
const sourceChanged = 'kumo-source-changed';
const close = 'kumo-close';
const batchCancelled = 'kumo-batch-cancelled';

/** Files joined the queue (Cloudinary's `upload-added`, once per batch). */
export class KumoUploadAddedEvent extends KumoEvent<{ readonly files: readonly QueueFile[] }> {
  static readonly eventName = added;
  constructor(files: readonly QueueFile[]) {
    super(added, { files });
  }
}

/** Files were refused before upload (too large, wrong format, too many…); the queue is unchanged. */
export class KumoUploadRejectedEvent extends KumoEvent<{ readonly rejections: readonly Rejection[] }> {
  static readonly eventName = rejected;
  constructor(rejections: readonly Rejection[]) {
    super(rejected, { rejections });
  }
}

/** The queue started uploading (Cloudinary's `queues-start`). */
export class KumoUploadQueueStartEvent extends KumoEvent<Record<string, never>> {
  static readonly eventName = queueStart;
  constructor() {
    super(queueStart, {});
  }
}

/** A file's upload progressed; `totals` covers the whole queue. */
export class KumoUploadProgressEvent extends KumoEvent<{
  readonly file: QueueFile;
  readonly totals: QueueTotals;
}> {
  static readonly eventName = progress;
  constructor(file: QueueFile, totals: QueueTotals) {
    super(progress, { file, totals });
  }
}

/** A file was uploaded; `info` is the Upload API response (Cloudinary's `success`). */
export class KumoUploadSuccessEvent extends KumoEvent<{
  readonly file: QueueFile;
  readonly info: UploadResponse;
}> {
  static readonly eventName = success;
  constructor(file: QueueFile, info: UploadResponse) {
    super(success, { file, info });
  }
}

/** A file's upload failed; it stays in the queue to be retried. */
export class KumoUploadErrorEvent extends KumoEvent<{
  readonly file: QueueFile;
  readonly error: QueueFileError;
}> {
  static readonly eventName = failure;
  constructor(file: QueueFile, error: QueueFileError) {
    super(failure, { file, error });
  }
}

/** Uploads were canceled (`all` when every one was). */
export class KumoUploadAbortEvent extends KumoEvent<{
  readonly ids: readonly string[];
  readonly all: boolean;
}> {
  static readonly eventName = abort;
  constructor(ids: readonly string[], all: boolean) {
    super(abort, { ids, all });
  }
}

/** Failed uploads were started again (`all` for "retry failed"). */
export class KumoUploadRetryEvent extends KumoEvent<{
  readonly ids: readonly string[];
  readonly all: boolean;
}> {
  static readonly eventName = retry;
  constructor(ids: readonly string[], all: boolean) {
    super(retry, { ids, all });
  }
}

/** The queue has nothing left to upload (Cloudinary's `queues-end`). */
export class KumoUploadQueueEndEvent extends KumoEvent<{
  readonly successful: readonly QueueFile[];
  readonly failed: readonly QueueFile[];
}> {
  static readonly eventName = queueEnd;
  constructor(successful: readonly QueueFile[], failed: readonly QueueFile[]) {
    super(queueEnd, { successful, failed });
  }
}

/** Unfinished uploads from an earlier visit were brought back and resume. */
export class KumoUploadRestoredEvent extends KumoEvent<{ readonly files: readonly QueueFile[] }> {
  static readonly eventName = restored;
  constructor(files: readonly QueueFile[]) {
    super(restored, { files });
  }
}

/** The widget was shown, hidden, minimized or expanded again. */
export class KumoUploadDisplayChangedEvent extends KumoEvent<{ readonly state: DisplayState }> {
  static readonly eventName = displayChanged;
  constructor(state: DisplayState) {
    super(displayChanged, { state });
  }
}

/** The person switched to another source tab. */
export class KumoUploadSourceChangedEvent extends KumoEvent<{ readonly source: UploadSource }> {
  static readonly eventName = sourceChanged;
  constructor(source: UploadSource) {
    super(sourceChanged, { source });
  }
}

/** The widget was closed by the person, or by `close()` without `quiet`. */
export class KumoUploadCloseEvent extends KumoEvent<Record<string, never>> {
  static readonly eventName = close;
  constructor() {
    super(close, {});
  }
}

/**
 * A batch was refused: it held more files than allowed and the extra files were not added
 * (`MAX_EXCEEDED`), or the page's `preBatch` cancelled it and none were (`PREBATCH_CANCELLED`).
 */
export class KumoUploadBatchCancelledEvent extends KumoEvent<{ readonly reason: BatchCancelReason }> {
  static readonly eventName = batchCancelled;
  constructor(reason: BatchCancelReason) {
    super(batchCancelled, { reason });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [added]: KumoUploadAddedEvent;
    [rejected]: KumoUploadRejectedEvent;
    [queueStart]: KumoUploadQueueStartEvent;
    [progress]: KumoUploadProgressEvent;
    [success]: KumoUploadSuccessEvent;
    [failure]: KumoUploadErrorEvent;
    [abort]: KumoUploadAbortEvent;
    [retry]: KumoUploadRetryEvent;
    [queueEnd]: KumoUploadQueueEndEvent;
    [restored]: KumoUploadRestoredEvent;
    [displayChanged]: KumoUploadDisplayChangedEvent;
    [sourceChanged]: KumoUploadSourceChangedEvent;
    [close]: KumoUploadCloseEvent;
    [batchCancelled]: KumoUploadBatchCancelledEvent;
  }
}
