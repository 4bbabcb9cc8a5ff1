import { isExpression, isUserVariableName, toScalar } from './expression.js';
import type { Component, Scalar, Transformation } from './model.js';
import { PARAMS_BY_KEY, TRANSFORMATION_KEYS, ValueError } from './read-params.js';
import { serializeTransformation } from './serialize.js';

/** A malformed transformation string: says what is wrong, in which component and at which character. */
export class TransformationParseError extends Error {
  override readonly name = 'TransformationParseError';
  /** Zero-based index of the offending component (the `/`-separated part). */
  readonly component: number;
  /** Zero-based offset of the offending token in the whole string. */
  readonly position: number;
  /** The offending `key_value` token (or component, when the component itself is malformed). */
  readonly token: string;
  /** The reason without the location, e.g. `Invalid width in transformation: abc`. */
  readonly reason: string;

  constructor(reason: string, component: number, position: number, token: string) {
    super(`${reason} (component ${component + 1}, position ${position})`);
    this.reason = reason;
    this.component = component;
    this.position = position;
    this.token = token;
  }
}

type MutableComponent = { -readonly [K in keyof Component]: Component[K] };

function parseComponent(text: string, index: number, offset: number): Component {
  const component: MutableComponent = {};
  const variables: Array<readonly [`$${string}`, Scalar]> = [];
  let position = offset;
  const tokens = text.split(',');
  tokens.forEach((token, tokenIndex) => {
    const fail = (reason: string): never => {
      throw new TransformationParseError(reason, index, position, token);
    };
    if (token.length === 0) fail('Empty parameter in transformation');
    const underscore = token.indexOf('_');
    if (underscore <= 0 || underscore === token.length - 1)
      fail(`Invalid transformation parameter: ${token}`);
    const key = token.slice(0, underscore);
    const value = token.slice(underscore + 1);
    if (key === 'if') {
      if (tokenIndex !== 0) fail('A condition (if_) must come first in its component');
      if (value !== 'else' && value !== 'end' && !isExpression(value))
        fail(`Invalid condition in transformation: ${value}`);
      component.if = value;
    } else if (key.startsWith('$')) {
      if (!isUserVariableName(key)) fail(`Invalid variable name in transformation: ${key}`);
      if (!isExpression(value)) fail(`Invalid value of variable ${key} in transformation: ${value}`);
      if (variables.some(([name]) => name === key)) fail(`Variable ${key} is defined twice in one component`);
      variables.push([key as `$${string}`, toScalar(value)]);
    } else {
      const spec = PARAMS_BY_KEY.get(key);
      if (!spec) fail(`Unknown transformation parameter: ${key}`);
      let parsed: unknown;
      try {
        parsed = spec!.read(value);
      } catch (error) {
        if (error instanceof ValueError) fail(error.message);
        throw error;
      }
      const field = spec!.field;
      const existing = component[field];
      if (existing !== undefined) {
        // Flags may be given one per parameter (`fl_layer_apply,fl_no_overflow`); nothing else may repeat.
        if (field !== 'flags') fail(`Parameter ${key}_ is given twice in one component`);
        (component as Record<string, unknown>)[field] = [...(existing as string[]), ...(parsed as string[])];
      } else {
        (component as Record<string, unknown>)[field] = parsed;
      }
    }
    position += token.length + 1;
  });
  if (variables.length > 0) component.variables = variables;
  return component;
}

/**
 * Reads a transformation string in either style the SDKs emit — many parameters per component
 * (`c_fill,h_100,w_100`) or one action per component (`c_fill,w_100/f_auto/q_auto`) — into the model.
 * Throws {@link TransformationParseError} for anything malformed; never anything else.
 */
export function parseTransformation(input: string): Transformation {
  if (typeof input !== 'string') {
    throw new TransformationParseError('A transformation must be a string', 0, 0, String(input));
  }
  if (input.length === 0) return [];
  const components: Component[] = [];
  let offset = 0;
  input.split('/').forEach((text, index) => {
    if (text.length === 0) {
      throw new TransformationParseError('Empty component in transformation', index, offset, text);
    }
    components.push(parseComponent(text, index, offset));
    offset += text.length + 1;
  });
  return components;
}

/**
 * The canonical form of a transformation string: parameters in canonical order, flags merged, values
 * as written. Two strings that mean the same thing component by component give the same canonical
 * form; the server keys derived assets by it.
 */
export function canonicalizeTransformation(input: string): string {
  return serializeTransformation(parseTransformation(input));
}

/**
 * A quick syntactic test used when reading URLs: whether a path segment is made of `key_value`
 * tokens with known keys (and so is a transformation component rather than part of a public id).
 */
export function isTransformationSegment(segment: string): boolean {
  if (segment.length === 0) return false;
  return segment.split(',').every((token) => {
    const underscore = token.indexOf('_');
    if (underscore <= 0) return false;
    const key = token.slice(0, underscore);
    return TRANSFORMATION_KEYS.has(key) || isUserVariableName(key);
  });
}
