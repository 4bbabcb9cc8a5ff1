import { describe, it } from 'node:test';
import { assert } from 'chai';
import type { SearchNode } from './search-node.js';
import { parseSearchExpression, SEARCH_LIMITS } from './search-parser.js';
import { SearchSyntaxError } from './search-syntax-error.js';

const text = (...segments: string[]): SearchNode => ({ kind: 'text', pattern: { segments } });
const field = (
  name: 'public_id' | 'filename' | 'folder' | 'format' | 'resource_type' | 'type',
  value: string,
) => ({ kind: 'string', field: name, mode: 'token', pattern: { segments: [value] } }) as const;
const day = (y: number, m: number, d: number) => ({
  kind: 'absolute' as const,
  start: Date.UTC(y, m - 1, d),
  end: Date.UTC(y, m - 1, d + 1),
});

function syntaxError(expression: string): SearchSyntaxError {
  try {
    parseSearchExpression(expression);
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    assert.fail(`expected a SearchSyntaxError for ${JSON.stringify(expression)}, got ${String(error)}`);
  }
  return assert.fail(`expected ${JSON.stringify(expression)} to be refused`);
}

describe('parseSearchExpression: terms', () => {
  it('matches everything for an empty expression, blanks and a lone *', () => {
    for (const expression of ['', '   ', '*', ' * '])
      assert.deepEqual(parseSearchExpression(expression), { kind: 'all' });
  });

  it('reads text fields with ":" (token) and "=" (exact)', () => {
    assert.deepEqual(parseSearchExpression('resource_type:image'), field('resource_type', 'image'));
    assert.deepEqual(parseSearchExpression('type:upload'), field('type', 'upload'));
    assert.deepEqual(parseSearchExpression('format:png'), field('format', 'png'));
    assert.deepEqual(parseSearchExpression('filename=Red_Shoe'), {
      kind: 'string',
      field: 'filename',
      mode: 'exact',
      pattern: { segments: ['Red_Shoe'] },
    });
  });

  it('treats asset_folder as folder', () => {
    assert.deepEqual(parseSearchExpression('asset_folder:shoes'), field('folder', 'shoes'));
    assert.deepEqual(parseSearchExpression('folder:shoes'), field('folder', 'shoes'));
  });

  it('splits values at unescaped wildcards, as prefix, suffix or inside', () => {
    assert.deepEqual(parseSearchExpression('public_id:folder/*'), {
      kind: 'string',
      field: 'public_id',
      mode: 'token',
      pattern: { segments: ['folder/', ''] },
    });
    assert.deepEqual(parseSearchExpression('public_id:*_red'), {
      kind: 'string',
      field: 'public_id',
      mode: 'token',
      pattern: { segments: ['', '_red'] },
    });
    assert.deepEqual(parseSearchExpression('filename:a*b*c'), {
      kind: 'string',
      field: 'filename',
      mode: 'token',
      pattern: { segments: ['a', 'b', 'c'] },
    });
  });

  it('keeps escaped and quoted special characters literal, but * inside quotes stays a wildcard', () => {
    assert.deepEqual(parseSearchExpression('public_id:a\\*b'), field('public_id', 'a*b'));
    assert.deepEqual(parseSearchExpression('"summer sale"'), text('summer sale'));
    assert.deepEqual(parseSearchExpression('"a:b (c) [d] \\"e\\""'), text('a:b (c) [d] "e"'));
    assert.deepEqual(parseSearchExpression('"sum*er"'), text('sum', 'er'));
    assert.deepEqual(parseSearchExpression('"sum\\*er"'), text('sum*er'));
    assert.deepEqual(parseSearchExpression('a\\ b\\:c'), text('a b:c'));
  });

  it('reads tags with ":" and "="', () => {
    assert.deepEqual(parseSearchExpression('tags:shoe'), {
      kind: 'tags',
      mode: 'token',
      pattern: { segments: ['shoe'] },
    });
    assert.deepEqual(parseSearchExpression('tags=shoe'), {
      kind: 'tags',
      mode: 'exact',
      pattern: { segments: ['shoe'] },
    });
    assert.deepEqual(parseSearchExpression('tags:"summer sale"'), {
      kind: 'tags',
      mode: 'token',
      pattern: { segments: ['summer sale'] },
    });
  });

  it('reads context.<key> terms', () => {
    assert.deepEqual(parseSearchExpression('context.color:"dark red"'), {
      kind: 'context',
      key: 'color',
      mode: 'token',
      pattern: { segments: ['dark red'] },
    });
    assert.deepEqual(parseSearchExpression('context.alt-text=Blue'), {
      kind: 'context',
      key: 'alt-text',
      mode: 'exact',
      pattern: { segments: ['Blue'] },
    });
    assert.deepEqual(parseSearchExpression('context.color:*'), {
      kind: 'context',
      key: 'color',
      mode: 'token',
      pattern: { segments: ['', ''] },
    });
  });

  it('reads free text, including values with dashes, dots and slashes', () => {
    assert.deepEqual(parseSearchExpression('shoe'), text('shoe'));
    assert.deepEqual(parseSearchExpression('red-shoe.v2/x'), text('red-shoe.v2/x'));
    assert.deepEqual(parseSearchExpression('sho*'), text('sho', ''));
    assert.deepEqual(parseSearchExpression('and'), text('and'));
  });
});

