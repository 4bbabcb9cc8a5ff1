/**
 * How the strict parser reads and checks each parameter value. Keys come from `param-keys.ts`.
 */
import { isExpression, isNumberToken, toScalar } from './expression.js';
import { parseLayer } from './layer-read.js';
import type { Effect, Layer, Scalar } from './model.js';
import { CROP_MODES } from './model.js';
import { PARAM_KEYS, type ParamField } from './param-keys.js';

/** Thrown by a value reader; the parser adds the component and position. */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

interface ParamReader {
  readonly field: ParamField;
  readonly key: string;
  /** Human name used in error messages (`Invalid width in transformation: abc`). */
  readonly label: string;
  readonly read: (value: string) => unknown;
}

function fail(label: string, value: string): never {
  throw new ValueError(`Invalid ${label} in transformation: ${value}`);
}

/** A number or an expression (`iw_mul_0.5`, `$size`). */
function numeric(label: string, extra?: RegExp) {
  return (value: string): Scalar => {
    if (isNumberToken(value) || isExpression(value) || extra?.test(value)) return toScalar(value);
    return fail(label, value);
  };
}

/** A keyword-like value from a restricted alphabet. */
function word(label: string, pattern: RegExp) {
  return (value: string): string => (pattern.test(value) ? value : fail(label, value));
}

const COLOR_RE = /^(rgb:[0-9a-fA-F]{3,8}|[a-z]+)$/;
const OFFSET_EXTRA = /^(\d+(\.\d+)?p|auto)$/;

function readCrop(value: string) {
  return (CROP_MODES as readonly string[]).includes(value) ? value : fail('crop mode', value);
}

function readEffect(value: string): Effect {
  const [name, ...args] = value.split(':');
  if (!name || !/^[a-z][a-z0-9_]*$/.test(name)) return fail('effect', value);
  if (args.some((arg) => arg.length === 0 || /[\s,/]/.test(arg))) return fail('effect', value);
  return args.length > 0 ? { name, args: args.map(toScalar) } : { name };
}

function readLayer(label: string) {
  return (value: string): Layer => {
    try {
      return parseLayer(value);
    } catch (error) {
      throw new ValueError(`Invalid ${label} in transformation: ${value} (${(error as Error).message})`);
    }
  };
}

/** `a_90`, `a_auto_right.hflip`: one value, or several joined with `.`. */
function readAngle(value: string): Scalar | Scalar[] {
  const one = /^(-?\d+(\.\d+)?|auto_right|auto_left|hflip|vflip|ignore|exif)$/;
  if (one.test(value) || isExpression(value)) return toScalar(value);
  const parts = value.split('.');
  if (
    parts.length > 1 &&
    parts.every((p) => /^(-?\d+|auto_right|auto_left|hflip|vflip|ignore|exif)$/.test(p))
  ) {
    return parts.map(toScalar);
  }
  return fail('angle', value);
}

function readRadius(value: string): Scalar | Scalar[] {
  if (value === 'max') return value;
  const parts = value.split(':');
  if (parts.length > 4 || !parts.every((p) => isNumberToken(p) || isExpression(p)))
    return fail('radius', value);
  return parts.length === 1 ? toScalar(value) : parts.map(toScalar);
}

function readDotList(label: string, item: RegExp) {
  return (value: string): string[] => {
    const parts = value.split('.');
    return parts.every((p) => item.test(p)) ? parts : fail(label, value);
  };
}

function readNamed(value: string): string | string[] {
  const parts = readDotList('named transformation', /^[A-Za-z0-9_-]+$/)(value);
  return parts.length === 1 ? parts[0]! : parts;
}

const spec = (field: ParamField, label: string, read: (value: string) => unknown): ParamReader => ({
  field,
  key: PARAM_KEYS[field],
  label,
  read,
});

