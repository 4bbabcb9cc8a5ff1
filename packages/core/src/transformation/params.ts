/**
 * The one table of transformation parameters: model field ↔ URL key, how a value is written, and how
 * the strict parser reads and checks it.
 */
import { isExpression, isNumberToken } from './expression.js';
import { parseLayer, serializeLayer } from './layer.js';
import type { Component, Effect, Layer, Scalar, VideoCodec } from './model.js';
import { CROP_MODES } from './model.js';

/** Thrown by a value reader; the parser adds the component and position. */
export class ValueError extends Error {
  override readonly name = 'ValueError';
}

type FieldName = Exclude<keyof Component, 'if' | 'variables' | 'raw'>;

interface ParamSpec {
  readonly field: FieldName;
  readonly key: string;
  /** Human name used in error messages (`Invalid width in transformation: abc`). */
  readonly label: string;
  readonly read: (value: string) => unknown;
  readonly write: (value: never) => string;
}

/** `12` → 12, but `1.0` and `05` stay strings so that they are written back exactly as they came. */
export function toScalar(token: string): Scalar {
  if (isNumberToken(token)) {
    const n = Number(token);
    if (String(n) === token) return n;
  }
  return token;
}

const scalarText = (value: Scalar): string => String(value);

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

function writeEffect(effect: Effect | string): string {
  if (typeof effect === 'string') return effect;
  return effect.args && effect.args.length > 0 ? `${effect.name}:${effect.args.join(':')}` : effect.name;
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

function writeLayer(layer: Layer | string): string {
  return typeof layer === 'string' ? layer : serializeLayer(layer);
}

/** `a_90`, `a_auto_right.hflip`: one value, or several joined with `.`. */
function readAngle(value: string): Scalar | Scalar[] {
  const one = /^(-?\d+(\.\d+)?|auto_right|auto_left|hflip|vflip|ignore|exif)$/;
  if (one.test(value) || isExpression(value)) return toScalar(value);
  const parts = value.split('.');
  if (parts.length > 1 && parts.every((p) => /^(-?\d+|auto_right|auto_left|hflip|vflip|ignore|exif)$/.test(p))) {
    return parts.map(toScalar);
  }
  return fail('angle', value);
}

function readRadius(value: string): Scalar | Scalar[] {
  if (value === 'max') return value;
  const parts = value.split(':');
  if (parts.length > 4 || !parts.every((p) => isNumberToken(p) || isExpression(p))) return fail('radius', value);
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

const joinDot = (value: Scalar | readonly Scalar[]): string =>
  Array.isArray(value) ? value.join('.') : String(value);
const joinColon = (value: Scalar | readonly Scalar[]): string =>
  Array.isArray(value) ? value.join(':') : String(value);

function writeColor(value: string): string {
  return value.replace(/^#/, 'rgb:');
}

function writeVideoCodec(value: string | VideoCodec): string {
  if (typeof value === 'string') return value;
  let out = value.codec;
  if (value.profile !== undefined) {
    out += `:${value.profile}`;
    if (value.level !== undefined) out += `:${value.level}`;
  }
  return out;
}

const spec = (
  field: FieldName,
  key: string,
  label: string,
  read: (value: string) => unknown,
  write: (value: never) => string = scalarText as (value: never) => string,
): ParamSpec => ({ field, key, label, read, write });

/** Every parameter, in no particular order (components are written sorted by their `key_value` text). */
export const PARAMS: readonly ParamSpec[] = [
  spec('angle', 'a', 'angle', readAngle, joinDot as (value: never) => string),
  spec('aspectRatio', 'ar', 'aspect ratio', numeric('aspect ratio', /^\d+(\.\d+)?:\d+(\.\d+)?$/)),
  spec('audioCodec', 'ac', 'audio codec', word('audio codec', /^[a-z0-9_]+$/)),
  spec('audioFrequency', 'af', 'audio frequency', numeric('audio frequency', /^initial_frequency|iaf$/)),
  spec('background', 'b', 'background', word('background', /^(rgb:[0-9a-fA-F]{3,8}|[a-z_]+(:[A-Za-z0-9_.%-]+)*)$/), writeColor as (value: never) => string),
  spec('baseline', 'bl', 'baseline', word('baseline', /^[A-Za-z0-9_-]+$/)),
  spec('bitRate', 'br', 'bit rate', numeric('bit rate', /^\d+(\.\d+)?[km]?(:constant)?$/)),
  spec('border', 'bo', 'border', word('border', /^\d+px_(solid|dotted|dashed)_(rgb:[0-9a-fA-F]{3,8}|[a-z]+)$/), writeColor as (value: never) => string),
  spec('color', 'co', 'color', word('color', COLOR_RE), writeColor as (value: never) => string),
  spec('colorSpace', 'cs', 'color space', word('color space', /^[a-z_]+(:[A-Za-z0-9_.-]+)?$/)),
  spec('crop', 'c', 'crop mode', readCrop),
  spec('customFunction', 'fn', 'custom function', word('custom function', /^(pre:)?(wasm|remote):[A-Za-z0-9_:.=-]+$/)),
  spec('defaultImage', 'd', 'default image', word('default image', /^[^\s,/]+$/)),
  spec('delay', 'dl', 'delay', numeric('delay')),
  spec('density', 'dn', 'density', numeric('density')),
  spec('dpr', 'dpr', 'dpr', numeric('dpr', /^auto$/)),
  spec('duration', 'du', 'duration', numeric('duration', OFFSET_EXTRA)),
  spec('effect', 'e', 'effect', readEffect, writeEffect as (value: never) => string),
  spec('endOffset', 'eo', 'end offset', numeric('end offset', OFFSET_EXTRA)),
  spec('flags', 'fl', 'flag', readDotList('flag', /^[a-z0-9_]+(:[A-Za-z0-9_%-]+)?$/), joinDot as (value: never) => string),
  spec('format', 'f', 'format', word('format', /^[a-z0-9]+(:[a-z0-9]+)*$/)),
  spec('fps', 'fps', 'fps', numeric('fps', /^-?\d+(\.\d+)?(-\d+(\.\d+)?)?$/)),
  spec('gravity', 'g', 'gravity', word('gravity', /^[a-z][a-z0-9_]*(:[a-z0-9_]+)*$/)),
  spec('height', 'h', 'height', numeric('height')),
  spec('keyframeInterval', 'ki', 'keyframe interval', numeric('keyframe interval')),
  spec('namedTransformation', 't', 'named transformation', readNamed, joinDot as (value: never) => string),
  spec('opacity', 'o', 'opacity', numeric('opacity')),
  spec('overlay', 'l', 'overlay', readLayer('overlay'), writeLayer as (value: never) => string),
  spec('page', 'pg', 'page', numeric('page', /^[0-9;,-]+$|^(name|embedded):[A-Za-z0-9_;:-]+$/)),
  spec('prefix', 'p', 'prefix', word('prefix', /^[A-Za-z0-9_-]+$/)),
  spec('quality', 'q', 'quality', numeric('quality', /^(auto(:(best|good|eco|low))?|\d+:(444|420|422)|jpegmini(:\d)?)$/)),
  spec('radius', 'r', 'radius', readRadius, joinColon as (value: never) => string),
  spec('startOffset', 'so', 'start offset', numeric('start offset', OFFSET_EXTRA)),
  spec('streamingProfile', 'sp', 'streaming profile', word('streaming profile', /^[A-Za-z0-9_]+$/)),
  spec('underlay', 'u', 'underlay', readLayer('underlay'), writeLayer as (value: never) => string),
  spec('videoCodec', 'vc', 'video codec', word('video codec', /^[a-z0-9]+(:[a-z0-9_.]+){0,3}$/), writeVideoCodec as (value: never) => string),
  spec('videoSampling', 'vs', 'video sampling', numeric('video sampling', /^\d+(\.\d+)?s$/)),
  spec('width', 'w', 'width', numeric('width', /^auto(:[A-Za-z0-9_.]+)*$/)),
  spec('x', 'x', 'x', numeric('x')),
  spec('y', 'y', 'y', numeric('y')),
  spec('zoom', 'z', 'zoom', numeric('zoom')),
];

/** Parameter specs by URL key. */
export const PARAMS_BY_KEY: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.key, p]));

/** Parameter specs by model field. */
export const PARAMS_BY_FIELD: ReadonlyMap<string, ParamSpec> = new Map(PARAMS.map((p) => [p.field, p]));

/** Every key that may start a `key_value` token, plus `if`. */
export const TRANSFORMATION_KEYS: ReadonlySet<string> = new Set([...PARAMS.map((p) => p.key), 'if']);
