import { KumoEvent } from '../events/kumo-event.js';
import type { DialogCloseSource } from './dialog.types.js';

const requestClose = 'kumo-dialog-request-close';
const close = 'kumo-dialog-close';
const open = 'kumo-dialog-open';

/**
 * The dialog is about to close because of `source`; `preventDefault()` keeps it open (to ask
 * "discard changes?", or while an upload runs).
 */
export class KumoDialogRequestCloseEvent extends KumoEvent<{ readonly source: DialogCloseSource }> {
  static readonly eventName = requestClose;
  constructor(source: DialogCloseSource) {
    super(requestClose, { source }, { cancelable: true });
  }
}

/** The dialog has closed; focus has gone back to where it was before it opened. */
export class KumoDialogCloseEvent extends KumoEvent<{ readonly source: DialogCloseSource }> {
  static readonly eventName = close;
  constructor(source: DialogCloseSource) {
    super(close, { source });
  }
}

/** The dialog has opened and focus is inside it. */
export class KumoDialogOpenEvent extends KumoEvent<Record<string, never>> {
  static readonly eventName = open;
  constructor() {
    super(open, {});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [requestClose]: KumoDialogRequestCloseEvent;
    [close]: KumoDialogCloseEvent;
    [open]: KumoDialogOpenEvent;
  }
}
