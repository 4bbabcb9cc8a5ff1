import type { UploadResourceType } from '@kumo/core';
import type { Palette } from '@kumo/ui/theme/palette';
import type {
  CropMode,
  PrepareUploadParamsFunction,
  SignatureFunction,
  UploadSource,
} from '../engine/upload-queue.types.js';
import type { TextOption } from '../locales/text-overrides.js';

/** How the widget shows: a trigger button opening a dialog (`modal`), or in the page (`inline`). */
export const WIDGET_MODES = ['modal', 'inline'] as const;
export type WidgetMode = (typeof WIDGET_MODES)[number];

/** What the form value holds for each uploaded file: its public id, or its secure delivery URL. */
export const VALUE_FORMATS = ['public_id', 'url'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** The states `kumo-upload-display-changed` reports, as Cloudinary's `display-changed` names them. */
export const DISPLAY_STATES = ['shown', 'hidden', 'minimized', 'expanded'] as const;
export type DisplayState = (typeof DISPLAY_STATES)[number];

/** How a crop travels: `custom_coordinates` for the server (`coordinates`), or cropped pixels (`apply`). */
export const CROPPING_MODES = ['coordinates', 'apply'] as const satisfies readonly CropMode[];

/** Resource types an upload may name. */
export const UPLOAD_RESOURCE_TYPES = [
  'auto',
  'image',
  'video',
  'raw',
] as const satisfies readonly UploadResourceType[];

/** Why `kumo-batch-cancelled` refused a batch: too many files, or the page's `preBatch` said so. */
export const BATCH_CANCEL_REASONS = ['MAX_EXCEEDED', 'PREBATCH_CANCELLED'] as const;
export type BatchCancelReason = (typeof BATCH_CANCEL_REASONS)[number];

/** What `preBatch` is told about each file of a batch. */
export interface BatchFileInfo {
  readonly name: string;
  readonly size: number;
  readonly type: string;
}

/**
 * Cloudinary's `preBatch(callback, data)`: called before a batch of files joins the queue, with
 * `data.files`; `callback({ cancel: true })` refuses the whole batch, `callback()` lets it in.
 * Returning a promise of the same answer is accepted too.
 */
export type PreBatchFunction = (
  callback: (result?: { readonly cancel?: boolean }) => void,
  data: { readonly files: readonly BatchFileInfo[] },
) => PreBatchReturn;

/** Nothing (the answer goes through the callback), or a promise of the answer. */
export type PreBatchReturn =
  // biome-ignore lint/suspicious/noConfusingVoidType: callback-style functions return nothing at all
  void | Promise<{ readonly cancel?: boolean } | undefined>;

/** What the widget body shows: the sources, the crop step, the queue, or what was uploaded. */
export const WIDGET_VIEWS = ['sources', 'crop', 'queue', 'completed'] as const;
export type WidgetView = (typeof WIDGET_VIEWS)[number];

/**
 * Every option of `<kumo-upload-widget>` as one object, Cloudinary's camelCase names; each is also
 * a property of the element (see its documentation for attributes and defaults).
 */
export interface UploadWidgetOptions {
  apiBase: string;
  cloudName: string;
  uploadPreset: string | undefined;
  apiKey: string | undefined;
  uploadSignature: string | SignatureFunction | undefined;
  prepareUploadParams: PrepareUploadParamsFunction | undefined;
  preBatch: PreBatchFunction | undefined;
  singleUploadAutoClose: boolean;
  autoMinimize: boolean;
  resourceType: UploadResourceType;
  sources: readonly UploadSource[];
  defaultSource: UploadSource | undefined;
  multiple: boolean;
  maxFiles: number | undefined;
  maxFileSize: number | undefined;
  maxImageFileSize: number | undefined;
  maxVideoFileSize: number | undefined;
  maxRawFileSize: number | undefined;
  clientAllowedFormats: readonly string[];
  minImageWidth: number | undefined;
  minImageHeight: number | undefined;
  maxImageWidth: number | undefined;
  maxImageHeight: number | undefined;
  validateMaxWidthHeight: boolean;
  cropping: boolean;
  croppingAspectRatio: number | undefined;
  croppingAspectRatios: readonly number[];
  croppingMode: CropMode;
  showSkipCropButton: boolean;
  folder: string | undefined;
  tags: readonly string[];
  context: Readonly<Record<string, string>> | undefined;
  publicId: string | undefined;
  chunkSize: number | undefined;
  parallelUploads: number | undefined;
  mode: WidgetMode;
  showAdvancedOptions: boolean;
  text: TextOption | undefined;
  palette: Palette | undefined;
  name: string;
  required: boolean;
  valueFormat: ValueFormat;
  recoveryKey: string | undefined;
}

/** The option names, in the order the documentation lists them. */
export type UploadWidgetOptionName = keyof UploadWidgetOptions;

/** Options of `open()`. */
export interface OpenOptions {
  /** Files, or URLs for the server to fetch, to put in the queue right away. */
  readonly files?: readonly (File | string)[];
}

/** Options of `close()`. */
export interface CloseOptions {
  /** Close without firing `kumo-upload-close` (the page closed it, not the person). */
  readonly quiet?: boolean;
}
