/**
 * `generateTransformationString(options)`: the official `cloudinary` SDK's option hash
 * (`{ crop: 'fill', width: 400, effect: ['sepia', 20] }`) turned into the URL string, character for
 * character as the SDK's `utils.generate_transformation_string` does. Component order comes from the
 * core serializer (`assembleComponent`), text and fetch layers from the core layer encoders, and
 * expressions from the core normalizer, so there is one grammar.
 */
import { normalizeExpression } from '../transformation/expression.js';
import { encodeFetchUrl, encodeLayerText } from '../transformation/layer-write.js';
import { assembleComponent } from '../transformation/serialize.js';

/** The SDK's option hash for one component (plus `transformation` for chained components). */
export type TransformationOptions = Record<string, unknown>;

/** What the SDK accepts where a transformation goes: an option hash, an array of them, or a string. */
export type TransformationInput = TransformationOptions | string | readonly unknown[];

/** Thrown for options the SDK also rejects (a non-text layer without a public id, a bad radius…). */
export class TransformationOptionsError extends Error {
  override readonly name = 'TransformationOptionsError';
}

const PRESENT = (value: unknown): boolean => value != null && `${value}`.length > 0;
const isObjectLike = (value: unknown): value is object =>
  value !== null && (typeof value === 'object' || typeof value === 'function');
