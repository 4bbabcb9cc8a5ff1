import type { MinimalRequiredUppyFile } from '@uppy/core';
import { type IntakeFile, newFileId } from './file-intake.js';
import type { KumoBody, KumoMeta } from './kumo-file-meta.js';

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
