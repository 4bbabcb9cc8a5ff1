import { KumoEvent } from '@kumo/ui/events';

const pick = 'kumo-upload-files-pick';

/** How files arrived at the local source. */
export type FilePickMethod = 'picker' | 'drop' | 'paste';

/** The person chose, dropped or pasted files; the widget adds them to its queue. */
export class KumoUploadFilesPickEvent extends KumoEvent<{
  readonly files: readonly File[];
  readonly method: FilePickMethod;
}> {
  static readonly eventName = pick;
  constructor(files: readonly File[], method: FilePickMethod) {
    super(pick, { files, method });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [pick]: KumoUploadFilesPickEvent;
  }
}
