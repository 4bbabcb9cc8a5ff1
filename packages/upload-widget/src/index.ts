/**
 * @kumo/upload-widget — `<kumo-upload-widget>` and its parts, their events and types, and the
 * DOM-free `UploadQueue` behind them. Importing this module registers nothing: import
 * `@kumo/upload-widget/define` to register the elements.
 */

export { UploadQueue } from './engine/upload-queue.js';
export {
  type AddResult,
  type CropMode,
  type CropRect,
  FILE_STATUSES,
  type FileStatus,
  type PreparedUploadParams,
  type PrepareUploadParamsFunction,
  type PrepareUploadParamsReturn,
  type QueueEvent,
  type QueueFile,
  type QueueFileError,
  type QueueSnapshot,
  type QueueTotals,
  REJECTION_REASONS,
  type Rejection,
  type RejectionReason,
  type SignatureFunction,
  type SignatureResult,
  UPLOAD_SOURCES,
  type UploadParameters,
  type UploadQueueOptions,
  type UploadRestrictions,
  type UploadSource,
} from './engine/upload-queue.types.js';
export type { UploadStringKey, UploadStrings } from './locales/strings.js';
export { uploadStrings } from './locales/strings.js';
export type { TextOption, TextOverrides } from './locales/text-overrides.js';
export { KumoUploadAdvancedChangeEvent } from './upload-advanced/upload-advanced.events.js';
export { KumoUploadAdvanced } from './upload-advanced/upload-advanced.js';
export { thumbnailUrl } from './upload-completed/thumbnail-url.js';
export { KumoUploadCompleted } from './upload-completed/upload-completed.js';
export { KumoUploadCropConfirmEvent, KumoUploadCropSkipEvent } from './upload-crop/upload-crop.events.js';
export { KumoUploadCrop } from './upload-crop/upload-crop.js';
export { CROP_ENGINES, type CropEngine } from './upload-crop/upload-crop.types.js';
export { KumoUploadFileActionEvent } from './upload-file-item/upload-file-item.events.js';
export { KumoUploadFileItem } from './upload-file-item/upload-file-item.js';
export { FILE_ACTIONS, type FileAction } from './upload-file-item/upload-file-item.types.js';
export { KumoUploadPhotoCaptureEvent } from './upload-source-camera/upload-source-camera.events.js';
export { KumoUploadSourceCamera } from './upload-source-camera/upload-source-camera.js';
export {
  CAMERA_PROBLEMS,
  CAMERA_STATES,
  type CameraProblem,
  type CameraState,
} from './upload-source-camera/upload-source-camera.types.js';
export {
  type FilePickMethod,
  KumoUploadFilesPickEvent,
} from './upload-source-local/upload-source-local.events.js';
export { KumoUploadSourceLocal } from './upload-source-local/upload-source-local.js';
export { KumoUploadUrlSubmitEvent } from './upload-source-url/upload-source-url.events.js';
export { KumoUploadSourceUrl } from './upload-source-url/upload-source-url.js';
export { KumoUploadSources } from './upload-sources/upload-sources.js';
export { UploadWidgetBase } from './upload-widget/upload-widget.base.js';
export {
  KumoUploadAbortEvent,
  KumoUploadAddedEvent,
  KumoUploadBatchCancelledEvent,
  KumoUploadCloseEvent,
  KumoUploadDisplayChangedEvent,
  KumoUploadErrorEvent,
  KumoUploadProgressEvent,
  KumoUploadQueueEndEvent,
  KumoUploadQueueStartEvent,
  KumoUploadRejectedEvent,
  KumoUploadRestoredEvent,
  KumoUploadRetryEvent,
  KumoUploadSourceChangedEvent,
  KumoUploadSuccessEvent,
} from './upload-widget/upload-widget.events.js';
export { KumoUploadWidget } from './upload-widget/upload-widget.js';
export {
  BATCH_CANCEL_REASONS,
  type BatchCancelReason,
  type BatchFileInfo,
  type CloseOptions,
  CROPPING_MODES,
  DISPLAY_STATES,
  type DisplayState,
  type OpenOptions,
  type PreBatchFunction,
  type PreBatchReturn,
  UPLOAD_RESOURCE_TYPES,
  type UploadWidgetOptionName,
  type UploadWidgetOptions,
  VALUE_FORMATS,
  type ValueFormat,
  WIDGET_MODES,
  WIDGET_VIEWS,
  type WidgetMode,
  type WidgetView,
} from './upload-widget/upload-widget.types.js';
export {
  KumoUploadPublicIdChangedEvent,
  KumoUploadShowCompletedEvent,
  KumoUploadTagsChangedEvent,
} from './upload-widget/widget-panel.events.js';
