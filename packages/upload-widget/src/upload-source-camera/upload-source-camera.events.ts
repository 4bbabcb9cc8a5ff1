import { KumoEvent } from '@kumo/ui/events';

const capture = 'kumo-upload-photo-capture';

/** The person took a photo and chose to upload it (`detail.file`, a JPEG). */
export class KumoUploadPhotoCaptureEvent extends KumoEvent<{ readonly file: File }> {
  static readonly eventName = capture;
  constructor(file: File) {
    super(capture, { file });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [capture]: KumoUploadPhotoCaptureEvent;
  }
}
