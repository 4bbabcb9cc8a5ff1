/**
 * Writing overlay and underlay specifications (`l_…`, `u_…`): stored assets, text, subtitles and
 * remote (fetch) layers, encoded exactly as the official SDKs encode them. Reading lives in
 * `layer-read.ts`, so that code which only builds URLs does not carry the parser.
 */
import type { Layer, Scalar, TextStyle } from './model.js';

const TEXT_VARIABLE_RE = /(\$\([a-zA-Z]\w+\))/g;

/**
 * Encodes overlay text: `,` and `/` are escaped twice (they would otherwise split the URL), the rest
 * percent-encoded once, parentheses encoded, and `$(variable)` references left as they are.
 */
export function encodeLayerText(text: string): string {
  return text
    .split(TEXT_VARIABLE_RE)
    .filter((part) => part.length > 0)
    .map((part) =>
      /^\$\([a-zA-Z]\w+\)$/.test(part)
        ? part
        : encodeURIComponent(part.replace(/[,/]/g, (c) => (c === ',' ? '%2C' : '%2F')))
            .replace(/\(/g, '%28')
            .replace(/\)/g, '%29'),
    )
    .join('');
}

/** Base64url without padding, of the URL with unsafe characters percent-encoded (as the SDKs do). */
export function encodeFetchUrl(url: string): string {
  let normalized = url;
  try {
    normalized = decodeURI(url);
  } catch {
    // Not valid percent-encoding: encode it as it is.
  }
  const ascii = encodeURI(normalized);
  return btoa(ascii).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function scalarText(value: Scalar): string {
  return String(value);
}

/** Writes font options in canonical order: family, size, keywords, then named settings. */
export function serializeTextStyle(style: TextStyle): string {
  const parts: string[] = [style.fontFamily, scalarText(style.fontSize)];
  if (style.fontWeight) parts.push(style.fontWeight);
  if (style.fontStyle) parts.push(style.fontStyle);
  if (style.textDecoration) parts.push(style.textDecoration);
  if (style.textAlign) parts.push(style.textAlign);
  if (style.stroke) parts.push('stroke');
  if (style.letterSpacing !== undefined) parts.push(`letter_spacing_${scalarText(style.letterSpacing)}`);
  if (style.lineSpacing !== undefined) parts.push(`line_spacing_${scalarText(style.lineSpacing)}`);
  if (style.fontHinting !== undefined) parts.push(`hinting_${style.fontHinting}`);
  if (style.fontAntialias !== undefined) parts.push(`antialias_${style.fontAntialias}`);
  return parts.join('_');
}

/** Writes a layer in URL form (without the `l_`/`u_` key). */
export function serializeLayer(layer: Layer): string {
  switch (layer.kind) {
    case 'text': {
      const style =
        layer.style === undefined
          ? undefined
          : typeof layer.style === 'string'
            ? layer.style
            : serializeTextStyle(layer.style);
      return ['text', style, encodeLayerText(layer.text)].filter((p) => p !== undefined).join(':');
    }
    case 'subtitles': {
      const style = layer.style ? serializeTextStyle(layer.style) : undefined;
      return ['subtitles', style, layer.publicId.replaceAll('/', ':')]
        .filter((p) => p !== undefined)
        .join(':');
    }
    case 'fetch':
      return [layer.resourceType === 'video' ? 'video' : undefined, 'fetch', encodeFetchUrl(layer.url)]
        .filter((p) => p !== undefined)
        .join(':');
    case 'asset': {
      const parts: string[] = [];
      if (layer.resourceType && layer.resourceType !== 'image') parts.push(layer.resourceType);
      if (layer.type && layer.type !== 'upload') parts.push(layer.type);
      parts.push(layer.publicId.replaceAll('/', ':'));
      return parts.join(':');
    }
  }
}
