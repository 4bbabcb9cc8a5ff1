import { KumoEvent } from '@kumo/ui/events';
import type { FileAction } from './upload-file-item.types.js';

const action = 'kumo-upload-file-action';

/** A file row's button was pressed: retry, cancel or remove the file `detail.id`. */
export class KumoUploadFileActionEvent extends KumoEvent<{
  readonly id: string;
  readonly action: FileAction;
}> {
  static readonly eventName = action;
  constructor(id: string, fileAction: FileAction) {
    super(action, { id, action: fileAction });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [action]: KumoUploadFileActionEvent;
  }
}
