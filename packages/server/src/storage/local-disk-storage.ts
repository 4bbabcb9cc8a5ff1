import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidBlobKey, BlobNotFoundError, type BlobStorage } from './blob-storage.js';

const PARTIAL_MARKER = '.partial-';

/**
 * Blobs as files under a root folder. A blob is first written under a temporary name in its final
 * folder, fsynced, then renamed, and the folder fsynced, so a crash leaves either the complete file
 * or a `.partial-` file that `removePartials` deletes on the next start.
 */
export class LocalDiskStorage implements BlobStorage {
  constructor(readonly root: string) {}

  async putFile(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    const folder = path.dirname(target);
    await fs.mkdir(folder, { recursive: true });
    const partial = `${target}${PARTIAL_MARKER}${randomBytes(6).toString('hex')}`;
    try {
      await moveFile(sourcePath, partial);
      await fsyncPath(partial);
      await fs.rename(partial, target);
      await fsyncPath(folder);
    } catch (error) {
      await fs.rm(partial, { force: true });
      throw error;
    }
  }

  async read(key: string): Promise<Readable> {
    const file = this.pathOf(key);
    try {
      const handle = await fs.open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  /**
   * Streams bytes `start` to `end` inclusive (to the last byte when `end` is absent or past it),
   * for HTTP Range requests. Offsets that are not whole numbers, or a start past the end, are a RangeError.
   */
  async readRange(key: string, start: number, end?: number): Promise<Readable> {
    const file = this.pathOf(key);
    if (
      !Number.isSafeInteger(start) ||
      start < 0 ||
      (end !== undefined && (!Number.isSafeInteger(end) || end < start))
    ) {
      throw new RangeError(`Invalid byte range ${start}-${end ?? ''}`);
    }
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(file, 'r');
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(key);
      throw error;
    }
    const { size } = await handle.stat();
    if (start >= size) {
      await handle.close();
      throw new RangeError(`Range start ${start} is past the end of a ${size}-byte blob`);
    }
    return handle.createReadStream({ start, end: Math.min(end ?? size - 1, size - 1) });
  }

  async size(key: string): Promise<number | undefined> {
    try {
      return (await fs.stat(this.pathOf(key))).size;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async *list(prefix = ''): AsyncIterable<string> {
    for (const relative of await listFiles(this.root)) {
      const key = relative.split(path.sep).join('/');
      if (key.includes(PARTIAL_MARKER) || !key.startsWith(prefix)) continue;
      yield key;
    }
  }

  /** Deletes leftovers of writes interrupted by a crash. */
  async removePartials(): Promise<number> {
    let removed = 0;
    for (const relative of await listFiles(this.root)) {
      if (!path.basename(relative).includes(PARTIAL_MARKER)) continue;
      await fs.rm(path.join(this.root, relative), { force: true });
      removed++;
    }
    return removed;
  }

  /**
   * The file behind a key, for readers that open files themselves (sharp, ffmpeg) and so avoid
   * copying the blob. Blobs are replaced by rename, so an open file stays whole.
   */
  localPath(key: string): string {
    return this.pathOf(key);
  }

  private pathOf(key: string): string {
    assertValidBlobKey(key);
    return path.join(this.root, ...key.split('/'));
  }
}

async function moveFile(source: string, target: string): Promise<void> {
  try {
    await fs.rename(source, target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // A different file system: copy, then drop the source.
    await pipeline(createReadStream(source), (await fs.open(target, 'wx')).createWriteStream());
    await fs.rm(source, { force: true });
  }
}

/** Flushes a file or folder to disk so a rename that follows cannot be persisted before the data. */
export async function fsyncPath(target: string): Promise<void> {
  const handle = await fs.open(target, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function listFiles(root: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}
