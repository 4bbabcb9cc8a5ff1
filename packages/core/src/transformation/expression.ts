/**
 * Arithmetic and conditional expressions (`iw_mul_0.5`, `w_lt_200_and_ar_gt_1`), in URL form and in
 * the readable form users write (`initial_width * 0.5`).
 */

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  '=': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '>': 'gt',
  '<=': 'lte',
  '>=': 'gte',
  '&&': 'and',
  '||': 'or',
  '*': 'mul',
  '/': 'div',
  '+': 'add',
  '-': 'sub',
  '^': 'pow',
};

/** Readable names of the predefined variables and their URL short forms. */
export const PREDEFINED_VARIABLES: Readonly<Record<string, string>> = {
  aspect_ratio: 'ar',
  aspectRatio: 'ar',
  current_page: 'cp',
  currentPage: 'cp',
  duration: 'du',
  face_count: 'fc',
  faceCount: 'fc',
  height: 'h',
  initial_aspect_ratio: 'iar',
  initial_height: 'ih',
  initial_width: 'iw',
  initialAspectRatio: 'iar',
  initialHeight: 'ih',
  initialWidth: 'iw',
  initial_duration: 'idu',
  initialDuration: 'idu',
  page_count: 'pc',
  page_x: 'px',
  page_y: 'py',
  pageCount: 'pc',
  pageX: 'px',
  pageY: 'py',
  tags: 'tags',
  width: 'w',
};

const OPERATOR_RE = /(\|\||>=|<=|&&|!=|>|=|<|\/|-|\^|\+|\*)(?=[ _])/g;
const VARIABLE_RE = new RegExp(
  `(\\$_*[^_ ]+)|(${Object.keys(PREDEFINED_VARIABLES)
    .map((name) => `:${name}|${name}`)
    .join('|')})`,
  'g',
);

/**
 * Rewrites a readable expression into URL form, as the official SDKs do: operators followed by a
 * space or `_` become words, readable variable names become short ones, runs of spaces and `_` become
 * one `_`. Non-strings, empty strings and `!…!` literals come back unchanged.
 */
export function normalizeExpression<T>(expression: T): T | string {
  if (typeof expression !== 'string' || expression.length === 0 || /^!.+!$/.test(expression))
    return expression;
  return expression
    .replace(OPERATOR_RE, (op) => OPERATOR_WORDS[op] ?? op)
    .replace(VARIABLE_RE, (match) => PREDEFINED_VARIABLES[match] ?? match)
    .replace(/[ _]+/g, '_');
}

/** Operator words allowed between operands of a URL-form expression. */
const OPERATORS = new Set([
  'eq',
  'ne',
  'lt',
  'gt',
  'lte',
  'gte',
  'and',
  'or',
  'mul',
  'div',
  'add',
  'sub',
  'pow',
  'mod',
  'in',
  'nin',
]);

/** Short names of the variables the service defines for every asset. */
export const BUILT_IN_VARIABLES = new Set([
  'w',
  'h',
  'ar',
  'iw',
  'ih',
  'iar',
  'du',
  'idu',
  'fc',
  'pc',
  'cp',
  'px',
  'py',
  'tags',
  'ow',
  'oh',
  'ils',
  'pgnames',
  'ctx',
  'md',
]);

const NUMBER_RE = /^-?(\d+(\.\d*)?|\.\d+)$/;
const USER_VARIABLE_RE = /^\$[a-zA-Z][a-zA-Z0-9]*$/;

/** Whether a token is a literal number as it may stand in a URL (`12`, `-3`, `0.5`, `1.0`). */
export function isNumberToken(token: string): boolean {
  return NUMBER_RE.test(token);
}

/** `12` → 12, but `1.0` and `05` stay strings so that they are written back exactly as they came. */
export function toScalar(token: string): number | string {
  if (isNumberToken(token)) {
    const n = Number(token);
    if (String(n) === token) return n;
  }
  return token;
}

/** Whether a name is a valid user variable name (`$size`); Cloudinary allows letters and digits only. */
export function isUserVariableName(name: string): name is `$${string}` {
  return USER_VARIABLE_RE.test(name);
}

function isOperand(token: string): boolean {
  if (isNumberToken(token) || USER_VARIABLE_RE.test(token) || BUILT_IN_VARIABLES.has(token)) return true;
  if (/^![^!]*!$/.test(token)) return true;
  // Context and structured-metadata lookups: ctx:!key!, md:!key!
  return /^(ctx|md):![^!]+!$/.test(token);
}

/** Splits a URL-form expression into `_`-separated tokens, keeping `!…!` string literals whole. */
function tokenize(expression: string): string[] | undefined {
  const tokens: string[] = [];
  let i = 0;
  while (i <= expression.length) {
    let end: number;
    const bang = expression.indexOf('!', i);
    const underscore = expression.indexOf('_', i);
    if (bang !== -1 && (underscore === -1 || bang < underscore)) {
      const close = expression.indexOf('!', bang + 1);
      if (close === -1) return undefined;
      end = expression.indexOf('_', close + 1);
    } else {
      end = underscore;
    }
    if (end === -1) end = expression.length;
    tokens.push(expression.slice(i, end));
    i = end + 1;
  }
  return tokens;
}

/**
 * Whether a string is a well-formed URL-form expression: operands (numbers, built-in or user
 * variables, `!string!` literals) separated by operator words.
 */
export function isExpression(expression: string): boolean {
  const tokens = tokenize(expression);
  if (!tokens || tokens.length % 2 === 0) return false;
  return tokens.every((token, index) => (index % 2 === 0 ? isOperand(token) : OPERATORS.has(token)));
}
