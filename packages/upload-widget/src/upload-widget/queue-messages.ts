/**
 * What the queue controller says to screen readers, with the announcer that says it: loaded with the
 * first announcement (or when the page is idle), so a page that never uploads never loads it.
 */
import { announceStrings } from '../locales/announce.strings.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';
import type { QueueMessages } from './queue-controller.js';

export { announce } from '@kumo/ui/announcer';

/** What the queue controller announces, in the element's language. */
export function queueMessages(l: UploadLocalizeController<WidgetStrings>): QueueMessages {
  return {
    failed: (file) =>
      l.termIn(announceStrings, 'errors.file_failed', {
        name: file.name,
        message: file.error?.message ?? '',
      }),
    progress: (percent) =>
      l.termIn(announceStrings, 'queue.announce_progress', { percent: l.percent(percent / 100) }),
    added: (count) => l.termIn(announceStrings, 'queue.announce_added', { count }),
    done: (count) => l.termIn(announceStrings, 'queue.announce_done', { count }),
    restored: (count) => l.termIn(announceStrings, 'queue.announce_restored', { count }),
  };
}
