import {
  type Bound,
  DATE_FIELDS,
  type DateField,
  type DateValue,
  type MatchMode,
  NUMBER_FIELDS,
  type NumberField,
  type Ratio,
  type SearchNode,
  STRING_FIELDS,
  type StringField,
  type TextPattern,
} from './search-node.js';
import { isAnyValue, literalOf, type ScannedValue, Scanner } from './search-scanner.js';
import { SearchSyntaxError } from './search-syntax-error.js';
import { readDate, readNumber, readRatio } from './search-values.js';

/** Limits that keep a hostile expression from costing more than a page of SQL. */
export const SEARCH_LIMITS = { maxLength: 8192, maxDepth: 40, maxTerms: 200 } as const;

type Operator = ':' | '=' | '>' | '>=' | '<' | '<=';
const OPERATORS: readonly Operator[] = ['>=', '<=', ':', '=', '>', '<'];

const FIELD_ALIASES: Readonly<Record<string, StringField>> = { asset_folder: 'folder' };

/**
 * Parses Cloudinary's search expression language (the subset Kumo supports) into a SearchNode.
 * An empty expression matches everything. Anything malformed raises SearchSyntaxError, and nothing
 * else: the input is user text from an HTTP body.
 *
 * Precedence, tightest first: `NOT` / `-` / `!` / `+`, then `AND` / `&&` / juxtaposition, then
 * `OR` / `||`.
 */
export function parseSearchExpression(text: string): SearchNode {
  if (typeof text !== 'string') throw new SearchSyntaxError(0, 'the expression must be a string');
  if (text.length > SEARCH_LIMITS.maxLength) {
    throw new SearchSyntaxError(
      SEARCH_LIMITS.maxLength,
      `the expression is longer than ${SEARCH_LIMITS.maxLength} characters`,
    );
  }
  return new Parser(text).parse();
}

class Parser {
  private readonly scanner: Scanner;
  private depth = 0;
  private terms = 0;

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  parse(): SearchNode {
    const s = this.scanner;
    s.skipSpace();
    if (s.atEnd) return { kind: 'all' };
    const node = this.parseOr();
    s.skipSpace();
    if (!s.atEnd) throw new SearchSyntaxError(s.position, `unexpected '${s.peek()}'`);
    return node;
  }

  private parseOr(): SearchNode {
    const children = [this.parseAnd()];
    for (;;) {
      this.scanner.skipSpace();
      if (!this.acceptOr()) break;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? (children[0] as SearchNode) : { kind: 'or', children };
  }

  private parseAnd(): SearchNode {
    const s = this.scanner;
    const children = [this.parseUnary()];
    for (;;) {
      s.skipSpace();
      if (s.atEnd || s.peek() === ')' || this.peekOr()) break;
      if (!s.acceptKeyword('AND')) s.accept('&&');
      children.push(this.parseUnary());
    }
    return children.length === 1 ? (children[0] as SearchNode) : { kind: 'and', children };
  }

  private parseUnary(): SearchNode {
    const s = this.scanner;
    s.skipSpace();
    const start = s.position;
    if (++this.depth > SEARCH_LIMITS.maxDepth) {
      throw new SearchSyntaxError(start, `the expression nests deeper than ${SEARCH_LIMITS.maxDepth} levels`);
    }
    let node: SearchNode;
    if (s.acceptKeyword('NOT')) {
      node = { kind: 'not', child: this.parseUnary() };
    } else if (s.peek() === '-' || s.peek() === '!' || s.peek() === '+') {
      const sign = s.peek();
      s.position++;
      if (s.isBoundary(s.position) && s.peek() !== '(') {
        throw new SearchSyntaxError(start, `'${sign}' must be followed directly by a term`);
      }
      const child = this.parseUnary();
      node = sign === '+' ? child : { kind: 'not', child };
    } else {
      node = this.parsePrimary();
    }
    this.depth--;
    return node;
  }

  private parsePrimary(): SearchNode {
    const s = this.scanner;
    const start = s.position;
    if (s.atEnd) throw new SearchSyntaxError(start, 'a term is missing at the end');
    if (s.peek() === '(') {
      s.position++;
      s.skipSpace();
      if (s.peek() === ')') throw new SearchSyntaxError(start, 'the parentheses are empty');
      const node = this.parseOr();
      s.skipSpace();
      if (!s.accept(')')) throw new SearchSyntaxError(start, 'the parenthesis opened here is not closed');
      return node;
    }
    if (s.peek() === ')') throw new SearchSyntaxError(start, "unexpected ')'");
    for (const keyword of ['AND', 'OR', 'TO']) {
      if (s.peekKeyword(keyword)) throw new SearchSyntaxError(start, `a term is missing before '${keyword}'`);
    }
    if (s.peek() === '&' || s.peek() === '|') {
      throw new SearchSyntaxError(start, `a term is missing before '${s.peek()}'`);
    }
    if (++this.terms > SEARCH_LIMITS.maxTerms) {
      throw new SearchSyntaxError(start, `the expression has more than ${SEARCH_LIMITS.maxTerms} terms`);
    }
    return this.parseTerm();
  }

  private acceptOr(): boolean {
    return this.scanner.acceptKeyword('OR') || this.scanner.accept('||');
  }

  private peekOr(): boolean {
    return this.scanner.peekKeyword('OR') || this.scanner.text.startsWith('||', this.scanner.position);
  }

  private parseTerm(): SearchNode {
    const s = this.scanner;
    const start = s.position;
    if (s.peek() === '"') return freeText(s.readQuoted());
    const field = s.readFieldName();
    const operator = field ? OPERATORS.find((op) => s.text.startsWith(op, s.position)) : undefined;
    if (!field || !operator) {
      s.position = start;
      return freeText(s.readBare(false));
    }
    s.position += operator.length;
    const term = new FieldTerm(s, start, operator, field.name, field.key);
    return term.parse();
  }
}

function freeText(value: ScannedValue): SearchNode {
  return isAnyValue(value) && !value.quoted ? { kind: 'all' } : { kind: 'text', pattern: patternOf(value) };
}

/** The value side of `field<op>value`, read and typed according to the field. */
class FieldTerm {
  constructor(
    private readonly s: Scanner,
    private readonly start: number,
    private readonly operator: Operator,
    private readonly name: string,
    private readonly key: string | undefined,
  ) {}

