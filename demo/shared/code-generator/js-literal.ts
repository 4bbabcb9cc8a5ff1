// JavaScript literals for generated code: strings escaped for where the code will sit, objects and
// arrays laid out the way Biome/Prettier would, so a snippet reads like hand-written code.
import type { SnippetValue } from './code-generator.types.js';

/**
 * Where a JavaScript string literal ends up, which decides what else must be escaped:
 * - `js`: a .js/.jsx file;
 * - `html-script`: inside an HTML `<script>`, where `</script` or `<!--` would end or confuse it;
 * - `html-attribute`: inside a double-quoted attribute that the parser entity-decodes (Vue's
 *   template directives), where `"` would end it and `&…;` would be decoded.
 */
export type StringContext = 'js' | 'html-script' | 'html-attribute';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether `name` can be written bare as an object key or a variable name. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

const hex = (code: number, digits: number) => code.toString(16).toUpperCase().padStart(digits, '0');

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

/** A single-quoted JavaScript string literal whose value is exactly `value`. */
export function jsString(value: string, context: StringContext = 'js'): string {
  let literal = "'";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    const simple = SIMPLE_ESCAPES[char];
    if (simple !== undefined) literal += simple;
    else if (code < 0x20 || code === 0x7f) literal += `\\x${hex(code, 2)}`;
    // Line and paragraph separators end lines in older engines; lone surrogates are not text.
    else if (code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff))
      literal += `\\u${hex(code, 4)}`;
    else if (context !== 'js' && char === '<') literal += '\\x3C';
    else if (context === 'html-attribute' && (char === '&' || char === '"')) literal += `\\x${hex(code, 2)}`;
    else literal += char;
  }
  return `${literal}'`;
}

function jsNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be written as an option value`);
  return Object.is(value, -0) ? '0' : String(value);
}

export interface LiteralLayout {
  /** The indentation of the line the literal starts on. */
  readonly indent?: string;
  /** Characters already on that line before the literal, and after it (a trailing `,` or `;`). */
  readonly prefix?: number;
  readonly suffix?: number;
  /** Break objects over several lines even when they would fit on one. */
  readonly multiline?: boolean;
  readonly context?: StringContext;
}

const LINE_WIDTH = 100;
const STEP = '  ';

/** A JavaScript literal for `value`, on one line when it fits in the line width, else one entry per line. */
export function jsLiteral(value: SnippetValue, layout: LiteralLayout = {}): string {
  const { indent = '', prefix = 0, suffix = 0, multiline = false, context = 'js' } = layout;
  if (typeof value === 'string') return jsString(value, context);
  if (typeof value === 'number') return jsNumber(value);
  if (typeof value === 'boolean') return String(value);

  const isArray = Array.isArray(value);
  const entries: [string | undefined, SnippetValue][] = isArray
    ? (value as readonly SnippetValue[]).map((item) => [undefined, item])
    : Object.entries(value as Readonly<Record<string, SnippetValue>>);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  const key = (name: string | undefined) =>
    name === undefined ? '' : `${isIdentifier(name) ? name : jsString(name, context)}: `;

  const inline = entries.map(([name, item]) => key(name) + jsLiteral(item, { context, indent })).join(', ');
  const oneLine = isArray ? `[${inline}]` : `{ ${inline} }`;
  const fits = !oneLine.includes('\n') && indent.length + prefix + oneLine.length + suffix <= LINE_WIDTH;
  if (fits && !(multiline && !isArray)) return oneLine;

  const inner = indent + STEP;
  const lines = entries.map(([name, item]) => {
    const head = key(name);
    return `${inner}${head}${jsLiteral(item, { context, indent: inner, prefix: head.length, suffix: 1 })},`;
  });
  return `${open}\n${lines.join('\n')}\n${indent}${close}`;
}