describe('parseSearchExpression: numbers, dates and ratios', () => {
  it('reads comparisons and equality', () => {
    assert.deepEqual(parseSearchExpression('width>=800'), {
      kind: 'number',
      field: 'width',
      lower: { value: 800, inclusive: true },
    });
    assert.deepEqual(parseSearchExpression('height<300'), {
      kind: 'number',
      field: 'height',
      upper: { value: 300, inclusive: false },
    });
    assert.deepEqual(parseSearchExpression('bytes>100000'), {
      kind: 'number',
      field: 'bytes',
      lower: { value: 100000, inclusive: false },
    });
    assert.deepEqual(parseSearchExpression('duration<=2.5'), {
      kind: 'number',
      field: 'duration',
      upper: { value: 2.5, inclusive: true },
    });
    assert.deepEqual(parseSearchExpression('pages:3'), {
      kind: 'number',
      field: 'pages',
      lower: { value: 3, inclusive: true },
      upper: { value: 3, inclusive: true },
    });
    assert.deepEqual(parseSearchExpression('width=3'), parseSearchExpression('width:3'));
  });

  it('reads byte sizes in binary units, in any case', () => {
    const lowerOf = (expression: string) => {
      const node = parseSearchExpression(expression);
      return node.kind === 'number' ? node.lower?.value : undefined;
    };
    assert.strictEqual(lowerOf('bytes>1kb'), 1024);
    assert.strictEqual(lowerOf('bytes>1k'), 1024);
    assert.strictEqual(lowerOf('bytes>=1mb'), 1048576);
    assert.strictEqual(lowerOf('bytes>1m'), 1048576);
    assert.strictEqual(lowerOf('bytes>2GB'), 2 * 1073741824);
    assert.strictEqual(lowerOf('bytes>1.5mb'), 1572864);
    assert.strictEqual(lowerOf('bytes>10b'), 10);
  });

  it('reads [a TO b] ranges with inclusive and exclusive ends and open * ends', () => {
    assert.deepEqual(parseSearchExpression('width:[100 TO 200]'), {
      kind: 'number',
      field: 'width',
      lower: { value: 100, inclusive: true },
      upper: { value: 200, inclusive: true },
    });
    assert.deepEqual(parseSearchExpression('width:{100 TO 200}'), {
      kind: 'number',
      field: 'width',
      lower: { value: 100, inclusive: false },
      upper: { value: 200, inclusive: false },
    });
    assert.deepEqual(parseSearchExpression('bytes:[1kb TO *}'), {
      kind: 'number',
      field: 'bytes',
      lower: { value: 1024, inclusive: true },
    });
    assert.deepEqual(parseSearchExpression('width:[ * TO * ]'), { kind: 'number', field: 'width' });
    assert.deepEqual(parseSearchExpression('width:*'), { kind: 'number', field: 'width' });
  });

  it('reads ISO dates as spans: a day, a month, a year, a minute, a second', () => {
    assert.deepEqual(parseSearchExpression('created_at>=2024-01-01'), {
      kind: 'date',
      field: 'created_at',
      lower: { value: day(2024, 1, 1), inclusive: true },
    });
    const spanOf = (value: string) => {
      const node = parseSearchExpression(`uploaded_at<${value}`);
      return node.kind === 'date' ? node.upper?.value : undefined;
    };
    assert.deepEqual(spanOf('2024-02'), {
      kind: 'absolute',
      start: Date.UTC(2024, 1, 1),
      end: Date.UTC(2024, 2, 1),
    });
    assert.deepEqual(spanOf('2024'), {
      kind: 'absolute',
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
    });
    assert.deepEqual(spanOf('2024-02-29T10:20'), {
      kind: 'absolute',
      start: Date.UTC(2024, 1, 29, 10, 20),
      end: Date.UTC(2024, 1, 29, 10, 21),
    });
    assert.deepEqual(spanOf('2024-02-29T10:20:30+02:00'), {
      kind: 'absolute',
      start: Date.UTC(2024, 1, 29, 8, 20, 30),
      end: Date.UTC(2024, 1, 29, 8, 20, 31),
    });
    assert.deepEqual(spanOf('"2024-02-29 10:20:30.5Z"'), {
      kind: 'absolute',
      start: Date.UTC(2024, 1, 29, 10, 20, 30, 500),
      end: Date.UTC(2024, 1, 29, 10, 20, 30, 501),
    });
  });

  it('reads date ranges', () => {
    assert.deepEqual(parseSearchExpression('created_at:[2024-01-01 TO 2024-02-01]'), {
      kind: 'date',
      field: 'created_at',
      lower: { value: day(2024, 1, 1), inclusive: true },
      upper: { value: day(2024, 2, 1), inclusive: true },
    });
  });

  it('reads relative dates; with ":" they mean "within the last"', () => {
    for (const unit of ['h', 'd', 'w', 'm', 'y'] as const) {
      assert.deepEqual(parseSearchExpression(`created_at>2${unit}`), {
        kind: 'date',
        field: 'created_at',
        lower: { value: { kind: 'relative', amount: 2, unit }, inclusive: false },
      });
    }
    assert.deepEqual(parseSearchExpression('uploaded_at:1w'), {
      kind: 'date',
      field: 'uploaded_at',
      lower: { value: { kind: 'relative', amount: 1, unit: 'w' }, inclusive: true },
    });
    assert.deepEqual(parseSearchExpression('created_at:[3d TO 1d]'), {
      kind: 'date',
      field: 'created_at',
      lower: { value: { kind: 'relative', amount: 3, unit: 'd' }, inclusive: true },
      upper: { value: { kind: 'relative', amount: 1, unit: 'd' }, inclusive: true },
    });
  });

  it('reads aspect ratios as reduced fractions', () => {
    assert.deepEqual(parseSearchExpression('aspect_ratio:"16:9"'), {
      kind: 'aspect_ratio',
      equals: { numerator: 16, denominator: 9 },
    });
    assert.deepEqual(parseSearchExpression('aspect_ratio=1.5'), {
      kind: 'aspect_ratio',
      equals: { numerator: 3, denominator: 2 },
    });
    assert.deepEqual(parseSearchExpression('aspect_ratio>1.85:1'), {
      kind: 'aspect_ratio',
      lower: { value: { numerator: 37, denominator: 20 }, inclusive: false },
    });
    assert.deepEqual(parseSearchExpression('aspect_ratio:[1 TO 4:3}'), {
      kind: 'aspect_ratio',
      lower: { value: { numerator: 1, denominator: 1 }, inclusive: true },
      upper: { value: { numerator: 4, denominator: 3 }, inclusive: false },
    });
  });
});

