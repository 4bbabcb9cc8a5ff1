import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';
import type { QueueMessages } from './queue-controller.js';

/** What the queue controller announces, in the element's language. */
export function queueMessages(l: UploadLocalizeController<WidgetStrings>): QueueMessages {
  return {
    failed: (file) => l.term('errors.file_failed', { name: file.name, message: file.error?.message ?? '' }),
    progress: (percent) => l.term('queue.announce_progress', { percent: l.percent(percent / 100) }),
    added: (count) => l.term('queue.announce_added', { count }),
    done: (count) => l.term('queue.announce_done', { count }),
    restored: (count) => l.term('queue.announce_restored', { count }),
  };
}
