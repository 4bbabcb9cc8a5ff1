/**
 * The `<kumo-upload-widget>` events that only its panel fires (the panel's code loads when the widget
 * first shows), kept apart from upload-widget.events.ts so that they load with it, not with the page.
 */
import { KumoEvent } from '@kumo/ui/events';
import type { QueueFile } from '../engine/upload-queue.types.js';

const publicIdChanged = 'kumo-public-id-changed';
const tagsChanged = 'kumo-tags-changed';
const showCompleted = 'kumo-show-completed';

/** The person changed the public id in the advanced options (Cloudinary's `publicid`). */
export class KumoUploadPublicIdChangedEvent extends KumoEvent<{ readonly id: string }> {
  static readonly eventName = publicIdChanged;
  constructor(id: string) {
    super(publicIdChanged, { id });
  }
}

/** The person changed the tags in the advanced options (Cloudinary's `tags`). */
export class KumoUploadTagsChangedEvent extends KumoEvent<{ readonly tags: readonly string[] }> {
  static readonly eventName = tagsChanged;
  constructor(tags: readonly string[]) {
    super(tagsChanged, { tags });
  }
}

/** The widget shows its uploaded files (Cloudinary's `show-completed`); `items` are those files. */
export class KumoUploadShowCompletedEvent extends KumoEvent<{ readonly items: readonly QueueFile[] }> {
  static readonly eventName = showCompleted;
  constructor(items: readonly QueueFile[]) {
    super(showCompleted, { items });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [publicIdChanged]: KumoUploadPublicIdChangedEvent;
    [tagsChanged]: KumoUploadTagsChangedEvent;
    [showCompleted]: KumoUploadShowCompletedEvent;
  }
}