describe('parseSearchExpression: boolean structure', () => {
  const [a, b, c, d] = [text('a'), text('b'), text('c'), text('d')];

  it('joins adjacent terms with AND', () => {
    assert.deepEqual(parseSearchExpression('a b c'), { kind: 'and', children: [a, b, c] });
    assert.deepEqual(parseSearchExpression('a AND b && c'), { kind: 'and', children: [a, b, c] });
  });

  it('binds NOT tighter than AND, and AND tighter than OR', () => {
    assert.deepEqual(parseSearchExpression('a OR b AND c'), {
      kind: 'or',
      children: [a, { kind: 'and', children: [b, c] }],
    });
    assert.deepEqual(parseSearchExpression('a AND b OR c AND d'), {
      kind: 'or',
      children: [
        { kind: 'and', children: [a, b] },
        { kind: 'and', children: [c, d] },
      ],
    });
    assert.deepEqual(parseSearchExpression('NOT a AND b'), {
      kind: 'and',
      children: [{ kind: 'not', child: a }, b],
    });
    assert.deepEqual(parseSearchExpression('a || NOT b c'), {
      kind: 'or',
      children: [a, { kind: 'and', children: [{ kind: 'not', child: b }, c] }],
    });
  });

  it('groups with parentheses', () => {
    assert.deepEqual(parseSearchExpression('(a OR b) AND c'), {
      kind: 'and',
      children: [{ kind: 'or', children: [a, b] }, c],
    });
    assert.deepEqual(parseSearchExpression('NOT (a OR b)'), {
      kind: 'not',
      child: { kind: 'or', children: [a, b] },
    });
    assert.deepEqual(parseSearchExpression('((a))'), a);
    assert.deepEqual(parseSearchExpression('a(b)'), { kind: 'and', children: [a, b] });
  });

  it('negates with -, ! and NOT; + is a no-op', () => {
    assert.deepEqual(parseSearchExpression('-a'), { kind: 'not', child: a });
    assert.deepEqual(parseSearchExpression('!a'), { kind: 'not', child: a });
    assert.deepEqual(parseSearchExpression('+a -b'), {
      kind: 'and',
      children: [a, { kind: 'not', child: b }],
    });
    assert.deepEqual(parseSearchExpression('-(a OR b)'), {
      kind: 'not',
      child: { kind: 'or', children: [a, b] },
    });
    assert.deepEqual(parseSearchExpression('NOT NOT a'), { kind: 'not', child: { kind: 'not', child: a } });
    assert.deepEqual(parseSearchExpression('-tags:x'), {
      kind: 'not',
      child: { kind: 'tags', mode: 'token', pattern: { segments: ['x'] } },
    });
  });

  it('treats lower-case operators as words', () => {
    assert.deepEqual(parseSearchExpression('a or b'), { kind: 'and', children: [a, text('or'), b] });
    assert.deepEqual(parseSearchExpression('ANDROID'), text('ANDROID'));
  });
});

