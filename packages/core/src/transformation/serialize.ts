import type { Component, Transformation } from './model.js';
import { PARAM_KEYS, type ParamField } from './param-keys.js';
import { PARAM_WRITERS } from './write-params.js';

/** Thrown when a model cannot be written (an unknown field, typically an SDK-style option name). */
export class TransformationError extends Error {
  override readonly name = 'TransformationError';
}

/**
 * Joins the parts of one component in Cloudinary's canonical order: condition, variables, the
 * `key_value` parameters sorted as strings, then raw text. The SDKs emit exactly this order, and the
 * server uses it as the derived-cache key.
 */
export function assembleComponent(
  condition: string | undefined,
  variables: readonly string[],
  params: string[],
  raw: string | undefined,
): string {
  if (params.length > 1) params.sort();
  let out = condition ?? '';
  for (const part of variables) out = out ? `${out},${part}` : part;
  for (const part of params) out = out ? `${out},${part}` : part;
  if (raw) out = out ? `${out},${raw}` : raw;
  return out;
}

const NO_VARIABLES: readonly string[] = [];

/** Writes one component, e.g. `{ crop: 'fill', width: 400 }` → `c_fill,w_400`. */
export function serializeComponent(component: Component): string {
  const params: string[] = [];
  for (const field in component) {
    if (field === 'if' || field === 'variables' || field === 'raw') continue;
    const value = (component as Record<string, unknown>)[field];
    if (value === undefined || value === null) continue;
    const key = PARAM_KEYS[field as ParamField];
    if (key === undefined) {
      throw new TransformationError(
        `Unknown transformation parameter "${field}" (the model uses camelCase names such as "aspectRatio"; SDK-style options go through @kumo/core/compat)`,
      );
    }
    const write = PARAM_WRITERS[field as ParamField];
    const text = write ? write(value as never) : typeof value === 'string' ? value : String(value);
    if (text.length > 0) params.push(`${key}_${text}`);
  }
  const variables = component.variables
    ? component.variables.map(([name, value]) => `${name}_${value}`)
    : NO_VARIABLES;
  const condition = component.if === undefined || component.if === '' ? undefined : `if_${component.if}`;
  return assembleComponent(condition, variables, params, component.raw);
}

/**
 * Writes a transformation chain in its canonical form. Strings pass through unchanged, so callers can
 * mix hand-written and modelled transformations.
 */
export function serializeTransformation(transformation: Transformation | Component | string): string {
  if (typeof transformation === 'string') return transformation;
  if (!Array.isArray(transformation)) return serializeComponent(transformation as Component);
  let out = '';
  for (const component of transformation as Transformation) {
    const text = serializeComponent(component);
    if (text) out = out ? `${out}/${text}` : text;
  }
  return out;
}
