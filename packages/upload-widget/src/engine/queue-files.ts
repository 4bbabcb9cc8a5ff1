import type { KumoUppyFile } from './kumo-file-meta.js';
import type { FileStatus, QueueFile, QueueTotals } from './upload-queue.types.js';

/** Speed figures from the progress meter, which live outside Uppy's state. */
export interface LiveRate {
  readonly speed: number;
  readonly secondsLeft?: number;
}

/** A file's status, from Uppy's progress and error plus the queue's own flags. */
export function statusOf(file: KumoUppyFile): FileStatus {
  if (file.error) return 'error';
  if (file.meta.aborted) return 'aborted';
  if (file.progress.uploadComplete) return 'done';
  if (file.progress.uploadStarted != null) return file.meta.processing ? 'processing' : 'uploading';
  return 'pending';
}

/** Freezes a JSON value all the way down, so a snapshot cannot be changed through its response. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

function percentOf(uploaded: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((uploaded * 100) / total));
}

/** The immutable view of one Uppy file that the queue hands out. */
export function toQueueFile(file: KumoUppyFile, rate: LiveRate = { speed: 0 }): QueueFile {
  const { meta, progress } = file;
  const status = statusOf(file);
  const source = meta.kumoSource ?? 'local';
  const size = file.size ?? 0;
  const started = progress.uploadStarted != null;
  const bytesTotal = started ? (progress.bytesTotal ?? size) : (meta.resume?.preparedData?.size ?? size);
  const bytesUploaded =
    status === 'done'
      ? bytesTotal
      : started
        ? progress.bytesUploaded || 0
        : Math.min(meta.resume?.offset ?? 0, bytesTotal);
  const live = status === 'uploading' || status === 'processing';
  const queued: QueueFile = {
    id: file.id,
    name: file.name,
    size,
    type: file.type,
    source,
    ...(source === 'url' || !file.data ? {} : { data: file.data as Blob }),
    ...(meta.remoteUrl ? { remoteUrl: meta.remoteUrl } : {}),
    status,
    bytesUploaded,
    bytesTotal,
    percent: status === 'done' ? 100 : percentOf(bytesUploaded, bytesTotal),
    speed: live ? rate.speed : 0,
    ...(live && rate.secondsLeft !== undefined ? { secondsLeft: rate.secondsLeft } : {}),
    ...(file.error
      ? {
          error: Object.freeze({
            message: file.error,
            ...(meta.errorStatus ? { status: meta.errorStatus } : {}),
          }),
        }
      : {}),
    ...(status === 'done' && file.response?.body ? { response: deepFreeze(file.response.body) } : {}),
    ...(meta.crop ? { crop: meta.crop } : {}),
    ...(meta.restored ? { restored: true } : {}),
  };
  return Object.freeze(queued);
}

/** Sums over the files that still count (aborted files do not). */
export function totalsOf(files: readonly QueueFile[]): QueueTotals {
  let bytesUploaded = 0;
  let bytesTotal = 0;
  for (const file of files) {
    if (file.status === 'aborted') continue;
    bytesUploaded += file.bytesUploaded;
    bytesTotal += file.bytesTotal;
  }
  return Object.freeze({ bytesUploaded, bytesTotal, percent: percentOf(bytesUploaded, bytesTotal) });
}
