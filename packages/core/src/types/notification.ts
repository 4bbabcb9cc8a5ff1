import type { UploadResponse } from './upload.js';

/** Body of an `upload` notification: the upload response plus notification metadata. */
export interface UploadNotification extends UploadResponse {
  notification_type: 'upload';
  timestamp?: string;
  request_id?: string;
  notification_context?: Record<string, unknown>;
}

/** Body of an `eager` notification, sent when asynchronous eager derivatives are ready. */
export interface EagerNotification {
  notification_type: 'eager';
  public_id: string;
  batch_id: string;
  eager: UploadResponse['eager'];
}

/** Any notification body; `notification_type` tells which. */
export type Notification =
  | UploadNotification
  | EagerNotification
  | { notification_type: string; [key: string]: unknown };
