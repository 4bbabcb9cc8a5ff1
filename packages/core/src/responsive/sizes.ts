import { DeliveryUrlError } from '../url/delivery-url-error.js';

/** One entry of a `sizes` attribute: a media condition and the slot width used while it matches. */
export interface SizesRule {
  /** `(max-width: <n>px)` */
  maxWidth?: number;
  /** `(min-width: <n>px)` */
  minWidth?: number;
  /** Any other media condition, written as given (e.g. `(orientation: portrait)`). */
  media?: string;
  /** Slot width: a number of CSS pixels or any CSS length (`50vw`, `calc(100vw - 2rem)`). */
  size: number | string;
}

function length(size: number | string): string {
  if (typeof size === 'number') {
    if (!Number.isFinite(size) || size < 0)
      throw new DeliveryUrlError('invalid_option', `sizes: invalid size ${size}`);
    return `${size}px`;
  }
  if (typeof size !== 'string' || size.trim() === '') {
    throw new DeliveryUrlError('invalid_option', 'sizes: every rule needs a size');
  }
  return size.trim();
}

/**
 * A `sizes` attribute value, e.g. `sizes([{ maxWidth: 600, size: '100vw' }], 600)` →
 * `(max-width: 600px) 100vw, 600px`. The fallback (slot width when no rule matches) comes last.
 */
export function sizes(rules: readonly SizesRule[], fallback?: number | string): string {
  if (!Array.isArray(rules)) throw new DeliveryUrlError('invalid_option', 'sizes: rules must be an array');
  const entries = rules.map((rule) => {
    const conditions: string[] = [];
    if (rule.minWidth !== undefined) conditions.push(`(min-width: ${length(rule.minWidth)})`);
    if (rule.maxWidth !== undefined) conditions.push(`(max-width: ${length(rule.maxWidth)})`);
    if (rule.media) conditions.push(rule.media);
    const slot = length(rule.size);
    return conditions.length ? `${conditions.join(' and ')} ${slot}` : slot;
  });
  if (fallback !== undefined) entries.push(length(fallback));
  return entries.join(', ');
}

/**
 * The SDK's `sizes` for a breakpoint list: each width is the slot up to that viewport width,
 * `(max-width: 320px) 320px, (max-width: 640px) 640px`.
 */
export function breakpointSizes(widths: readonly number[]): string {
  return sizes(widths.map((width) => ({ maxWidth: width, size: width })));
}