  parse(): SearchNode {
    const { name, key } = this;
    if (key !== undefined) {
      if (name !== 'context') throw this.error(`unknown field '${name}.${key}'`);
      const { mode, pattern } = this.textMatch();
      return { kind: 'context', key, mode, pattern };
    }
    const alias = FIELD_ALIASES[name];
    if (alias || includes(STRING_FIELDS, name)) {
      const { mode, pattern } = this.textMatch();
      return { kind: 'string', field: alias ?? (name as StringField), mode, pattern };
    }
    if (name === 'tags') return { kind: 'tags', ...this.textMatch() };
    if (name === 'context') throw this.error('search context by key: context.<key>:<value>');
    if (includes(NUMBER_FIELDS, name)) {
      const field = name as NumberField;
      return {
        kind: 'number',
        field,
        ...this.bounds((text, at) => readNumber(text, at, field, field === 'bytes')),
      };
    }
    if (includes(DATE_FIELDS, name)) {
      const field = name as DateField;
      return { kind: 'date', field, ...this.dateBounds(field) };
    }
    if (name === 'aspect_ratio') return this.aspectRatio();
    throw this.error(
      `unknown field '${name}' (put free text containing '${this.operator}' in double quotes)`,
    );
  }

  private error(reason: string): SearchSyntaxError {
    return new SearchSyntaxError(this.start, reason);
  }

  private readValue(): ScannedValue {
    const s = this.s;
    if (s.isBoundary(s.position)) {
      if (s.peek() === '(') {
        throw new SearchSyntaxError(
          s.position,
          'grouped values are not supported; repeat the field for each value',
        );
      }
      throw new SearchSyntaxError(s.position, `a value is missing after '${this.name}${this.operator}'`);
    }
    return s.peek() === '"' ? s.readQuoted() : s.readBare(true);
  }

  private textMatch(): { mode: MatchMode; pattern: TextPattern } {
    if (this.operator !== ':' && this.operator !== '=') {
      throw this.error(`'${this.fieldLabel()}' is text: use ':' or '=', not '${this.operator}'`);
    }
    if (this.s.peek() === '[' || this.s.peek() === '{') {
      throw new SearchSyntaxError(this.s.position, `'${this.fieldLabel()}' is text and has no ranges`);
    }
    const value = this.readValue();
    if (this.operator === ':') return { mode: 'token', pattern: patternOf(value) };
    if (literalOf(value) === undefined) {
      throw new SearchSyntaxError(value.start, "wildcards need ':' ('=' matches the exact value)");
    }
    return { mode: 'exact', pattern: patternOf(value) };
  }