/** A reader for every parameter. */
export const PARAM_READERS: readonly ParamReader[] = [
  spec('angle', 'angle', readAngle),
  spec('aspectRatio', 'aspect ratio', numeric('aspect ratio', /^\d+(\.\d+)?:\d+(\.\d+)?$/)),
  spec('audioCodec', 'audio codec', word('audio codec', /^[a-z0-9_]+$/)),
  spec('audioFrequency', 'audio frequency', numeric('audio frequency', /^(initial_frequency|iaf)$/)),
  spec(
    'background',
    'background',
    word('background', /^(rgb:[0-9a-fA-F]{3,8}|[a-z_]+(:[A-Za-z0-9_.%-]+)*)$/),
  ),
  spec('baseline', 'baseline', word('baseline', /^[A-Za-z0-9_-]+$/)),
  spec('bitRate', 'bit rate', numeric('bit rate', /^\d+(\.\d+)?[km]?(:constant)?$/)),
  spec('border', 'border', word('border', /^\d+px_(solid|dotted|dashed)_(rgb:[0-9a-fA-F]{3,8}|[a-z]+)$/)),
  spec('color', 'color', word('color', COLOR_RE)),
  spec('colorSpace', 'color space', word('color space', /^[a-z_]+(:[A-Za-z0-9_.-]+)?$/)),
  spec('crop', 'crop mode', readCrop),
  spec(
    'customFunction',
    'custom function',
    word('custom function', /^(pre:)?(wasm|remote):[A-Za-z0-9_:.=-]+$/),
  ),
  spec('defaultImage', 'default image', word('default image', /^[^\s,/]+$/)),
  spec('delay', 'delay', numeric('delay')),
  spec('density', 'density', numeric('density')),
  spec('dpr', 'dpr', numeric('dpr', /^auto$/)),
  spec('duration', 'duration', numeric('duration', OFFSET_EXTRA)),
  spec('effect', 'effect', readEffect),
  spec('endOffset', 'end offset', numeric('end offset', OFFSET_EXTRA)),
  spec('flags', 'flag', readDotList('flag', /^[a-z0-9_]+(:[A-Za-z0-9_%-]+)?$/)),
  spec('format', 'format', word('format', /^[a-z0-9]+(:[a-z0-9]+)*$/)),
  spec('fps', 'fps', numeric('fps', /^-?\d+(\.\d+)?(-\d+(\.\d+)?)?$/)),
  spec('gravity', 'gravity', word('gravity', /^[a-z][a-z0-9_]*(:[a-z0-9_]+)*$/)),
  spec('height', 'height', numeric('height')),
  spec('keyframeInterval', 'keyframe interval', numeric('keyframe interval')),
  spec('namedTransformation', 'named transformation', readNamed),
  spec('opacity', 'opacity', numeric('opacity')),
  spec('overlay', 'overlay', readLayer('overlay')),
  spec('page', 'page', numeric('page', /^[0-9;,-]+$|^(name|embedded):[A-Za-z0-9_;:-]+$/)),
  spec('prefix', 'prefix', word('prefix', /^[A-Za-z0-9_-]+$/)),
  spec(
    'quality',
    'quality',
    numeric('quality', /^(auto(:(best|good|eco|low))?|\d+:(444|420|422)|jpegmini(:\d)?)$/),
  ),
  spec('radius', 'radius', readRadius),
  spec('startOffset', 'start offset', numeric('start offset', OFFSET_EXTRA)),
  spec('streamingProfile', 'streaming profile', word('streaming profile', /^[A-Za-z0-9_]+$/)),
  spec('underlay', 'underlay', readLayer('underlay')),
  spec('videoCodec', 'video codec', word('video codec', /^[a-z0-9]+(:[a-z0-9_.]+){0,3}$/)),
  spec('videoSampling', 'video sampling', numeric('video sampling', /^\d+(\.\d+)?s$/)),
  spec('width', 'width', numeric('width', /^auto(:[A-Za-z0-9_.]+)*$/)),
  spec('x', 'x', numeric('x')),
  spec('y', 'y', numeric('y')),
  spec('zoom', 'zoom', numeric('zoom')),
];

/** Parameter readers by URL key. */
export const PARAMS_BY_KEY: ReadonlyMap<string, ParamReader> = new Map(PARAM_READERS.map((p) => [p.key, p]));

/** Every key that may start a `key_value` token, plus `if`. */
export const TRANSFORMATION_KEYS: ReadonlySet<string> = new Set([...Object.values(PARAM_KEYS), 'if']);
