/**
 * Reading overlay and underlay specifications (`l_…`, `u_…`) written by `layer-write.ts` or by the
 * official SDKs.
 */
import { toScalar } from './expression.js';
import type { Layer, TextStyle } from './model.js';
import { FONT_WEIGHTS, TEXT_ALIGNMENTS, TEXT_DECORATIONS } from './model.js';

/** Thrown for a layer value that cannot be read; the parser turns it into a positioned error. */
export class LayerSyntaxError extends Error {
  override readonly name = 'LayerSyntaxError';
}

/**
 * Reverses `encodeLayerText`. Also reads the lighter encoding @cloudinary/url-gen writes
 * (spaces and `%` left as they are, `,` and `/` escaped once): only well-formed `%XX` runs are decoded.
 */
export function decodeLayerText(encoded: string): string {
  let once: string;
  try {
    once = encoded.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => decodeURIComponent(run));
  } catch {
    throw new LayerSyntaxError(`invalid percent-encoding in layer text "${encoded}"`);
  }
  return once.replace(/%2C/gi, ',').replace(/%2F/gi, '/');
}

/** Reverses `encodeFetchUrl` (padding optional: some SDKs keep it). */
export function decodeFetchUrl(encoded: string): string {
  if (!/^[A-Za-z0-9_-]+=*$/.test(encoded)) throw new LayerSyntaxError(`invalid base64url "${encoded}"`);
  let ascii: string;
  try {
    ascii = atob(encoded.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
  } catch {
    throw new LayerSyntaxError(`invalid base64url "${encoded}"`);
  }
  try {
    return decodeURI(ascii);
  } catch {
    return ascii;
  }
}

const FONT_FAMILY_RE = /^[A-Za-z][A-Za-z0-9%.-]*$/;
const SIZE_RE = /^(\d+(\.\d+)?|\$[a-zA-Z][a-zA-Z0-9]*)$/;
const SETTING_RE = /^[a-z0-9]+$/;
const SPACING_RE = /^-?\d+(\.\d+)?$/;

/** Whether a layer segment looks like font options (`Arial_18…`) rather than a public id. */
function looksLikeTextStyle(segment: string): boolean {
  const [family, size] = segment.split('_');
  return family !== undefined && size !== undefined && FONT_FAMILY_RE.test(family) && SIZE_RE.test(size);
}

/** Reads font options written by `serializeTextStyle` (keywords in any order). */
export function parseTextStyle(text: string): TextStyle {
  const tokens = text.split('_');
  const [fontFamily, size, ...rest] = tokens;
  if (!fontFamily || !FONT_FAMILY_RE.test(fontFamily))
    throw new LayerSyntaxError(`invalid font family in "${text}"`);
  if (size === undefined || !SIZE_RE.test(size)) throw new LayerSyntaxError(`invalid font size in "${text}"`);
  const style: { -readonly [K in keyof TextStyle]: TextStyle[K] } = { fontFamily, fontSize: toScalar(size) };
  const seen = new Set<string>();
  const once = (name: string) => {
    if (seen.has(name)) throw new LayerSyntaxError(`font option "${name}" given twice in "${text}"`);
    seen.add(name);
  };
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    const next = rest[i + 1];
    if ((FONT_WEIGHTS as readonly string[]).includes(token)) {
      once('weight');
      style.fontWeight = token as TextStyle['fontWeight'];
    } else if (token === 'normal') {
      // The default weight and style: SDKs never write it, but it is valid.
    } else if (token === 'italic') {
      once('style');
      style.fontStyle = 'italic';
    } else if ((TEXT_DECORATIONS as readonly string[]).includes(token)) {
      once('decoration');
      style.textDecoration = token as TextStyle['textDecoration'];
    } else if ((TEXT_ALIGNMENTS as readonly string[]).includes(token)) {
      once('align');
      style.textAlign = token as TextStyle['textAlign'];
    } else if (token === 'stroke') {
      once('stroke');
      style.stroke = true;
    } else if ((token === 'letter' || token === 'line') && next === 'spacing') {
      const value = rest[i + 2];
      if (value === undefined || !SPACING_RE.test(value)) {
        throw new LayerSyntaxError(`invalid ${token} spacing in "${text}"`);
      }
      once(token);
      if (token === 'letter') style.letterSpacing = toScalar(value);
      else style.lineSpacing = toScalar(value);
      i += 2;
    } else if (
      (token === 'hinting' || token === 'antialias') &&
      next !== undefined &&
      SETTING_RE.test(next)
    ) {
      once(token);
      if (token === 'hinting') style.fontHinting = next;
      else style.fontAntialias = next;
      i += 1;
    } else {
      throw new LayerSyntaxError(`unknown font option "${token}" in "${text}"`);
    }
  }
  return style;
}

