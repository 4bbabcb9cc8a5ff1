/**
 * `<kumo-upload-widget>`'s DOM events → the `(error, result)` calls of a Cloudinary upload widget
 * callback, with Cloudinary's event names and payload shapes. Pure: the handle listens and calls.
 */
import type { UploadResponse } from '@kumo/core';
import type { QueueFile } from '@kumo/upload-widget';

/** The element events the embed listens to. */
export const WIDGET_EVENT_TYPES = [
  'kumo-upload-added',
  'kumo-queue-start',
  'kumo-upload-success',
  'kumo-upload-error',
  'kumo-upload-abort',
  'kumo-upload-retry',
  'kumo-queue-end',
  'kumo-display-changed',
  'kumo-source-changed',
  'kumo-close',
  'kumo-batch-cancelled',
  'kumo-public-id-changed',
  'kumo-tags-changed',
  'kumo-show-completed',
] as const;
export type WidgetEventType = (typeof WIDGET_EVENT_TYPES)[number];

/** Cloudinary's `result.event` names that Kumo sends. */
export const CLOUDINARY_EVENT_NAMES = [
  'upload-added',
  'queues-start',
  'success',
  'abort',
  'retry',
  'queues-end',
  'display-changed',
  'source-changed',
  'close',
  'batch-cancelled',
  'publicid',
  'tags',
  'show-completed',
] as const;
export type CloudinaryEventName = (typeof CLOUDINARY_EVENT_NAMES)[number];

/** What `upload-added` reports about a file, as Cloudinary's widget does. */
export interface AddedFileInfo {
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly lastModified?: number;
  readonly lastModifiedDate?: Date;
}

/** A queue item as `queues-end` lists it. */
export interface QueueItemInfo {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly status: string;
  readonly done: boolean;
  readonly progress: number;
  readonly uploadInfo?: UploadResponse;
}

/** An uploaded file as `show-completed` lists it; `file` is what was picked (absent for web addresses). */
export interface CompletedItemInfo extends QueueItemInfo {
  readonly file?: Blob;
}

/** The success payload: the Upload API response plus the widget's own file and batch ids. */
export type SuccessInfo = UploadResponse & { readonly id: string; readonly batchId: string };

/** The second argument of the callback: `{ event, info }`. */
export type UploadWidgetResult =
  | { readonly event: 'success'; readonly info: SuccessInfo }
  | {
      readonly event: 'upload-added';
      readonly info: { readonly file: AddedFileInfo; readonly publicId: string };
    }
  | { readonly event: 'queues-start'; readonly info: Record<string, never> }
  | {
      readonly event: 'queues-end';
      readonly info: { readonly files: readonly QueueItemInfo[]; readonly batchId: string };
    }
  | {
      readonly event: 'abort' | 'retry';
      readonly info: { readonly ids: readonly string[]; readonly all: boolean };
    }
  | { readonly event: 'batch-cancelled'; readonly info: { readonly reason: string } }
  | { readonly event: 'close'; readonly info: Record<string, never> }
  | { readonly event: 'display-changed'; readonly info: 'shown' | 'hidden' | 'minimized' | 'expanded' }
  | { readonly event: 'source-changed'; readonly info: { readonly source: string } }
  | { readonly event: 'publicid'; readonly info: { readonly id: string } }
  | { readonly event: 'tags'; readonly info: { readonly tags: readonly string[] } }
  | { readonly event: 'show-completed'; readonly info: { readonly items: readonly CompletedItemInfo[] } };

/** The first argument of the callback when something failed. */
export interface UploadWidgetError {
  /** HTTP status of the refusal; 0 when no response came (network) or the browser refused the file. */
  readonly status: number;
  readonly statusText: string;
}

/** `callback(error, result)`: Cloudinary's widget callback. */
export type UploadWidgetCallback = (
  error: UploadWidgetError | null,
  result: UploadWidgetResult | undefined,
) => void;