describe('parseSearchExpression: errors', () => {
  const cases: [string, number, RegExp][] = [
    ['a)', 1, /unexpected '\)'/],
    ['(a', 0, /not closed/],
    ['()', 0, /empty/],
    ['a AND', 5, /missing at the end/],
    ['OR a', 0, /missing before 'OR'/],
    ['a OR OR b', 5, /missing before 'OR'/],
    ['- a', 0, /followed directly/],
    ['foo:bar', 0, /unknown field 'foo'/],
    ['context:x', 0, /context\.<key>/],
    ['public_id.x:y', 0, /unknown field 'public_id\.x'/],
    ['tags:', 5, /value is missing/],
    ['tags: shoe', 5, /value is missing/],
    ['tags:(a OR b)', 5, /grouped values/],
    ['public_id>a', 0, /use ':' or '='/],
    ['public_id:[a TO b]', 10, /no ranges/],
    ['tags=sho*', 5, /wildcards need ':'/],
    ['"open', 0, /quote opened here is not closed/],
    ['a "b', 2, /not closed/],
    ['"a"b', 3, /unexpected 'b'/],
    ['width>abc', 6, /needs a number/],
    ['width>10kb', 6, /does not take the unit/],
    ['bytes>10xb', 6, /use b, kb, mb, gb or tb/],
    ['bytes>99999999999999mb', 6, /out of range/],
    ['width>1*', 6, /no wildcards/],
    ['width>*', 6, /needs ':'/],
    ['width:[1 TO 5', 6, /not closed/],
    ['width:[1 5]', 9, /TO/],
    ['width:[1 TO]', 11, /range end is missing/],
    ['width:[1 TO 5]x', 14, /unexpected 'x'/],
    ['created_at>2024-02-30', 11, /needs a date/],
    ['created_at>2024-13-01', 11, /needs a date/],
    ['created_at>yesterday', 11, /needs a date/],
    ['created_at>5x', 11, /needs a date/],
    ['aspect_ratio:"16:0"', 13, /divides by zero/],
    ['aspect_ratio:wide', 13, /needs a ratio/],
    ['aspect_ratio:1:2:3', 13, /needs a ratio/],
    ['a:b', 0, /unknown field 'a'/],
    ['shoe!', 4, /'!' must be escaped/],
    ['a & b', 2, /missing before '&'/],
    ['x^2', 1, /'\^' must be escaped/],
    ['a\\', 1, /nothing follows the escape/],
    ['TO', 0, /missing before 'TO'/],
  ];
  for (const [expression, position, message] of cases) {
    it(`refuses ${JSON.stringify(expression)} at ${position}`, () => {
      const error = syntaxError(expression);
      assert.strictEqual(error.position, position, error.message);
      assert.match(error.reason, message);
      assert.include(error.message, `position ${position}`);
      assert.strictEqual(error.status, 400);
    });
  }

  it('refuses input that is too long, too deep or has too many terms', () => {
    assert.match(syntaxError('a'.repeat(SEARCH_LIMITS.maxLength + 1)).reason, /longer than/);
    assert.match(syntaxError(`${'('.repeat(100)}a${')'.repeat(100)}`).reason, /nests deeper/);
    assert.match(syntaxError('-'.repeat(100) + 'a').reason, /nests deeper/);
    assert.match(syntaxError('a '.repeat(SEARCH_LIMITS.maxTerms + 1)).reason, /more than/);
    assert.doesNotThrow(() => parseSearchExpression(`${'('.repeat(30)}a${')'.repeat(30)}`));
  });

  it('refuses a value that is not a string', () => {
    assert.match(syntaxError(42 as unknown as string).reason, /must be a string/);
  });
});
