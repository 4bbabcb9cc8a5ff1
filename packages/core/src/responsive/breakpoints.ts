import { DeliveryUrlError } from '../url/delivery-url-error.js';

/** A width range: every `step` pixels, or `count` widths spread like Cloudinary's SDK spreads them. */
export type BreakpointOptions =
  | { min: number; max: number; step: number; count?: never }
  | { min: number; max: number; count: number; step?: never };

function invalid(message: string): DeliveryUrlError {
  return new DeliveryUrlError('invalid_option', message);
}

function positive(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(`breakpoints: ${name} must be a positive number, got ${String(value)}`);
  }
  return value;
}

/**
 * Image widths from `min` to `max` (both included), ascending. With `count`, the step is
 * `ceil((max - min) / (count - 1))` as in the SDK's `srcset: { min_width, max_width, max_images }`.
 */
export function breakpoints(options: BreakpointOptions): number[] {
  if (options == null || typeof options !== 'object') throw invalid('breakpoints: options must be an object');
  const min = Math.round(positive('min', options.min));
  const max = Math.round(positive('max', options.max));
  if (min > max) throw invalid(`breakpoints: min (${min}) must not exceed max (${max})`);
  let step: number;
  if (options.step !== undefined) {
    step = positive('step', options.step);
  } else {
    const count = positive('count', options.count);
    if (!Number.isInteger(count)) throw invalid(`breakpoints: count must be an integer, got ${count}`);
    if (count === 1) return [max];
    step = Math.ceil((max - min) / (count - 1));
  }
  const widths: number[] = [];
  // A zero step (min === max) would never advance.
  for (let width = min; width < max && step > 0; width += step) widths.push(Math.round(width));
  widths.push(max);
  return [...new Set(widths)];
}
