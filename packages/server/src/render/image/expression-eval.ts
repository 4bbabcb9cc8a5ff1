/**
 * Evaluates the URL-form expressions of conditions (`if_w_lt_200_and_ar_gt_1`), variable definitions
 * (`$size_iw_div_2`) and numeric parameters (`w_$size_mul_2`). The strict parser in @kumo/core has
 * already checked their shape; this module gives them a value.
 */
import type { Scalar } from '@kumo/core';
import { invalid } from './render-error.js';

/** A value an expression can produce: a number, a string literal, or a list (`tags`, `!a:b!`). */
export type ExpressionValue = number | string | readonly string[];

/** Names (`w`, `iw`, `$size`, `tags`, …) to values, looked up while evaluating. */
export type Scope = ReadonlyMap<string, ExpressionValue>;

const PRECEDENCE: Readonly<Record<string, number>> = {
  or: 1,
  and: 2,
  in: 3,
  nin: 3,
  eq: 4,
  ne: 4,
  lt: 4,
  gt: 4,
  lte: 4,
  gte: 4,
  add: 5,
  sub: 5,
  mul: 6,
  div: 6,
  mod: 6,
  pow: 7,
};

const NUMBER_RE = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** Splits on `_`, keeping `!…!` literals (which may contain `_`) whole. */
function tokenize(expression: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let inLiteral = false;
  for (const char of expression) {
    if (char === '!') inLiteral = !inLiteral;
    if (char === '_' && !inLiteral) {
      tokens.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  tokens.push(current);
  return tokens;
}

function operand(token: string, scope: Scope, expression: string): ExpressionValue {
  if (NUMBER_RE.test(token)) return Number(token);
  if (token.startsWith('!') && token.endsWith('!') && token.length >= 2) {
    const literal = token.slice(1, -1);
    return literal.includes(':') ? literal.split(':') : literal;
  }
  const value = scope.get(token);
  if (value === undefined) {
    if (token.startsWith('$')) return invalid(`Undefined variable ${token} in expression: ${expression}`);
    return invalid(`Unsupported variable ${token} in expression: ${expression}`);
  }
  return value;
}

function asNumber(value: ExpressionValue, expression: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_RE.test(value)) return Number(value);
  return invalid(`Expected a number in expression: ${expression}`);
}

function asList(value: ExpressionValue): readonly string[] {
  if (Array.isArray(value)) return value as readonly string[];
  return [String(value)];
}

function same(a: ExpressionValue, b: ExpressionValue): boolean {
  if (typeof a === 'number' || typeof b === 'number') {
    return Number(a) === Number(b);
  }
  return asList(a).join(':') === asList(b).join(':');
}

function apply(op: string, a: ExpressionValue, b: ExpressionValue, expression: string): ExpressionValue {
  const num = (v: ExpressionValue) => asNumber(v, expression);
  const truth = (v: boolean) => (v ? 1 : 0);
  switch (op) {
    case 'or':
      return truth(isTruthy(a) || isTruthy(b));
    case 'and':
      return truth(isTruthy(a) && isTruthy(b));
    case 'in': {
      const list = asList(b);
      return truth(asList(a).every((item) => list.includes(item)));
    }
    case 'nin': {
      const list = asList(b);
      return truth(!asList(a).every((item) => list.includes(item)));
    }
    case 'eq':
      return truth(same(a, b));
    case 'ne':
      return truth(!same(a, b));
    case 'lt':
      return truth(num(a) < num(b));
    case 'gt':
      return truth(num(a) > num(b));
    case 'lte':
      return truth(num(a) <= num(b));
    case 'gte':
      return truth(num(a) >= num(b));
    case 'add':
      return num(a) + num(b);
    case 'sub':
      return num(a) - num(b);
    case 'mul':
      return num(a) * num(b);
    case 'div': {
      const divisor = num(b);
      if (divisor === 0) return invalid(`Division by zero in expression: ${expression}`);
      return num(a) / divisor;
    }
    case 'mod': {
      const divisor = num(b);
      if (divisor === 0) return invalid(`Division by zero in expression: ${expression}`);
      return num(a) % divisor;
    }
    case 'pow':
      return num(a) ** num(b);
    default:
      return invalid(`Unknown operator ${op} in expression: ${expression}`);
  }
}

/** Whether a value counts as true in a condition. */
export function isTruthy(value: ExpressionValue): boolean {
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  return value.length > 0;
}

/** Evaluates a URL-form expression (operands and operator words joined by `_`) with usual precedence. */
export function evaluateExpression(expression: Scalar, scope: Scope): ExpressionValue {
  if (typeof expression === 'number') return expression;
  const tokens = tokenize(expression);
  if (tokens.length % 2 === 0 || tokens.some((t) => t.length === 0)) {
    return invalid(`Invalid expression: ${expression}`);
  }
  // Precedence climbing over the alternating operand/operator token list.
  let index = 0;
  const parse = (minPrecedence: number): ExpressionValue => {
    let left = operand(tokens[index]!, scope, expression);
    index += 1;
    while (index < tokens.length) {
      const op = tokens[index]!;
      const precedence = PRECEDENCE[op];
      if (precedence === undefined) return invalid(`Unknown operator ${op} in expression: ${expression}`);
      if (precedence < minPrecedence) break;
      index += 1;
      // `pow` is right-associative; everything else is left-associative.
      const right = parse(op === 'pow' ? precedence : precedence + 1);
      left = apply(op, left, right, expression);
    }
    return left;
  };
  return parse(0);
}

/** Evaluates an expression that must give a finite number; `label` names the parameter in errors. */
export function evaluateNumber(expression: Scalar, scope: Scope, label: string): number {
  const value = evaluateExpression(expression, scope);
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isFinite(n)) return invalid(`Invalid ${label} in transformation: ${String(expression)}`);
  return n;
}
