/**
 * The IndexedDB database behind crash recovery, and what every upload asks of it: is anything kept
 * under this queue's key (on every page load), keep this file, forget it (or all). Restoring and resuming are
 * in recovery-store.ts, which loads only when there is something to restore or resume.
 */
import type { RecoveryRecord, StoredRecord } from './recovery-store.js';

export { descriptorOfRecord, recordOf } from './record-descriptors.js';

/** The IndexedDB database and object store that only this queue uses. */
export const RECOVERY_DATABASE = 'kumo-upload-widget';
export const RECOVERY_STORE = 'recovery';

let database: Promise<IDBDatabase> | undefined;

/** The database, opened once per page (and again after another tab upgraded it). */
export function openDatabase(): Promise<IDBDatabase> {
  database ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(RECOVERY_DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(RECOVERY_STORE, { keyPath: 'key' });
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the schema: step aside rather than block it.
      db.onversionchange = () => {
        db.close();
        database = undefined;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('The recovery database is blocked by another tab'));
  });
  database.catch(() => {
    database = undefined;
  });
  return database;
}

/** Every record kept under `recoveryKey` (records are keyed `[recoveryKey, fileId]`). */
export function recoveryRange(recoveryKey: string): IDBKeyRange {
  // Arrays sort after strings, so `[key, []]` is above every `[key, id]`.
  return IDBKeyRange.bound([recoveryKey], [recoveryKey, []]);
}

function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * Runs `work` in a transaction of the recovery store. Storage failures (private browsing, quota) are
 * swallowed: recovery is a convenience, never a reason for an upload to fail.
 */
export async function runTransaction(
  mode: IDBTransactionMode,
  work: (store: IDBObjectStore) => void,
): Promise<void> {
  try {
    const db = await openDatabase();
    const transaction = db.transaction(RECOVERY_STORE, mode);
    work(transaction.objectStore(RECOVERY_STORE));
    await completion(transaction);
  } catch {
    // Best effort, as said above.
  }
}

/** Keeps (or replaces) a file under `recoveryKey`. */
export function keepRecord(recoveryKey: string, record: RecoveryRecord): Promise<void> {
  return runTransaction('readwrite', (store) => {
    store.put({ ...record, key: [recoveryKey, record.id] } satisfies StoredRecord);
  });
}

/** Forgets every file kept under `recoveryKey`. */
export function clearRecords(recoveryKey: string): Promise<void> {
  return runTransaction('readwrite', (store) => store.delete(recoveryRange(recoveryKey)));
}

/** Forgets one file kept under `recoveryKey`. */
export function forgetRecord(recoveryKey: string, id: string): Promise<void> {
  return runTransaction('readwrite', (store) => store.delete([recoveryKey, id]));
}

/** Whether anything is kept under `recoveryKey`; false when storage cannot be used at all. */
export async function hasRecoveryRecords(recoveryKey: string): Promise<boolean> {
  try {
    const db = await openDatabase();
    const request = db
      .transaction(RECOVERY_STORE)
      .objectStore(RECOVERY_STORE)
      .count(recoveryRange(recoveryKey));
    return await new Promise<boolean>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result > 0);
      request.onerror = () => reject(request.error);
    });
  } catch {
    return false;
  }
}
