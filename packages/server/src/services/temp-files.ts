import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Scratch space for uploads in flight, inside the data folder so that moving a finished file into
 * local storage is a rename. Everything here is disposable: it is emptied on start.
 */
export class TempFiles {
  constructor(readonly folder: string) {}

  async prepare(): Promise<void> {
    await fs.rm(this.folder, { recursive: true, force: true });
    await fs.mkdir(this.folder, { recursive: true });
  }

  /** A fresh path that nothing else uses; the caller creates the file. */
  newPath(label = 'upload'): string {
    return path.join(this.folder, `${label}-${Date.now()}-${randomBytes(8).toString('hex')}`);
  }

  async remove(file: string | undefined): Promise<void> {
    if (file) await fs.rm(file, { force: true });
  }
}
