import { describe, it } from 'node:test';
import { assert } from 'chai';
import cloudinary from 'cloudinary';
import { ServiceError } from '../service-error.js';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor.js';
import { parseSearchRequest, type SortKey } from './search-request.js';
import { SearchSyntaxError } from './search-syntax-error.js';

function refusal(body: unknown): ServiceError {
  try {
    parseSearchRequest(body);
  } catch (error) {
    assert.instanceOf(error, ServiceError);
    assert.strictEqual((error as ServiceError).status, 400);
    return error as ServiceError;
  }
  return assert.fail(`accepted ${JSON.stringify(body)}`);
}

describe('parseSearchRequest', () => {
  it("uses Cloudinary's defaults for an empty body", () => {
    for (const body of [undefined, null, {}]) {
      const request = parseSearchRequest(body);
      assert.deepEqual(request.expression, { kind: 'all' });
      assert.deepEqual(request.sortBy, [{ field: 'created_at', direction: 'desc' }]);
      assert.strictEqual(request.maxResults, 50);
      assert.isUndefined(request.nextCursor);
      assert.deepEqual(request.aggregate, []);
      assert.deepEqual(request.withField, []);
    }
  });

  it('accepts the body the official SDK sends', () => {
    const query = cloudinary.v2.search
      .expression('resource_type:image AND tags=kitten')
      .sort_by('public_id', 'asc')
      .sort_by('bytes', 'desc')
      .max_results(30)
      .next_cursor('abc')
      .aggregate('format')
      .aggregate('resource_type')
      .with_field('tags')
      .with_field('context')
      .fields('public_id')
      .to_query();
    const request = parseSearchRequest(JSON.parse(JSON.stringify(query)));
    assert.strictEqual(request.expression.kind, 'and');
    assert.deepEqual(request.sortBy, [
      { field: 'public_id', direction: 'asc' },
      { field: 'bytes', direction: 'desc' },
    ]);
    assert.strictEqual(request.maxResults, 30);
    assert.strictEqual(request.nextCursor, 'abc');
    assert.deepEqual(request.aggregate, ['format', 'resource_type']);
    assert.deepEqual(request.withField, ['tags', 'context']);
    assert.deepEqual(request.fields, ['public_id']);
  });

  it('accepts max_results 0 to 500, as a number or digits', () => {
    assert.strictEqual(parseSearchRequest({ max_results: 0 }).maxResults, 0);
    assert.strictEqual(parseSearchRequest({ max_results: 500 }).maxResults, 500);
    assert.strictEqual(parseSearchRequest({ max_results: '25' }).maxResults, 25);
  });

  it('accepts single values where arrays are expected, and comma-separated fields', () => {
    const request = parseSearchRequest({ aggregate: 'type', with_field: 'tags', fields: 'public_id, tags' });
    assert.deepEqual(request.aggregate, ['type']);
    assert.deepEqual(request.withField, ['tags']);
    assert.deepEqual(request.fields, ['public_id', 'tags']);
  });

  it('accepts sort directions in any case', () => {
    assert.deepEqual(parseSearchRequest({ sort_by: [{ uploaded_at: 'ASC' }] }).sortBy, [
      { field: 'uploaded_at', direction: 'asc' },
    ]);
  });

  const refused: [unknown, RegExp][] = [
    ['resource_type:image', /Expected object/],
    [{ max_results: 501 }, /max_results: max_results must be at most 500/],
    [{ max_results: -1 }, /max_results/],
    [{ max_results: 2.5 }, /max_results must be a whole number/],
    [{ max_results: 'ten' }, /max_results must be a whole number/],
    [{ sort_by: [{ score: 'desc' }] }, /sort_by\.0: cannot sort by 'score'/],
    [{ sort_by: [{ created_at: 'up' }] }, /sort direction of 'created_at' must be "asc" or "desc"/],
    [{ sort_by: [{ created_at: 'asc', public_id: 'asc' }] }, /each entry names one field/],
    [{ sort_by: { created_at: 'asc' } }, /sort_by/],
    [{ aggregate: ['colors'] }, /aggregate\.0: aggregate supports format, resource_type, type/],
    [{ aggregate: [{ type: 'bytes', ranges: [] }] }, /aggregate/],
    [{ with_field: ['faces'] }, /with_field\.0: with_field must be one of/],
    [{ expression: 42 }, /expression/],
    [{ next_cursor: 'x'.repeat(3000) }, /next_cursor/],
  ];
  for (const [body, message] of refused) {
    it(`refuses ${JSON.stringify(body).slice(0, 60)}`, () => {
      const error = refusal(body);
      assert.match(error.message, /^Invalid search request - /);
      assert.match(error.message, message);
    });
  }

  it('raises the syntax error of a bad expression', () => {
    const error = refusal({ expression: 'tags:shoe AND (' });
    assert.instanceOf(error, SearchSyntaxError);
    assert.strictEqual((error as SearchSyntaxError).position, 15);
  });
});

describe('search cursors', () => {
  const sortBy: SortKey[] = [
    { field: 'created_at', direction: 'desc' },
    { field: 'width', direction: 'asc' },
  ];

  it('round-trip the position and are base64url', () => {
    const cursor = encodeSearchCursor(sortBy, ['2024-01-01T00:00:00.000Z', -1, 'abc']);
    assert.match(cursor, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeSearchCursor(cursor, sortBy), ['2024-01-01T00:00:00.000Z', -1, 'abc']);
    assert.strictEqual(encodeSearchCursor(sortBy, ['2024-01-01T00:00:00.000Z', -1, 'abc']), cursor);
  });

  it('are refused under another sort, with the wrong shape or as garbage', () => {
    const cursor = encodeSearchCursor(sortBy, ['2024-01-01T00:00:00.000Z', 5, 'abc']);
    const wrongTypes = Buffer.from(JSON.stringify(['created_at:desc,width:asc', 5, 'x', 'abc'])).toString(
      'base64url',
    );
    const cases: [string, SortKey[]][] = [
      [cursor, [{ field: 'created_at', direction: 'asc' }, sortBy[1] as SortKey]],
      [cursor, [sortBy[0] as SortKey]],
      [wrongTypes, sortBy],
      ['%%%', sortBy],
      ['', sortBy],
      [Buffer.from('{"a":1}').toString('base64url'), sortBy],
    ];
    for (const [value, sort] of cases) {
      assert.throws(() => decodeSearchCursor(value, sort), ServiceError, 'Invalid next_cursor');
    }
  });
});
