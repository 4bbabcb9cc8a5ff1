// The crop step's ratio presets as people type them (`1 4/3 16:9`) and as the form and the address
// show them again: the same numbers either way, so a link restores exactly the presets it was made with.

/** One ratio as typed: `4/3`, `4:3` or a number; undefined unless it is positive. */
export function parseAspectRatio(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*[/:]\s*(\d+(?:\.\d+)?)$/.exec(text.trim());
  const ratio = match ? Number(match[1]) / Number(match[2]) : Number(text.trim() || Number.NaN);
  return Number.isFinite(ratio) && ratio > 0 ? ratio : undefined;
}

const RATIO_SEPARATORS = /[\s,]+/;

/** Ratios separated by spaces or commas (`1 4/3 16/9`), in order; unreadable items and repeats are dropped. */
export function parseAspectRatios(text: string): number[] {
  const ratios = text
    .split(RATIO_SEPARATORS)
    .map(parseAspectRatio)
    .filter((ratio): ratio is number => ratio !== undefined);
  return [...new Set(ratios)];
}

/** The items of a ratio list that are not ratios, for the form to flag. */
export function unreadableAspectRatios(text: string): string[] {
  return text.split(RATIO_SEPARATORS).filter((item) => item !== '' && parseAspectRatio(item) === undefined);
}

/**
 * A ratio as a person writes it: `16/9` when a small fraction is exactly that number, else the
 * number itself; either way it reads back as the same number.
 */
export function formatAspectRatio(ratio: number): string {
  for (let denominator = 1; denominator <= 100; denominator += 1) {
    const numerator = Math.round(ratio * denominator);
    if (numerator > 0 && numerator / denominator === ratio)
      return denominator === 1 ? String(numerator) : `${numerator}/${denominator}`;
  }
  return String(ratio);
}

export function formatAspectRatios(ratios: readonly number[]): string {
  return ratios.map(formatAspectRatio).join(' ');
}