const isPlainEmpty = (value: unknown): boolean => {
  // The SDK's emptiness test: null, empty strings/arrays/objects, and also numbers and booleans.
  if (value == null) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return true;
};
const toArray = (value: unknown): unknown[] => (value == null ? [] : Array.isArray(value) ? value : [value]);
const hashToRgb = (value: unknown): unknown =>
  typeof value === 'string' ? value.replace(/^#/, 'rgb:') : value;

/** The SDK's simple parameters: option name → URL key, written as given. */
const SIMPLE_PARAMS: ReadonlyArray<readonly [string, string]> = [
  ['audio_codec', 'ac'],
  ['audio_frequency', 'af'],
  ['bit_rate', 'br'],
  ['color_space', 'cs'],
  ['default_image', 'd'],
  ['delay', 'dl'],
  ['density', 'dn'],
  ['duration', 'du'],
  ['end_offset', 'eo'],
  ['fetch_format', 'f'],
  ['gravity', 'g'],
  ['page', 'pg'],
  ['prefix', 'p'],
  ['start_offset', 'so'],
  ['streaming_profile', 'sp'],
  ['video_codec', 'vc'],
  ['video_sampling', 'vs'],
];

const TEXT_KEYWORDS: ReadonlyArray<readonly [string, string | null]> = [
  ['font_weight', 'normal'],
  ['font_style', 'normal'],
  ['text_decoration', 'none'],
  ['text_align', null],
  ['stroke', 'none'],
];

function textStyle(layer: Record<string, unknown>): string {
  if (!isPlainEmpty(layer.text_style)) return String(layer.text_style);
  const keywords: unknown[] = [];
  for (const [attr, fallback] of TEXT_KEYWORDS) {
    const value = layer[attr] || fallback;
    if (value !== fallback) keywords.push(value);
  }
  for (const attr of Object.keys(layer)) {
    if (attr === 'letter_spacing' || attr === 'line_spacing') keywords.push(`${attr}_${layer[attr]}`);
    if (attr === 'font_hinting') keywords.push(`hinting_${layer[attr]}`);
    if (attr === 'font_antialiasing') keywords.push(`antialias_${layer[attr]}`);
  }
  if (!Object.hasOwn(layer, 'font_size') && keywords.length === 0) return '';
  if (!layer.font_size)
    throw new TransformationOptionsError('Must supply font_size for text in overlay/underlay');
  if (!layer.font_family)
    throw new TransformationOptionsError('Must supply font_family for text in overlay/underlay');
  return [layer.font_family, layer.font_size, ...keywords].filter(Boolean).join('_');
}

/** The SDK's layer option (string or object) in URL form. */
function layerText(input: unknown): unknown {
  let layer = input;
  if (typeof layer === 'string') {
    let resourceType: string | undefined;
    let url: string;
    if (layer.startsWith('fetch:')) {
      url = layer.slice('fetch:'.length);
    } else if (layer.includes(':fetch:')) {
      // The SDK splits with a limit of three parts, so only the text up to the URL's own ':' survives.
      const parts = layer.split(':', 3);
      resourceType = parts[0];
      url = parts[2] ?? '';
    } else {
      return layer;
    }
    layer = resourceType ? { url, type: 'fetch', resource_type: resourceType } : { url, type: 'fetch' };
  }
  if (!isObjectLike(layer)) return layer;
  const spec = layer as Record<string, unknown>;
  let resourceType = spec.resource_type;
  let type = spec.type;
  let publicId = spec.public_id;
  const { text, format, url } = spec;
  if (!isPlainEmpty(text) && isPlainEmpty(resourceType)) resourceType = 'text';
  if (!isPlainEmpty(url) && isPlainEmpty(type)) type = 'fetch';
  if (!isPlainEmpty(publicId) && !isPlainEmpty(format)) publicId = `${publicId}.${format}`;
  if (isPlainEmpty(publicId) && resourceType !== 'text' && type !== 'fetch') {
    throw new TransformationOptionsError('Must supply public_id for non-text overlay');
  }
  const parts: string[] = [];
  if (!isPlainEmpty(resourceType) && resourceType !== 'image') parts.push(String(resourceType));
  if (!isPlainEmpty(type) && type !== 'upload') parts.push(String(type));
  if (resourceType === 'text' || resourceType === 'subtitles') {
    if (isPlainEmpty(publicId) && isPlainEmpty(text)) {
      throw new TransformationOptionsError('Must supply either text or public_id in overlay');
    }
    const style = textStyle(spec);
    if (style) parts.push(style);
    if (!isPlainEmpty(publicId)) parts.push(String(publicId).replace('/', ':'));
    if (!isPlainEmpty(text)) parts.push(encodeLayerText(String(text)));
  } else if (type === 'fetch') {
    parts.push(encodeFetchUrl(String(url)));
  } else {
    parts.push(String(publicId).replace('/', ':'));
  }
  return parts.join(':');
}

function radiusText(radius: unknown): unknown {
  if (!radius) return radius;
  const corners = toArray(radius);
  if (corners.length === 0 || corners.length > 4) {
    throw new TransformationOptionsError('Radius array should contain between 1 and 4 values');
  }
  if (corners.some((corner) => corner === null))
    throw new TransformationOptionsError('Corner: Cannot be null');
  return corners.map((corner) => normalizeExpression(corner)).join(':');
}

function customFunctionText(fn: unknown): unknown {
  if (!isObjectLike(fn)) return fn;
  const { function_type: kind, source } = fn as Record<string, unknown>;
  return kind === 'remote' ? `${kind}:${encodeFetchUrl(String(source))}` : `${kind}:${source}`;
}

const RANGE_VALUE_RE = /^(([0-9]*)\.([0-9]+)|([0-9]+))([%pP])?$/;
const RANGE_RE = /(([0-9]*)\.([0-9]+)|([0-9]+))([%pP])?\.\.(([0-9]*)\.([0-9]+)|([0-9]+))([%pP])?/;

function splitRange(range: unknown): unknown {
  if (typeof range === 'string') return RANGE_RE.test(range) ? range.split('..') : range;
  if (Array.isArray(range)) return [range[0], range[range.length - 1]];
  return [null, null];
}

function normalizeRangeValue(value: unknown): unknown {
  const match = String(value).match(RANGE_VALUE_RE);
  return match ? `${match[1] || match[4]}${match[5] ? 'p' : ''}` : value;
}

function videoCodecText(codec: unknown): unknown {
  if (typeof codec === 'string') return codec;
  if (codec === null || typeof codec !== 'object' || Object.getPrototypeOf(codec) !== Object.prototype)
    return null;
  const { codec: name, profile, level } = codec as Record<string, unknown>;
  if (!('codec' in codec)) return '';
  let out = String(name);
  if ('profile' in codec) {
    out += `:${profile}`;
    if ('level' in codec) out += `:${level}`;
  }
  return out;
}

function componentText(input: TransformationOptions): string {
  const options: Record<string, unknown> = { ...input };
  const take = (name: string): unknown => {
    const value = options[name];
    delete options[name];
    return value ?? undefined;
  };
  const responsiveWidth = take('responsive_width');
  let width = options.width;
  let height = options.height;
  const size = take('size');
  if (size) [width, height] = String(size).split('x');
  const crop = take('crop');
  const angle = toArray(take('angle')).join('.');
  const background = hashToRgb(take('background'));
  const color = hashToRgb(take('color'));

  const chained: string[] = [];
  let named: unknown = [];
  const base = toArray(take('transformation') ?? []);
  if (base.some(isObjectLike)) {
    for (const item of base) {
      chained.push(
        isObjectLike(item)
          ? generateTransformationString(item as TransformationInput)
          : componentText({ transformation: item }),
      );
    }
  } else {
    named = base.join('.');
  }

  let effect = take('effect');
  if (Array.isArray(effect)) effect = effect.join(':');
  else if (isObjectLike(effect)) effect = Object.entries(effect).map(([key, value]) => `${key}:${value}`);

  let border = take('border');
  if (isObjectLike(border)) {
    const { width: borderWidth, color: borderColor } = border as Record<string, unknown>;
    border = `${borderWidth ?? 2}px_solid_${String(borderColor ?? 'black').replace(/^#/, 'rgb:')}`;
  } else if (/^\d+$/.test(String(border))) {
    border = undefined; // A bare number is an HTML border attribute, not a transformation.
  }
  const flags = toArray(take('flags')).join('.');
  const dpr = take('dpr');
  if (options.offset != null) {
    // Destructured like the SDK does: a string that is not a range yields its first two characters.
    const range = splitRange(take('offset')) as { readonly [index: number]: unknown };
    options.start_offset = range[0];
    options.end_offset = range[1];
  }
  if (options.start_offset) options.start_offset = normalizeExpression(options.start_offset);
  if (options.end_offset) options.end_offset = normalizeExpression(options.end_offset);
  const overlay = layerText(take('overlay'));
  const radius = radiusText(take('radius'));
  const underlay = layerText(take('underlay'));
  const condition = take('if');
  const ifText = condition ? `if_${normalizeExpression(condition)}` : condition;
  const customFunction = customFunctionText(take('custom_function'));
  const pre = customFunctionText(take('custom_pre_function'));
  const customPreFunction = typeof pre === 'string' ? `pre:${pre}` : null;
  let fps = take('fps');
  if (Array.isArray(fps)) fps = fps.join('-');

  const params: Record<string, unknown> = {
    a: normalizeExpression(angle),
    ar: normalizeExpression(take('aspect_ratio')),
    b: background,
    bo: border,
    c: crop,
    co: color,
    dpr: normalizeExpression(dpr),
    e: normalizeExpression(effect),
    fl: flags,
    fn: customFunction || customPreFunction,
    fps,
    h: normalizeExpression(height),
    ki: normalizeExpression(take('keyframe_interval')),
    l: overlay,
    o: normalizeExpression(take('opacity')),
    q: normalizeExpression(take('quality')),
    r: radius,
    t: named,
    u: underlay,
    w: normalizeExpression(width),
    x: normalizeExpression(take('x')),
    y: normalizeExpression(take('y')),
    z: normalizeExpression(take('zoom')),
  };
  for (const [name, key] of SIMPLE_PARAMS) {
    const value = take(name);
    if (value !== undefined) params[key] = value;
  }
  if (params.vc != null) params.vc = videoCodecText(params.vc);
  for (const key of ['so', 'eo', 'du']) {
    if (params[key] !== undefined) params[key] = normalizeRangeValue(params[key]);
  }

  const variableList = toArray(take('variables') ?? []) as Array<[unknown, unknown]>;
  const variables = Object.entries(options)
    .filter(([key]) => key.startsWith('$'))
    .map(([key, value]) => `${key}_${normalizeExpression(value)}`)
    .sort()
    .concat(variableList.map(([name, value]) => `${name}_${normalizeExpression(value)}`));

  const tokens: string[] = [];
  for (const key in params) if (PRESENT(params[key])) tokens.push(`${key}_${params[key]}`);
  const raw = take('raw_transformation');
  const own = assembleComponent(
    ifText ? String(ifText) : undefined,
    variables.length > 0 ? [variables.join(',')] : [],
    tokens,
    raw ? String(raw) : undefined,
  );
  chained.push(own);
  if (responsiveWidth) chained.push('c_limit,w_auto');
  return chained.filter(PRESENT).join('/');
}

/**
 * The transformation part of a delivery URL for SDK-style options, identical to the official SDK's
 * `cloudinary.utils.generate_transformation_string(options)`. Unlike the SDK it never modifies the
 * options object it is given.
 */
export function generateTransformationString(options: TransformationInput): string {
  if (typeof options === 'string') return options;
  if (Array.isArray(options)) {
    return options
      .map((item) =>
        typeof item === 'string' ? item : generateTransformationString((item ?? {}) as TransformationInput),
      )
      .filter(PRESENT)
      .join('/');
  }
  return componentText((options ?? {}) as TransformationOptions);
}
