/**
 * Reading the numeric parameters of a component in context: expressions, relative sizes (`w_0.5`),
 * `dpr_auto` and `w_auto` from client hints.
 */
import type { Scalar } from '@kumo/core';
import { evaluateNumber, type Scope } from './expression-eval.js';
import { invalid } from './render-error.js';
import type { ClientHints } from './render-types.js';

/** A literal with a decimal point (`0.5`, `1.0`) is a fraction of a reference size; integers are pixels. */
export function isRelativeLiteral(value: Scalar): boolean {
  if (typeof value === 'number') return !Number.isInteger(value);
  return /^-?(\d+\.\d*|\.\d+)$/.test(value);
}

/** A length in pixels: an integer, an expression, or a fraction of `reference`. */
export function readLength(value: Scalar, reference: number, scope: Scope, label: string): number {
  const n = evaluateNumber(value, scope, label);
  return isRelativeLiteral(value) ? n * reference : n;
}

/** A size (w/h): a positive whole number of pixels. */
export function readSize(value: Scalar, reference: number, scope: Scope, label: string, dpr: number): number {
  const n = readLength(value, reference, scope, label) * dpr;
  if (!(n > 0)) return invalid(`Invalid ${label} in transformation: ${String(value)}`);
  return Math.max(1, Math.round(n));
}

/** Device pixel ratios `dpr_auto` rounds up to, so the cache holds few variants. */
const DPR_STEPS = [1, 1.5, 2, 3, 4] as const;

export function readDpr(
  value: Scalar | undefined,
  hints: ClientHints | undefined,
  scope: Scope,
  vary: Set<string>,
): number {
  if (value === undefined) return 1;
  if (value === 'auto') {
    vary.add('DPR');
    const hinted = hints?.dpr;
    if (hinted === undefined || !(hinted > 0)) return 1;
    return DPR_STEPS.find((step) => step >= hinted - 1e-9) ?? 4;
  }
  const dpr = evaluateNumber(value, scope, 'dpr');
  if (!(dpr > 0 && dpr <= 5)) return invalid(`Invalid dpr in transformation: ${String(value)}`);
  return dpr;
}

/**
 * `w_auto[:step][:fallback]` and `w_auto:breakpoints[_min_max_step_count]`: the slot width from the
 * `Width` hint (device pixels), or the viewport width × DPR, rounded up to the step. `undefined` when no
 * hint and no fallback: the width stays as it is.
 */
export function readAutoWidth(
  value: string,
  hints: ClientHints | undefined,
  dpr: number,
  vary: Set<string>,
): number | undefined {
  const parts = value.split(':').slice(1);
  let step = 1;
  let fallback: number | undefined;
  let min = 1;
  let max = Number.POSITIVE_INFINITY;
  if (parts[0]?.startsWith('breakpoints')) {
    const [, bMin, bMax] = parts[0].split('_').map(Number);
    min = bMin && bMin > 0 ? bMin : 50;
    max = bMax && bMax > 0 ? bMax : 1000;
    step = 100;
  } else {
    if (parts[0] !== undefined) step = Number(parts[0]);
    if (parts[1] !== undefined) fallback = Number(parts[1]);
    if (!(step >= 1) || (fallback !== undefined && !(fallback >= 1)))
      invalid(`Invalid width in transformation: ${value}`);
  }
  vary.add('Width');
  let width: number | undefined;
  if (hints?.width !== undefined && hints.width > 0) {
    width = hints.width;
  } else if (hints?.viewportWidth !== undefined && hints.viewportWidth > 0) {
    vary.add('Viewport-Width');
    width = hints.viewportWidth * dpr;
  } else if (fallback !== undefined) {
    // The fallback is a width the page asked for as it is: no step rounding.
    return Math.round(fallback * dpr);
  }
  if (width === undefined) return undefined;
  const rounded = Math.ceil(width / step) * step;
  return Math.round(Math.min(Math.max(rounded, min), max));
}
