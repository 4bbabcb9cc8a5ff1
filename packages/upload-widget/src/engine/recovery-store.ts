import type { ChunkResumePoint } from './chunked-sender.js';
import type { CropMode, CropRect, UploadSource } from './upload-queue.types.js';

/** Where an interrupted chunked upload continues, and with which bytes. */
export interface StoredResume extends ChunkResumePoint {
  /** The `custom_coordinates` the upload was started with (scaled like the uploaded image). */
  readonly customCoordinates?: string;
  /** The bytes actually being sent when they differ from the original (cropped or scaled down). */
  readonly preparedData?: Blob;
}

/** One queued file as kept for crash recovery: what is needed to upload it again without the page. */
export interface RecoveryRecord {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly source: UploadSource;
  readonly remoteUrl?: string;
  readonly data?: Blob;
  readonly crop?: { readonly rect: CropRect; readonly mode: CropMode };
  readonly resume?: StoredResume;
  /** When it was queued (ms), to restore files in their original order. */
  readonly addedAt: number;
}

interface StoredRecord extends RecoveryRecord {
  readonly key: readonly [string, string];
}

/** The IndexedDB database and object store that only this queue uses. */
export const RECOVERY_DATABASE = 'kumo-upload-widget';
export const RECOVERY_STORE = 'recovery';

let database: Promise<IDBDatabase> | undefined;

function openDatabase(): Promise<IDBDatabase> {
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

function completion(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * Keeps one queue's files in IndexedDB (a store of its own, keyed by `[recoveryKey, fileId]`) so that
 * a reload or crash does not lose them. Transactions run in the order they are started, so a later
 * progress update never lands before the record it updates. Storage failures (private browsing,
 * quota) are swallowed: recovery is a convenience, never a reason for an upload to fail.
 */
export class RecoveryStore {
  constructor(readonly recoveryKey: string) {}

  private range(): IDBKeyRange {
    // Arrays sort after strings, so `[key, []]` is above every `[key, id]`.
    return IDBKeyRange.bound([this.recoveryKey], [this.recoveryKey, []]);
  }

  private async run(mode: IDBTransactionMode, work: (store: IDBObjectStore) => void): Promise<void> {
    try {
      const db = await openDatabase();
      const transaction = db.transaction(RECOVERY_STORE, mode);
      work(transaction.objectStore(RECOVERY_STORE));
      await completion(transaction);
    } catch {
      // See the class comment: recovery is best effort.
    }
  }

  /** Every file kept under this key, oldest first. */
  async list(): Promise<RecoveryRecord[]> {
    let records: StoredRecord[] = [];
    await this.run('readonly', (store) => {
      const request = store.getAll(this.range());
      request.onsuccess = () => {
        records = request.result as StoredRecord[];
      };
    });
    return records.map(({ key: _key, ...record }) => record).sort((a, b) => a.addedAt - b.addedAt);
  }

  /** Keeps (or replaces) a file. */
  put(record: RecoveryRecord): Promise<void> {
    return this.run('readwrite', (store) => {
      store.put({ ...record, key: [this.recoveryKey, record.id] } satisfies StoredRecord);
    });
  }

  /** Changes fields of a kept file; nothing happens when it is not kept. */
  update(id: string, patch: Partial<Omit<RecoveryRecord, 'id'>>): Promise<void> {
    return this.run('readwrite', (store) => {
      const request = store.get([this.recoveryKey, id]);
      request.onsuccess = () => {
        const current = request.result as StoredRecord | undefined;
        if (current) store.put({ ...current, ...patch });
      };
    });
  }

  /**
   * Records where a chunked upload stands. The prepared bytes are written only `withData` (a fresh
   * upload); progress updates keep the ones already stored instead of copying the blob again.
   */
  saveResume(id: string, resume: StoredResume, withData: boolean): Promise<void> {
    return this.run('readwrite', (store) => {
      const request = store.get([this.recoveryKey, id]);
      request.onsuccess = () => {
        const current = request.result as StoredRecord | undefined;
        if (!current) return;
        const { preparedData: _ignored, ...point } = resume;
        const preparedData = withData ? resume.preparedData : current.resume?.preparedData;
        store.put({ ...current, resume: { ...point, ...(preparedData ? { preparedData } : {}) } });
      };
    });
  }

  /** Forgets one file. */
  delete(id: string): Promise<void> {
    return this.run('readwrite', (store) => store.delete([this.recoveryKey, id]));
  }

  /** Forgets every file kept under this key. */
  clear(): Promise<void> {
    return this.run('readwrite', (store) => store.delete(this.range()));
  }
}
