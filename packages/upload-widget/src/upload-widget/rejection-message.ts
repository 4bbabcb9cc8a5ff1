import type { Rejection } from '../engine/upload-queue.types.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { QueueMessages } from './queue-controller.js';

/** The widget's own limits, for rejections that do not carry their values. */
export interface RejectionLimits {
  readonly maxFiles?: number;
  readonly maxFileSize?: number;
  readonly clientAllowedFormats?: readonly string[];
}

const numberOf = (value: string | number | undefined): number => {
  const number = Number(value);
  return Number.isFinite(number) ? number : 0;
};

/** Tells the person, in their language, why a file was not added, with the limit it broke. */
export function rejectionMessage(
  rejection: Rejection,
  localize: UploadLocalizeController,
  limits: RejectionLimits = {},
): string {
  const { name, values } = rejection;
  const pixels = (limit: string | number | undefined, actual: string | number | undefined) =>
    // An axis without a limit is shown at the image's own size, which it meets.
    localize.number(numberOf(limit) || numberOf(actual));
  switch (rejection.reason) {
    case 'max-files':
      return localize.term('errors.max_number_of_files', {
        name,
        max: numberOf(values.max) || limits.maxFiles || 1,
      });
    case 'file-too-large': {
      const max = numberOf(values.maxBytes) || limits.maxFileSize || 0;
      return localize.term('errors.file_too_large', { name, size: localize.bytes(max) });
    }
    case 'format-not-allowed':
      return localize.term('errors.format_not_allowed', {
        name,
        formats: String(values.formats ?? limits.clientAllowedFormats?.join(', ') ?? ''),
      });
    case 'image-too-small':
      return localize.term('errors.min_dimensions_validation', {
        name,
        width: pixels(values.minWidth, values.width),
        height: pixels(values.minHeight, values.height),
      });
    case 'image-too-large':
      return localize.term('errors.max_dimensions_validation', {
        name,
        width: pixels(values.maxWidth, values.width),
        height: pixels(values.maxHeight, values.height),
      });
    default:
      return localize.term('errors.unreadable', { name });
  }
}

/** What the queue controller announces, in the element's language. */
export function queueMessages(localize: UploadLocalizeController, limits: RejectionLimits): QueueMessages {
  const l = localize;
  return {
    rejection: (rejection) => rejectionMessage(rejection, l, limits),
    failed: (file) => l.term('errors.file_failed', { name: file.name, message: file.error?.message ?? '' }),
    progress: (percent) => l.term('queue.announce_progress', { percent: l.percent(percent / 100) }),
    added: (count) => l.term('queue.announce_added', { count }),
    done: (count) => l.term('queue.announce_done', { count }),
    restored: (count) => l.term('queue.announce_restored', { count }),
  };
}
