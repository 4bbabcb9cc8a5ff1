import { describe, it } from 'node:test';
import { assert } from 'chai';
import { uniqueName } from './engine-fixtures.test.js';
import { type RecoveryRecord, RecoveryStore } from './recovery-store.js';

function record(id: string, addedAt: number, extra: Partial<RecoveryRecord> = {}): RecoveryRecord {
  return {
    id,
    name: `${id}.bin`,
    type: 'application/octet-stream',
    size: 3,
    source: 'local',
    data: new Blob([new Uint8Array([1, 2, 3])]),
    addedAt,
    ...extra,
  };
}

describe('RecoveryStore', () => {
  it('is empty for a key it has never seen', async () => {
    assert.deepEqual(await new RecoveryStore(uniqueName('empty')).list(), []);
  });

  it('keeps records with their blobs, oldest first, apart from other keys', async () => {
    const store = new RecoveryStore(uniqueName('key'));
    const other = new RecoveryStore(uniqueName('other'));
    await store.put(record('b', 2));
    await store.put(record('a', 1, { crop: { mode: 'apply', rect: { x: 1, y: 2, width: 3, height: 4 } } }));
    await other.put(record('c', 0));
    const kept = await store.list();
    assert.deepEqual(
      kept.map((item) => item.id),
      ['a', 'b'],
    );
    assert.deepEqual(kept[0]!.crop, { mode: 'apply', rect: { x: 1, y: 2, width: 3, height: 4 } });
    assert.deepEqual([...new Uint8Array(await kept[0]!.data!.arrayBuffer())], [1, 2, 3]);
    assert.lengthOf(await other.list(), 1);
  });

  it('updates fields of a kept record and ignores records it does not have', async () => {
    const store = new RecoveryStore(uniqueName('update'));
    await store.put(record('a', 1));
    await store.update('a', { name: 'renamed.bin' });
    await store.update('missing', { name: 'x' });
    const kept = await store.list();
    assert.deepEqual(
      kept.map((item) => item.name),
      ['renamed.bin'],
    );
  });

  it('keeps the prepared bytes of a resume point while later points move the offset', async () => {
    const store = new RecoveryStore(uniqueName('resume'));
    await store.put(record('a', 1));
    const prepared = new Blob([new Uint8Array([9, 9])]);
    await store.saveResume(
      'a',
      { uploadId: 'u1', offset: 0, preparedData: prepared, customCoordinates: '1,2,3,4' },
      true,
    );
    await store.saveResume('a', { uploadId: 'u1', offset: 100, customCoordinates: '1,2,3,4' }, false);
    const [kept] = await store.list();
    assert.equal(kept!.resume?.offset, 100);
    assert.equal(kept!.resume?.uploadId, 'u1');
    assert.equal(kept!.resume?.customCoordinates, '1,2,3,4');
    assert.deepEqual([...new Uint8Array(await kept!.resume!.preparedData!.arrayBuffer())], [9, 9]);
    await store.saveResume('a', { uploadId: 'u2', offset: 0 }, true);
    const [fresh] = await store.list();
    assert.isUndefined(fresh!.resume?.preparedData, 'a fresh upload of unchanged bytes keeps none');
  });

  it('forgets one record, or every record of its key', async () => {
    const store = new RecoveryStore(uniqueName('forget'));
    const other = new RecoveryStore(uniqueName('kept'));
    await Promise.all([store.put(record('a', 1)), store.put(record('b', 2)), other.put(record('c', 3))]);
    await store.delete('a');
    assert.deepEqual(
      (await store.list()).map((item) => item.id),
      ['b'],
    );
    await store.clear();
    assert.deepEqual(await store.list(), []);
    assert.lengthOf(await other.list(), 1);
  });
});
