import { KumoEvent } from '@kumo/ui/events';
import type { CropRect } from '../engine/upload-queue.types.js';

const confirm = 'kumo-upload-crop-confirm';
const skip = 'kumo-upload-crop-skip';

/** The person accepted the crop (`detail.rect`, in the image's pixels). */
export class KumoUploadCropConfirmEvent extends KumoEvent<{ readonly rect: CropRect }> {
  static readonly eventName = confirm;
  constructor(rect: CropRect) {
    super(confirm, { rect });
  }
}

/** The person chose to upload the image as it is. */
export class KumoUploadCropSkipEvent extends KumoEvent<Record<string, never>> {
  static readonly eventName = skip;
  constructor() {
    super(skip, {});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [confirm]: KumoUploadCropConfirmEvent;
    [skip]: KumoUploadCropSkipEvent;
  }
}
