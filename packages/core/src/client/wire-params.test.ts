import { describe, it } from 'node:test';
import { assert } from 'chai';
import { KumoClientError } from './errors.js';
import { encodeKeyValue, formUrlEncode, toWireParams, wireEntries } from './wire-params.js';

describe('toWireParams', () => {
  it('drops blanks and keeps 0', () => {
    assert.deepEqual(toWireParams({ a: '', b: null, c: undefined, d: 0, e: [] }), { d: '0' });
  });

  it('sends Upload API booleans as 1/0 and Admin API booleans as true/false', () => {
    assert.deepEqual(toWireParams({ overwrite: true, unique_filename: false }), {
      overwrite: '1',
      unique_filename: '0',
    });
    assert.deepEqual(toWireParams({ tags: true }, 'words'), { tags: 'true' });
  });

  it('comma-joins tags, pipe-joins eager, keeps other arrays as lists', () => {
    assert.deepEqual(toWireParams({ tags: ['a', 'b'], eager: ['w_1', 'w_2/png'], public_ids: ['x', 'y'] }), {
      tags: 'a,b',
      eager: 'w_1|w_2/png',
      public_ids: ['x', 'y'],
    });
  });

  it('encodes context and metadata in pipe syntax, other objects as JSON', () => {
    assert.deepEqual(
      toWireParams({ context: { alt: 'a=b', caption: 'x|y' }, metadata: { colors: ['red', 'blue'] } }),
      {
        context: 'alt=a\\=b|caption=x\\|y',
        metadata: 'colors=["red","blue"]',
      },
    );
    assert.deepEqual(toWireParams({ access_control: [{ access_type: 'anonymous' }] }), {
      access_control: '[{"access_type":"anonymous"}]',
    });
    assert.deepEqual(toWireParams({ responsive_breakpoints: { max_width: 1000 } }), {
      responsive_breakpoints: '{"max_width":1000}',
    });
  });

  it('rejects values that cannot be sent', () => {
    assert.throws(() => toWireParams({ f: (() => 1) as never }), KumoClientError);
    assert.throws(() => toWireParams(null as never), KumoClientError);
  });
});

describe('wire encodings', () => {
  it('spreads arrays as key[] entries', () => {
    assert.deepEqual(wireEntries({ public_ids: ['a', 'b'], type: 'upload' }), [
      ['public_ids[]', 'a'],
      ['public_ids[]', 'b'],
      ['type', 'upload'],
    ]);
  });

  it('form-encodes with %20 and %5B%5D', () => {
    assert.equal(
      formUrlEncode({ prefix: 'a b/c', public_ids: ['x&y'] }),
      'prefix=a%20b%2Fc&public_ids%5B%5D=x%26y',
    );
  });

  it('skips null entries in key-value objects', () => {
    assert.equal(encodeKeyValue({ a: 1, b: null, c: 'z' }), 'a=1|c=z');
  });
});
