import { KumoEvent } from '@kumo/ui/events';

const submit = 'kumo-upload-url-submit';

/** The person entered a valid web address; the widget asks the server to fetch it. */
export class KumoUploadUrlSubmitEvent extends KumoEvent<{ readonly url: string }> {
  static readonly eventName = submit;
  constructor(url: string) {
    super(submit, { url });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [submit]: KumoUploadUrlSubmitEvent;
  }
}
