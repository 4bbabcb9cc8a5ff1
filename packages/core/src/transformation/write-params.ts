/**
 * How each parameter value is written into a URL. Kept apart from the readers so that code that only
 * builds URLs carries no parsing code.
 */
import { serializeLayer } from './layer-write.js';
import type { Effect, Layer, Scalar, VideoCodec } from './model.js';
import type { ParamField } from './param-keys.js';

type Writer = (value: never) => string;

const joinWith =
  (separator: string): Writer =>
  (value: Scalar | readonly Scalar[]) =>
    Array.isArray(value) ? value.join(separator) : String(value);

const writeColor: Writer = (value: string) => value.replace(/^#/, 'rgb:');

const writeEffect: Writer = (effect: Effect | string) => {
  if (typeof effect === 'string') return effect;
  return effect.args && effect.args.length > 0 ? `${effect.name}:${effect.args.join(':')}` : effect.name;
};

const writeLayer: Writer = (layer: Layer | string) =>
  typeof layer === 'string' ? layer : serializeLayer(layer);

const writeVideoCodec: Writer = (value: string | VideoCodec) => {
  if (typeof value === 'string') return value;
  let out = value.codec;
  if (value.profile !== undefined) {
    out += `:${value.profile}`;
    if (value.level !== undefined) out += `:${value.level}`;
  }
  return out;
};

/** Writers for the parameters whose value is not written with `String(value)`. */
export const PARAM_WRITERS: Partial<Readonly<Record<ParamField, Writer>>> = Object.assign(
  Object.create(null),
  {
    angle: joinWith('.'),
    background: writeColor,
    border: writeColor,
    color: writeColor,
    effect: writeEffect,
    flags: joinWith('.'),
    namedTransformation: joinWith('.'),
    overlay: writeLayer,
    radius: joinWith(':'),
    underlay: writeLayer,
    videoCodec: writeVideoCodec,
  },
);