  private fieldLabel(): string {
    return this.key === undefined ? this.name : `${this.name}.${this.key}`;
  }

  /** Comparison, equality, `*` or a `[a TO b]` range, each value read by `read`. */
  private bounds<T>(
    read: (text: string, at: number) => T,
    equalsAsLowerBound?: (value: T) => boolean,
  ): { lower?: Bound<T>; upper?: Bound<T> } {
    const s = this.s;
    if (this.operator === ':' && (s.peek() === '[' || s.peek() === '{')) return this.range(read);
    const value = this.readValue();
    if (isAnyValue(value) && !value.quoted) {
      if (this.operator !== ':') throw new SearchSyntaxError(value.start, `'*' needs ':' (${this.name}:*)`);
      return {};
    }
    const typed = read(this.literal(value), value.start);
    switch (this.operator) {
      case '>':
        return { lower: { value: typed, inclusive: false } };
      case '>=':
        return { lower: { value: typed, inclusive: true } };
      case '<':
        return { upper: { value: typed, inclusive: false } };
      case '<=':
        return { upper: { value: typed, inclusive: true } };
      default:
        if (equalsAsLowerBound?.(typed)) return { lower: { value: typed, inclusive: true } };
        return { lower: { value: typed, inclusive: true }, upper: { value: typed, inclusive: true } };
    }
  }

  private literal(value: ScannedValue): string {
    const text = literalOf(value);
    if (text === undefined) throw new SearchSyntaxError(value.start, `'${this.name}' takes no wildcards`);
    return text;
  }

  private range<T>(read: (text: string, at: number) => T): { lower?: Bound<T>; upper?: Bound<T> } {
    const s = this.s;
    const open = s.position;
    const lowerInclusive = s.peek() === '[';
    s.position++;
    s.skipSpace();
    const lower = this.rangeEnd(read);
    const beforeTo = s.position;
    s.skipSpace();
    const to = s.text.startsWith('TO', s.position) && /^[\s\]}]?$/.test(s.text.charAt(s.position + 2));
    if (s.position === beforeTo || !to) {
      throw new SearchSyntaxError(s.position, "a range needs ' TO ' between its ends, as in [1 TO 5]");
    }
    s.position += 2;
    s.skipSpace();
    const upper = this.rangeEnd(read);
    s.skipSpace();
    const close = s.peek();
    if (close !== ']' && close !== '}') {
      throw new SearchSyntaxError(open, "the range opened here is not closed with ']' or '}'");
    }
    s.position++;
    s.expectValueEnd(open, 'range');
    return {
      ...(lower === undefined ? {} : { lower: { value: lower, inclusive: lowerInclusive } }),
      ...(upper === undefined ? {} : { upper: { value: upper, inclusive: close === ']' } }),
    };
  }

  /** One end of a range; `*` leaves that side open. */
  private rangeEnd<T>(read: (text: string, at: number) => T): T | undefined {
    const s = this.s;
    if (s.atEnd || s.peek() === ']' || s.peek() === '}') {
      throw new SearchSyntaxError(s.position, 'a range end is missing');
    }
    const value = s.peek() === '"' ? s.readQuoted() : s.readBare(true, ']}');
    if (isAnyValue(value) && !value.quoted) return undefined;
    return read(this.literal(value), value.start);
  }

  private dateBounds(field: DateField): { lower?: Bound<DateValue>; upper?: Bound<DateValue> } {
    // "created_at:3d" reads as "within the last 3 days", so a relative value there is a lower bound.
    return this.bounds(
      (text, at) => readDate(text, at, field),
      (value) => value.kind === 'relative',
    );
  }

  private aspectRatio(): SearchNode {
    const s = this.s;
    const isEquality =
      (this.operator === ':' && s.peek() !== '[' && s.peek() !== '{') || this.operator === '=';
    const bounds = this.bounds<Ratio>(readRatio);
    if (isEquality && bounds.lower && bounds.upper)
      return { kind: 'aspect_ratio', equals: bounds.lower.value };
    return { kind: 'aspect_ratio', ...bounds };
  }
}

function patternOf(value: ScannedValue): TextPattern {
  return { segments: value.segments };
}

function includes(list: readonly string[], name: string): boolean {
  return list.includes(name);
}
