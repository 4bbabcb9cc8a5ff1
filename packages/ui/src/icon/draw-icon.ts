import { html, type SVGTemplateResult, svg, type TemplateResult } from 'lit';

/** An icon's drawing. */
export interface IconDrawing {
  /** The shapes inside a 24×24 viewBox, stroked in `currentColor` unless `filled`. */
  readonly shapes: SVGTemplateResult;
  /** Filled rather than stroked. */
  readonly filled?: boolean;
  /** Points along the reading direction, so it is mirrored right to left. */
  readonly mirrorInRtl?: boolean;
}

/** A stroked path, the usual shape of a drawing. */
export const stroke = (d: string): SVGTemplateResult => svg`<path d=${d}></path>`;

/**
 * The `<svg>` for one drawing (`drawIcon(uploadIcon)`), decorative (`aria-hidden`). Each drawing is
 * a module of its own (`@kumo/ui/icon/drawings/upload`), so a bundle keeps only the icons it uses,
 * and code split at `import()` keeps each icon in the chunk that uses it.
 */
export function drawIcon(icon: IconDrawing, className = 'icon'): TemplateResult {
  // The outer <svg> goes through `html`: Lit's `svg` tag is for what goes inside one.
  return html`<svg
    class="${className}${icon.mirrorInRtl ? ' mirror' : ''}"
    viewBox="0 0 24 24"
    width="24"
    height="24"
    fill=${icon.filled ? 'currentColor' : 'none'}
    stroke=${icon.filled ? 'none' : 'currentColor'}
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
    focusable="false"
  >${icon.shapes}</svg>`;
}
