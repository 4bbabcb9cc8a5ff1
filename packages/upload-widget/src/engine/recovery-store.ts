import type { ChunkResumePoint } from './chunked-sender.js';
import { clearRecords, forgetRecord, keepRecord, recoveryRange, runTransaction } from './engine-kit.js';
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

/** A record as stored, under its `[recoveryKey, fileId]` key. */
export interface StoredRecord extends RecoveryRecord {
  readonly key: readonly [string, string];
}

export { RECOVERY_DATABASE, RECOVERY_STORE } from './recovery-database.js';

/**
 * Keeps one queue's files in IndexedDB (a store of its own, keyed by `[recoveryKey, fileId]`) so that
 * a reload or crash does not lose them. Transactions run in the order they are started, so a later
 * progress update never lands before the record it updates. Storage failures (private browsing,
 * quota) are swallowed: recovery is a convenience, never a reason for an upload to fail. Keeping and
 * forgetting a file, which every upload does, are in recovery-database.ts; the rest loads with this.
 */
export class RecoveryStore {
  constructor(readonly recoveryKey: string) {}

  /** Every file kept under this key, oldest first. */
  async list(): Promise<RecoveryRecord[]> {
    let records: StoredRecord[] = [];
    await runTransaction('readonly', (store) => {
      const request = store.getAll(recoveryRange(this.recoveryKey));
      request.onsuccess = () => {
        records = request.result as StoredRecord[];
      };
    });
    return records.map(({ key: _key, ...record }) => record).sort((a, b) => a.addedAt - b.addedAt);
  }

  /** Keeps (or replaces) a file. */
  put(record: RecoveryRecord): Promise<void> {
    return keepRecord(this.recoveryKey, record);
  }

  /** Changes fields of a kept file; nothing happens when it is not kept. */
  update(id: string, patch: Partial<Omit<RecoveryRecord, 'id'>>): Promise<void> {
    return runTransaction('readwrite', (store) => {
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
    return runTransaction('readwrite', (store) => {
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
    return forgetRecord(this.recoveryKey, id);
  }

  /** Forgets every file kept under this key. */
  clear(): Promise<void> {
    return clearRecords(this.recoveryKey);
  }
}
