import { SearchSyntaxError } from './search-syntax-error.js';

/** One value as written: literal text split at its unescaped wildcards. */
export interface ScannedValue {
  readonly segments: readonly string[];
  readonly start: number;
  readonly quoted: boolean;
}

/** Characters that mean something to the language and must be escaped or quoted inside a value. */
const RESERVED = new Set(['"', '[', ']', '{', '}', '^', '~', '?', '!', '&', '|', '=', '<', '>']);
const WHITESPACE = /\s/;
const FIELD_NAME = /([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z0-9_-]+))?/y;

/**
 * Reads an expression character by character. It knows how values are written (quotes, escapes,
 * wildcards); the grammar around them is the parser's.
 */
export class Scanner {
  position = 0;

  constructor(readonly text: string) {}

  get atEnd(): boolean {
    return this.position >= this.text.length;
  }

  peek(offset = 0): string {
    return this.text.charAt(this.position + offset);
  }

  skipSpace(): void {
    while (!this.atEnd && WHITESPACE.test(this.peek())) this.position++;
  }

  /** True when a term, keyword or value may end before `index` (whitespace, a parenthesis, the end). */
  isBoundary(index: number): boolean {
    const ch = this.text.charAt(index);
    return ch === '' || ch === '(' || ch === ')' || WHITESPACE.test(ch);
  }

  /** Consumes `word` (AND, OR, NOT, TO) when it stands alone at the current position. */
  acceptKeyword(word: string): boolean {
    if (!this.text.startsWith(word, this.position) || !this.isBoundary(this.position + word.length)) {
      return false;
    }
    this.position += word.length;
    return true;
  }

  peekKeyword(word: string): boolean {
    return this.text.startsWith(word, this.position) && this.isBoundary(this.position + word.length);
  }

  accept(symbol: string): boolean {
    if (!this.text.startsWith(symbol, this.position)) return false;
    this.position += symbol.length;
    return true;
  }

  /** Reads `name` or `name.key` made of ASCII letters, digits, `_` (and `-` in the key). */
  readFieldName(): { name: string; key?: string } | undefined {
    FIELD_NAME.lastIndex = this.position;
    const match = FIELD_NAME.exec(this.text);
    if (!match) return undefined;
    this.position += match[0].length;
    const name = match[1] ?? '';
    return match[2] === undefined ? { name } : { name, key: match[2] };
  }

  /** `"…"`: everything up to the closing quote; `\` takes the next character literally. */
  readQuoted(): ScannedValue {
    const start = this.position;
    this.position++;
    const segments = [''];
    for (;;) {
      if (this.atEnd) throw new SearchSyntaxError(start, 'the quote opened here is not closed');
      const ch = this.peek();
      this.position++;
      if (ch === '"') break;
      if (ch === '*') segments.push('');
      else if (ch === '\\') {
        if (this.atEnd) throw new SearchSyntaxError(start, 'the quote opened here is not closed');
        this.appendChar(segments);
      } else segments[segments.length - 1] += ch;
    }
    this.expectValueEnd(start, 'quoted value');
    return { segments, start, quoted: true };
  }

  /**
   * An unquoted value up to whitespace, a parenthesis or one of `stops`. `:` is literal inside a
   * field's value (times, ratios) when `colonAllowed`.
   */
  readBare(colonAllowed: boolean, stops = ''): ScannedValue {
    const start = this.position;
    const segments = [''];
    while (!this.isBoundary(this.position) && !stops.includes(this.peek())) {
      const ch = this.peek();
      if (ch === '\\') {
        this.position++;
        if (this.atEnd)
          throw new SearchSyntaxError(this.position - 1, 'nothing follows the escape character \\');
        this.appendChar(segments);
        continue;
      }
      if (RESERVED.has(ch) || (ch === ':' && !colonAllowed)) {
        throw new SearchSyntaxError(
          this.position,
          `'${ch}' must be escaped with a backslash, or the value put in double quotes`,
        );
      }
      this.position++;
      if (ch === '*') segments.push('');
      else segments[segments.length - 1] += ch;
    }
    if (this.position === start) throw new SearchSyntaxError(start, 'a value is missing here');
    return { segments, start, quoted: false };
  }

  /** After a quoted value or a range, only a boundary may follow. */
  expectValueEnd(start: number, what: string): void {
    if (!this.isBoundary(this.position)) {
      throw new SearchSyntaxError(this.position, `unexpected '${this.peek()}' after the ${what} at ${start}`);
    }
  }

  /** Appends the character at the current position, taking a surrogate pair as one character. */
  private appendChar(segments: string[]): void {
    const code = this.text.codePointAt(this.position) ?? 0;
    const ch = String.fromCodePoint(code);
    segments[segments.length - 1] += ch;
    this.position += ch.length;
  }
}

/** The value's text when it has no wildcard, otherwise undefined. */
export function literalOf(value: ScannedValue): string | undefined {
  return value.segments.length === 1 ? value.segments[0] : undefined;
}

/** True for a lone wildcard, which unquoted means "any value". */
export function isAnyValue(value: ScannedValue): boolean {
  return value.segments.length === 2 && value.segments[0] === '' && value.segments[1] === '';
}
