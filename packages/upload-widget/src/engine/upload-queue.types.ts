import type { UploadResourceType, UploadResponse } from '@kumo/core';

/** Where a file came from; also the widget's source tabs, in Cloudinary's names. */
export const UPLOAD_SOURCES = ['local', 'url', 'camera'] as const;
export type UploadSource = (typeof UPLOAD_SOURCES)[number];

/** Why a file was refused before it reached the server. The widget turns these into localized text. */
export const REJECTION_REASONS = [
  'max-files',
  'file-too-large',
  'format-not-allowed',
  'image-too-small',
  'image-too-large',
  'unreadable',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export const FILE_STATUSES = ['pending', 'uploading', 'processing', 'done', 'error', 'aborted'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/**
 * Cloudinary's `uploadSignature` function contract: called at upload time with the final parameters
 * (including the timestamp to sign); answer through `callback` with the signature string, or with
 * `{ signature, api_key?, timestamp? }`. Returning a promise of the same is accepted too.
 */
export type SignatureFunction = (
  callback: (result: string | SignatureResult) => void,
  paramsToSign: Record<string, string | number>,
) => SignatureFunctionReturn;

/** Nothing (the answer goes through the callback), or a promise of the answer. */
export type SignatureFunctionReturn =
  // biome-ignore lint/suspicious/noConfusingVoidType: callback-style functions return nothing at all
  void | Promise<string | SignatureResult>;

export interface SignatureResult {
  readonly signature: string;
  readonly api_key?: string;
  readonly timestamp?: number | string;
}

/**
 * What Cloudinary's `prepareUploadParams` answers for one file: the parameters to upload it with
 * (camelCase as listed, or any Upload API parameter in snake_case), a `signature` (with
 * `uploadSignatureTimestamp` and `apiKey`) for a signed upload, or `{ cancel: true }` to not upload it.
 */
export interface PreparedUploadParams {
  readonly apiKey?: string;
  readonly context?: Readonly<Record<string, string>>;
  readonly folder?: string;
  readonly publicId?: string;
  readonly tags?: readonly string[] | string;
  readonly uploadPreset?: string;
  readonly signature?: string;
  readonly uploadSignatureTimestamp?: number | string;
  readonly resourceType?: UploadResourceType;
  /** The file is not uploaded; it ends as `aborted`. */
  readonly cancel?: boolean;
  readonly [parameter: string]: unknown;
}

/**
 * Cloudinary's `prepareUploadParams(callback, params)`: called for each file when its upload starts,
 * with the Upload API parameters it would be sent with (snake_case, as `uploadSignature` gets them,
 * without a timestamp); answer through `callback` with one object or a list (the first item is used).
 * Replaces `uploadSignature` when both are set. Returning a promise of the answer is accepted too.
 */
export type PrepareUploadParamsFunction = (
  callback: (result: PreparedUploadParams | readonly PreparedUploadParams[]) => void,
  params: Record<string, string>,
) => PrepareUploadParamsReturn;

/** Nothing (the answer goes through the callback), or a promise of the answer. */
export type PrepareUploadParamsReturn =
  // biome-ignore lint/suspicious/noConfusingVoidType: callback-style functions return nothing at all
  void | Promise<PreparedUploadParams | readonly PreparedUploadParams[]>;

/** Client-side checks, Cloudinary's option names. Sizes in bytes, dimensions in pixels. */
export interface UploadRestrictions {
  readonly maxFiles?: number;
  readonly maxFileSize?: number;
  readonly maxImageFileSize?: number;
  readonly maxVideoFileSize?: number;
  readonly maxRawFileSize?: number;
  /** Extensions without dots, case-insensitive (`['jpg', 'png']`). */
  readonly clientAllowedFormats?: readonly string[];
  readonly minImageWidth?: number;
  readonly minImageHeight?: number;
  /** Images larger than this are scaled down in the browser before upload, or refused when `validateMaxWidthHeight`. */
  readonly maxImageWidth?: number;
  readonly maxImageHeight?: number;
  readonly validateMaxWidthHeight?: boolean;
}

/** Upload API parameters passed through with every file (snake_case on the wire). */
export interface UploadParameters {
  readonly folder?: string;
  readonly tags?: readonly string[];
  readonly context?: Readonly<Record<string, string>>;
  readonly publicId?: string;
  /** Any other Upload API parameter, sent as is (`{ overwrite: 'true', eager: 'c_fill,w_200' }`). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface UploadQueueOptions extends UploadRestrictions, UploadParameters {
  /** The Kumo server's origin (`http://127.0.0.1:3000`); empty for the page's own origin. */
  readonly apiBase: string;
  readonly cloudName: string;
  readonly resourceType?: UploadResourceType;
  /** Unsigned uploads name an unsigned preset; signed uploads may name one too. */
  readonly uploadPreset?: string;
  readonly apiKey?: string;
  /** A signing endpoint URL (POST `{params_to_sign}` → `{signature, api_key, timestamp}`) or a function. */
  readonly uploadSignature?: string | SignatureFunction;
  /** Called per file at upload time for the parameters to send (replaces `uploadSignature`). */
  readonly prepareUploadParams?: PrepareUploadParamsFunction;
  /** Files larger than this go up in chunks of this size (bytes, Cloudinary's `maxChunkSize`). Default 20 MB. */
  readonly chunkSize?: number;
  /** Files uploaded at the same time. Default 3. */
  readonly parallelUploads?: number;
  /** Delays in ms between automatic retries of a failed request (a chunk, or a whole small file). */
  readonly retryDelays?: readonly number[];
  /** IndexedDB key under which the queue is kept for crash recovery; no recovery when absent. */
  readonly recoveryKey?: string;
}

/** A crop rectangle in the source image's pixels. */
export interface CropRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** `coordinates` sends `custom_coordinates`; `apply` crops the pixels in the browser before upload. */
export type CropMode = 'coordinates' | 'apply';

export interface QueueFileError {
  /** HTTP status when the server answered, absent for network failures and client-side errors. */
  readonly status?: number;
  /** The server's `error.message`, or a client-side description. */
  readonly message: string;
}

export interface QueueFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly type: string;
  readonly source: UploadSource;
  /** The bytes to upload; absent for `url` sources (the server fetches them). */
  readonly data?: Blob;
  readonly remoteUrl?: string;
  readonly status: FileStatus;
  readonly bytesUploaded: number;
  readonly bytesTotal: number;
  /** 0–100. */
  readonly percent: number;
  /** Bytes per second over the last few seconds; 0 when unknown. */
  readonly speed: number;
  /** Seconds left at the current speed; undefined when unknown. */
  readonly secondsLeft?: number;
  readonly error?: QueueFileError;
  readonly response?: UploadResponse;
  readonly crop?: { readonly rect: CropRect; readonly mode: CropMode };
  /** True for files brought back from IndexedDB after a reload. */
  readonly restored?: boolean;
}

export interface QueueTotals {
  readonly bytesUploaded: number;
  readonly bytesTotal: number;
  readonly percent: number;
}

export interface Rejection {
  readonly name: string;
  readonly reason: RejectionReason;
  /** Values for the message (`{ max: 5 }`, `{ maxBytes }`, `{ formats: 'jpg, png' }`, `{ width, height }`). */
  readonly values: Readonly<Record<string, string | number>>;
}

export interface AddResult {
  readonly added: readonly QueueFile[];
  readonly rejected: readonly Rejection[];
}

export type QueueEvent =
  | { readonly type: 'added'; readonly files: readonly QueueFile[] }
  | { readonly type: 'rejected'; readonly rejections: readonly Rejection[] }
  | { readonly type: 'queue-start' }
  | { readonly type: 'progress'; readonly file: QueueFile; readonly totals: QueueTotals }
  | { readonly type: 'success'; readonly file: QueueFile; readonly response: UploadResponse }
  | { readonly type: 'error'; readonly file: QueueFile; readonly error: QueueFileError }
  | { readonly type: 'abort'; readonly ids: readonly string[]; readonly all: boolean }
  | { readonly type: 'retry'; readonly ids: readonly string[]; readonly all: boolean }
  | { readonly type: 'restored'; readonly files: readonly QueueFile[] }
  | {
      readonly type: 'queue-end';
      readonly successful: readonly QueueFile[];
      readonly failed: readonly QueueFile[];
    }
  /** Any change at all: a view re-renders from `snapshot()`. */
  | { readonly type: 'state' };

export interface QueueSnapshot {
  readonly files: readonly QueueFile[];
  readonly totals: QueueTotals;
  readonly uploading: boolean;
}
