/**
 * Between queued files and what crash recovery keeps of them, loaded with the recovery database
 * (queue-descriptors.ts has what every page needs to queue a file).
 */
import type { IntakeFile } from './file-intake.js';
import type { KumoUppyFile } from './kumo-file-meta.js';
import type { KumoDescriptor } from './queue-descriptors.js';
import type { RecoveryRecord } from './recovery-store.js';

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