const RESOURCE_TYPES = new Set(['image', 'video', 'raw']);
const DELIVERY_TYPES = new Set(['upload', 'private', 'authenticated']);
const PUBLIC_ID_SEGMENT_RE = /^[^\s,/:?#]+$/;

/** Reads a layer value (the text after `l_`/`u_`). Throws {@link LayerSyntaxError} when malformed. */
export function parseLayer(value: string): Layer {
  if (value.length === 0) throw new LayerSyntaxError('empty layer');
  const parts = value.split(':');
  const head = parts[0]!;
  if (head === 'text') {
    if (parts.length < 2 || parts.length > 3) throw new LayerSyntaxError(`invalid text layer "${value}"`);
    const text = decodeLayerText(parts[parts.length - 1]!);
    if (parts.length === 2) return { kind: 'text', text };
    const styleText = parts[1]!;
    const style = /^\$[a-zA-Z][a-zA-Z0-9]*$/.test(styleText)
      ? (styleText as `$${string}`)
      : parseTextStyle(styleText);
    return { kind: 'text', text, style };
  }
  if (head === 'subtitles') {
    const rest = parts.slice(1);
    const style = rest.length > 1 && looksLikeTextStyle(rest[0]!) ? parseTextStyle(rest.shift()!) : undefined;
    const publicId = readPublicId(rest, value);
    return style ? { kind: 'subtitles', publicId, style } : { kind: 'subtitles', publicId };
  }
  if (
    head === 'fetch' ||
    (head === 'video' && parts[1] === 'fetch') ||
    (head === 'image' && parts[1] === 'fetch')
  ) {
    const encoded = parts.slice(head === 'fetch' ? 1 : 2).join(':');
    const url = decodeFetchUrl(encoded);
    return head === 'video' ? { kind: 'fetch', url, resourceType: 'video' } : { kind: 'fetch', url };
  }
  let rest = parts;
  let resourceType: 'image' | 'video' | 'raw' | undefined;
  let type: 'upload' | 'private' | 'authenticated' | undefined;
  if (RESOURCE_TYPES.has(rest[0]!) && rest.length > 1) {
    resourceType = rest[0] as 'image' | 'video' | 'raw';
    rest = rest.slice(1);
  }
  if (DELIVERY_TYPES.has(rest[0]!) && rest.length > 1) {
    type = rest[0] as 'upload' | 'private' | 'authenticated';
    rest = rest.slice(1);
  }
  const publicId = readPublicId(rest, value);
  return {
    kind: 'asset',
    publicId,
    ...(resourceType && resourceType !== 'image' ? { resourceType } : {}),
    ...(type && type !== 'upload' ? { type } : {}),
  };
}

function readPublicId(segments: string[], value: string): string {
  if (segments.length === 0 || !segments.every((s) => PUBLIC_ID_SEGMENT_RE.test(s))) {
    throw new LayerSyntaxError(`invalid layer public id in "${value}"`);
  }
  return segments.join('/');
}
