import type { Component } from './model.js';

/** A model field that maps to one `key_value` URL parameter. */
export type ParamField = Exclude<keyof Component, 'if' | 'variables' | 'raw'>;

/**
 * The one list of parameters: model field → URL key. Writers and readers are keyed by it. It has no
 * prototype, so a stray `constructor` or `toString` field is reported as unknown, not looked up.
 */
export const PARAM_KEYS: Readonly<Record<ParamField, string>> = Object.assign(Object.create(null), {
  angle: 'a',
  aspectRatio: 'ar',
  audioCodec: 'ac',
  audioFrequency: 'af',
  background: 'b',
  baseline: 'bl',
  bitRate: 'br',
  border: 'bo',
  color: 'co',
  colorSpace: 'cs',
  crop: 'c',
  customFunction: 'fn',
  defaultImage: 'd',
  delay: 'dl',
  density: 'dn',
  dpr: 'dpr',
  duration: 'du',
  effect: 'e',
  endOffset: 'eo',
  flags: 'fl',
  format: 'f',
  fps: 'fps',
  gravity: 'g',
  height: 'h',
  keyframeInterval: 'ki',
  namedTransformation: 't',
  opacity: 'o',
  overlay: 'l',
  page: 'pg',
  prefix: 'p',
  quality: 'q',
  radius: 'r',
  startOffset: 'so',
  streamingProfile: 'sp',
  underlay: 'u',
  videoCodec: 'vc',
  videoSampling: 'vs',
  width: 'w',
  x: 'x',
  y: 'y',
  zoom: 'z',
});
