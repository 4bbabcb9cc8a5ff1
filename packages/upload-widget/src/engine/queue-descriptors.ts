import type { MinimalRequiredUppyFile } from '@uppy/core';
import { type IntakeFile, newFileId } from './file-intake.js';
import type { KumoBody, KumoMeta, KumoUppyFile } from './kumo-file-meta.js';
import type { RecoveryRecord } from './recovery-store.js';

/** What `uppy.addFiles` takes, with the queue's id already chosen. */
export type KumoDescriptor = MinimalRequiredUppyFile<KumoMeta, KumoBody> & { meta: { kumoId: string } };

/** A checked file as Uppy takes it; a URL source gets an empty blob, the server fetching the bytes. */
export function descriptorOf(file: IntakeFile): KumoDescriptor {
  return {
    name: file.name,
    type: file.type,
    data: file.data ?? new Blob([]),
    source: `kumo-${file.source}`,
    meta: {
      kumoId: newFileId(),
      kumoSource: file.source,
      ...(file.remoteUrl ? { remoteUrl: file.remoteUrl } : {}),
    },
  };
}

/** A file kept for crash recovery, as Uppy takes it back: same id, crop and resume point, marked restored. */
export function descriptorOfRecord(record: RecoveryRecord): KumoDescriptor {
  return {
    name: record.name,
    type: record.type,
    data: record.data ?? new Blob([]),
    source: `kumo-${record.source}`,
    meta: {
      kumoId: record.id,
      kumoSource: record.source,
      restored: true,
      ...(record.remoteUrl ? { remoteUrl: record.remoteUrl } : {}),
      ...(record.crop ? { crop: record.crop } : {}),
      ...(record.resume ? { resume: record.resume } : {}),
    },
  };
}

/** What is kept of a newly queued file for crash recovery. */
export function recordOf(file: KumoUppyFile, intake: IntakeFile, addedAt: number): RecoveryRecord {
  return {
    id: file.id,
    name: file.name,
    type: file.type,
    size: file.size ?? 0,
    source: intake.source,
    ...(intake.remoteUrl ? { remoteUrl: intake.remoteUrl } : { data: intake.data }),
    addedAt,
  };
}
