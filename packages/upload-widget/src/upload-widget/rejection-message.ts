/**
 * Why a file was not added, in the person's language: loaded with the first refusal, together with
 * its strings.
 */
import type { Rejection } from '../engine/upload-queue.types.js';
import { rejectionStrings } from '../locales/rejection.strings.js';
import type { UploadLocalizeController } from '../locales/upload-localize-controller.js';
import type { WidgetStrings } from '../locales/widget.strings.js';

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
  localize: UploadLocalizeController<WidgetStrings>,
  limits: RejectionLimits = {},
): string {
  const { name, values } = rejection;
  const pixels = (limit: string | number | undefined, actual: string | number | undefined) =>
    // An axis without a limit is shown at the image's own size, which it meets.
    localize.number(numberOf(limit) || numberOf(actual));
  switch (rejection.reason) {
    case 'max-files':
      return localize.termIn(rejectionStrings, 'errors.max_number_of_files', {
        name,
        max: numberOf(values.max) || limits.maxFiles || 1,
      });
    case 'file-too-large': {
      const max = numberOf(values.maxBytes) || limits.maxFileSize || 0;
      return localize.termIn(rejectionStrings, 'errors.file_too_large', { name, size: localize.bytes(max) });
    }
    case 'format-not-allowed':
      return localize.termIn(rejectionStrings, 'errors.format_not_allowed', {
        name,
        formats: String(values.formats ?? limits.clientAllowedFormats?.join(', ') ?? ''),
      });
    case 'image-too-small':
      return localize.termIn(rejectionStrings, 'errors.min_dimensions_validation', {
        name,
        width: pixels(values.minWidth, values.width),
        height: pixels(values.minHeight, values.height),
      });
    case 'image-too-large':
      return localize.termIn(rejectionStrings, 'errors.max_dimensions_validation', {
        name,
        width: pixels(values.maxWidth, values.width),
        height: pixels(values.maxHeight, values.height),
      });
    default:
      return localize.termIn(rejectionStrings, 'errors.unreadable', { name });
  }
}
