import { describe, it } from 'node:test';
import { assert } from 'chai';
import type { DerivedStore } from './derived-store.js';
import { OriginalCache } from './original-cache.js';

/** A store that hands out a file name and counts what it was asked for. */
function countingStore(size: number) {
  const calls = { withInput: 0, readAll: 0 };
  const store = {
    async withInput<T>(key: string, use: (input: string | Buffer) => Promise<T>) {
      calls.withInput++;
      return use(`/files/${key}`);
    },
    async readAll(key: string) {
      calls.readAll++;
      return Buffer.alloc(size, key.length);
    },
  } as unknown as DerivedStore;
  return { store, calls };
}

const settle = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe('OriginalCache', () => {
  it('keeps an original from its second rendering on, and then hands out its bytes', async () => {
    const { store, calls } = countingStore(100);
    const cache = new OriginalCache(store, 1000, 500);
    const asset = { storageKey: 'a', bytes: 100 };
    const inputs: (string | Buffer)[] = [];
    const use = async (input: string | Buffer) => inputs.push(input);
    await cache.withInput(asset, use);
    await settle();
    assert.strictEqual(calls.readAll, 0, 'a one-off rendering loads nothing');
    await cache.withInput(asset, use);
    await settle();
    assert.strictEqual(calls.readAll, 1);
    await cache.withInput(asset, use);
    await cache.withInput(asset, use);
    assert.deepEqual(inputs.slice(0, 2), ['/files/a', '/files/a']);
    assert.isTrue(Buffer.isBuffer(inputs[2]) && Buffer.isBuffer(inputs[3]));
    assert.strictEqual(calls.withInput, 2);
  });

  it('leaves out originals over the entry limit, and evicts the least recently used past the budget', async () => {
    const { store, calls } = countingStore(400);
    const cache = new OriginalCache(store, 1000, 500);
    const use = async () => undefined;
    await cache.withInput({ storageKey: 'big', bytes: 600 }, use);
    await cache.withInput({ storageKey: 'big', bytes: 600 }, use);
    await settle();
    assert.strictEqual(calls.readAll, 0);
    for (const key of ['a', 'bb', 'a', 'bb']) await cache.withInput({ storageKey: key, bytes: 400 }, use);
    await settle();
    for (const key of ['ccc', 'ccc']) await cache.withInput({ storageKey: key, bytes: 400 }, use);
    await settle();
    assert.strictEqual(calls.readAll, 3);
    const before = calls.withInput;
    await cache.withInput({ storageKey: 'ccc', bytes: 400 }, use);
    await cache.withInput({ storageKey: 'bb', bytes: 400 }, use);
    assert.strictEqual(calls.withInput, before, 'bb and ccc from memory');
    await cache.withInput({ storageKey: 'a', bytes: 400 }, use);
    assert.strictEqual(calls.withInput, before + 1, 'a was evicted');
  });
});
