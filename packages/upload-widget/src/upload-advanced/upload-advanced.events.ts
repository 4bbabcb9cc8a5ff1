import { KumoEvent } from '@kumo/ui/events';

const change = 'kumo-upload-advanced-change';

/** The public id or tags typed for the next uploads changed. */
export class KumoUploadAdvancedChangeEvent extends KumoEvent<{
  readonly publicId: string;
  readonly tags: readonly string[];
}> {
  static readonly eventName = change;
  constructor(publicId: string, tags: readonly string[]) {
    super(change, { publicId, tags });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [change]: KumoUploadAdvancedChangeEvent;
  }
}