/** One call to make: the callback's two arguments. */
export interface CallbackCall {
  readonly error: UploadWidgetError | null;
  readonly result: UploadWidgetResult | undefined;
}

type FileLike = Pick<QueueFile, 'id' | 'name' | 'size' | 'type' | 'status' | 'percent'> & {
  readonly data?: unknown;
  readonly response?: UploadResponse;
};

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

function addedFile(file: FileLike): AddedFileInfo {
  const lastModified = record(file.data)['lastModified'];
  return {
    name: file.name,
    size: file.size,
    type: file.type,
    ...(typeof lastModified === 'number' ? { lastModified, lastModifiedDate: new Date(lastModified) } : {}),
  };
}

function queueItem(file: FileLike): QueueItemInfo {
  return {
    id: file.id,
    name: file.name,
    size: file.size,
    type: file.type,
    status: file.status,
    done: file.status === 'done',
    progress: file.percent,
    ...(file.response ? { uploadInfo: file.response } : {}),
  };
}

function completedItem(file: FileLike): CompletedItemInfo {
  return { ...queueItem(file), ...(file.data instanceof Blob ? { file: file.data } : {}) };
}

const files = (value: unknown): FileLike[] => (Array.isArray(value) ? (value as FileLike[]) : []);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const DISPLAY_STATES = ['shown', 'hidden', 'minimized', 'expanded'] as const;

const call = (result: UploadWidgetResult): CallbackCall => ({ error: null, result });

/**
 * The callback calls one element event stands for: none for events Cloudinary has no equivalent
 * of, one for most, one per file for `kumo-upload-added`. `batchId` names the current batch.
 */
export function mapWidgetEvent(type: string, detail: unknown, batchId: string): CallbackCall[] {
  const data = record(detail);
  switch (type as WidgetEventType) {
    case 'kumo-upload-added':
      return files(data['files']).map((file) =>
        call({ event: 'upload-added', info: { file: addedFile(file), publicId: file.id } }),
      );
    case 'kumo-queue-start':
      return [call({ event: 'queues-start', info: {} })];
    case 'kumo-upload-success': {
      const file = record(data['file']);
      const info = record(data['info']) as unknown as UploadResponse;
      return [call({ event: 'success', info: { ...info, id: String(file['id'] ?? ''), batchId } })];
    }
    case 'kumo-upload-error': {
      const error = record(data['error']);
      const status = typeof error['status'] === 'number' ? error['status'] : 0;
      const statusText = typeof error['message'] === 'string' ? error['message'] : 'Upload failed';
      return [{ error: { status, statusText }, result: undefined }];
    }
    case 'kumo-upload-abort':
    case 'kumo-upload-retry':
      return [
        call({
          event: type === 'kumo-upload-abort' ? 'abort' : 'retry',
          info: { ids: ids(data['ids']), all: data['all'] === true },
        }),
      ];
    case 'kumo-queue-end':
      return [
        call({
          event: 'queues-end',
          info: { files: [...files(data['successful']), ...files(data['failed'])].map(queueItem), batchId },
        }),
      ];
    case 'kumo-display-changed': {
      const state = data['state'];
      if (!(DISPLAY_STATES as readonly unknown[]).includes(state)) return [];
      return [call({ event: 'display-changed', info: state as (typeof DISPLAY_STATES)[number] })];
    }
    case 'kumo-source-changed':
      return [call({ event: 'source-changed', info: { source: String(data['source'] ?? '') } })];
    case 'kumo-close':
      return [call({ event: 'close', info: {} })];
    case 'kumo-batch-cancelled':
      return [call({ event: 'batch-cancelled', info: { reason: String(data['reason'] ?? '') } })];
    case 'kumo-public-id-changed':
      return [call({ event: 'publicid', info: { id: String(data['id'] ?? '') } })];
    case 'kumo-tags-changed':
      return [call({ event: 'tags', info: { tags: ids(data['tags']) } })];
    case 'kumo-show-completed':
      return [call({ event: 'show-completed', info: { items: files(data['items']).map(completedItem) } })];
    default:
      return [];
  }
}
