/**
 * Text overlays (`l_text:Arial_20_bold:Hello`), drawn as SVG by librsvg with the fonts installed on the
 * server. Lines are wrapped here (SVG does not wrap), measuring candidate lines with Pango, the same text
 * engine librsvg draws with, so the measured widths match what is drawn.
 */
import sharp from 'sharp';
import type { RawImage } from './canvas.js';
import { cssColor, type Rgba } from './colors.js';
import { FONT_WEIGHT_VALUES, PANGO_WEIGHTS } from './fonts.js';
import { invalid } from './render-error.js';

export interface TextDrawing {
  readonly text: string;
  /** An installed family (see fonts.ts). */
  readonly family: string;
  readonly size: number;
  readonly weight: string;
  readonly italic: boolean;
  readonly decoration?: 'underline' | 'strikethrough';
  readonly align: 'left' | 'center' | 'right';
  readonly letterSpacing: number;
  readonly lineSpacing: number;
  readonly color: Rgba;
  readonly background?: Rgba;
  readonly stroke?: { readonly width: number; readonly color: Rgba };
  /** Wrap lines wider than this many pixels (from `c_fit,w_…` on the layer). */
  readonly wrapWidth?: number;
  readonly maxPixels: number;
}

const escapeXml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

const MEASURE_CACHE_LIMIT = 5000;
const measured = new Map<string, number>();

async function measure(line: string, drawing: TextDrawing): Promise<number> {
  if (line.trim().length === 0) return 0;
  const font = [
    drawing.family,
    PANGO_WEIGHTS[drawing.weight] ?? '',
    drawing.italic ? 'Italic' : '',
    `${drawing.size}`,
  ]
    .filter((part) => part.length > 0)
    .join(' ');
  // Measuring draws the line: refuse sizes whose drawing alone would break the pixel limit (an em per
  // character is a safe upper bound on the advance of the fonts installed).
  const estimate = [...line].length * drawing.size * (drawing.size * 1.5);
  if (estimate > drawing.maxPixels) {
    invalid(
      `Text overlay would be over the limit of ${drawing.maxPixels} pixels (a line of ${[...line].length} characters at size ${drawing.size})`,
    );
  }
  const key = `${font}\u0000${line}`;
  let width = measured.get(key);
  if (width === undefined) {
    const metadata = await sharp({ text: { text: escapeXml(line), font, dpi: 72 } }).metadata();
    width = metadata.width ?? 0;
    if (measured.size >= MEASURE_CACHE_LIMIT) measured.clear();
    measured.set(key, width);
  }
  return width + drawing.letterSpacing * Math.max(0, [...line].length - 1);
}

/** Greedy word wrapping of each paragraph to `wrapWidth`; a word longer than the width keeps its own line. */
async function layoutLines(drawing: TextDrawing): Promise<{ lines: string[]; widths: number[] }> {
  const lines: string[] = [];
  for (const paragraph of drawing.text.split(/\r?\n/)) {
    if (drawing.wrapWidth === undefined) {
      lines.push(paragraph);
      continue;
    }
    const words = paragraph.split(/ +/).filter((word) => word.length > 0);
    let line = '';
    for (const word of words) {
      const candidate = line.length === 0 ? word : `${line} ${word}`;
      if (line.length > 0 && (await measure(candidate, drawing)) > drawing.wrapWidth) {
        lines.push(line);
        line = word;
      } else {
        line = candidate;
      }
    }
    lines.push(line);
  }
  const widths = await Promise.all(lines.map((line) => measure(line, drawing)));
  return { lines, widths };
}

/** Renders the text, trimmed to its drawn pixels (on its background colour, when one is given). */
export async function renderText(drawing: TextDrawing): Promise<RawImage> {
  if (drawing.text.trim().length === 0) invalid('Text overlay is empty');
  if (!(drawing.size > 0 && drawing.size <= 1000))
    invalid(`Invalid font size for text overlay: ${drawing.size}`);
  const { lines, widths } = await layoutLines(drawing);
  const strokeWidth = drawing.stroke?.width ?? 0;
  const pad = Math.ceil(drawing.size * 0.5 + strokeWidth + Math.abs(drawing.letterSpacing));
  const contentWidth = Math.max(1, ...widths);
  const lineHeight = Math.max(1, drawing.size * 1.2 + drawing.lineSpacing);
  const width = Math.ceil(contentWidth + 2 * pad);
  const height = Math.ceil(lineHeight * lines.length + 2 * pad);
  if (width * height > drawing.maxPixels) {
    invalid(`Text overlay would be ${width}x${height} pixels, over the limit of ${drawing.maxPixels} pixels`);
  }
  const anchor = { left: 'start', center: 'middle', right: 'end' }[drawing.align];
  const x = pad + { left: 0, center: contentWidth / 2, right: contentWidth }[drawing.align];
  const attributes = [
    `font-family="${escapeXml(drawing.family)}"`,
    `font-size="${drawing.size}"`,
    `font-weight="${FONT_WEIGHT_VALUES[drawing.weight] ?? 400}"`,
    `font-style="${drawing.italic ? 'italic' : 'normal'}"`,
    `letter-spacing="${drawing.letterSpacing}"`,
    `text-anchor="${anchor}"`,
    `fill="${cssColor(drawing.color)}"`,
    drawing.decoration
      ? `text-decoration="${drawing.decoration === 'underline' ? 'underline' : 'line-through'}"`
      : '',
    drawing.stroke
      ? `stroke="${cssColor(drawing.stroke.color)}" stroke-width="${drawing.stroke.width}" paint-order="stroke"`
      : '',
  ].join(' ');
  const body = lines
    .map((line, i) => {
      const y = pad + drawing.size * 0.93 + i * lineHeight;
      return `<text x="${x}" y="${y.toFixed(2)}" xml:space="preserve" ${attributes}>${escapeXml(line)}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`;
  const { data, info } = await sharp(Buffer.from(svg), { limitInputPixels: false })
    .trim({ threshold: 1 })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const text: RawImage = { data, width: info.width, height: info.height, channels: 4 };
  if (!drawing.background || drawing.background.alpha === 0) return text;
  const boxed = await sharp({
    create: { width: text.width, height: text.height, channels: 4, background: drawing.background },
  })
    .composite([{ input: text.data, raw: { width: text.width, height: text.height, channels: 4 } }])
    .raw()
    .toBuffer();
  return { data: boxed, width: text.width, height: text.height, channels: 4 };
}
