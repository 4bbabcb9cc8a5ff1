import type { UploadResponse } from '@kumo/core';
import type { Uppy, UppyFile } from '@uppy/core';
import type { StoredResume } from './recovery-store.js';
import type { CropMode, CropRect, UploadSource } from './upload-queue.types.js';

/**
 * What the queue keeps on each Uppy file, in `file.meta` (Uppy's place for per-file data). The Kumo
 * uploader does not send meta as form fields: parameters come from the queue's options.
 */
export type KumoMeta = {
  /** The id the file gets in Uppy's state (kept across reloads for recovered files). */
  kumoId?: string;
  kumoSource?: UploadSource;
  /** For `url` sources: the address the server fetches. */
  remoteUrl?: string;
  crop?: { readonly rect: CropRect; readonly mode: CropMode };
  /** Brought back from IndexedDB. */
  restored?: boolean;
  /** Cancelled by the user; only `retry` uploads it again. */
  aborted?: boolean;
  /** Every byte is sent and the server is working on it. */
  processing?: boolean;
  /** HTTP status of the last failure, when the server answered. */
  errorStatus?: number;
  /** Where an interrupted chunked upload continues. */
  resume?: StoredResume;
};

/** Uppy's response body for a finished file: the Upload API response. */
export type KumoBody = UploadResponse & Record<string, unknown>;

/** The Uppy instance of an upload queue. */
export type KumoUppy = Uppy<KumoMeta, KumoBody>;

/** A file in that instance's state. */
export type KumoUppyFile = UppyFile<KumoMeta, KumoBody>;
