import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { KeyedLock } from './keyed-lock.js';
import { badRequest } from './service-error.js';

/** A parsed `Content-Range: bytes <start>-<end>/<total|-1>` header (end inclusive). */
export interface ChunkRange {
  readonly start: number;
  readonly end: number;
  /** undefined while the client does not know it yet (the Node SDK sends -1 until the last chunk). */
  readonly total?: number;
}

export function parseContentRange(header: string): ChunkRange {
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(-1|\d{1,15}|\*)$/.exec(header.trim());
  if (!match) throw badRequest(`Invalid Content-Range header: ${header}`);
  const start = Number(match[1]);
  const end = Number(match[2]);
  const total = match[3] === '-1' || match[3] === '*' ? undefined : Number(match[3]);
  if (end < start || (total !== undefined && end >= total))
    throw badRequest(`Invalid Content-Range header: ${header}`);
  return { start, end, total };
}

const UPLOAD_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export type ChunkOutcome =
  | { readonly done: false; readonly bytes: number }
  | { readonly done: true; readonly file: string };

/**
 * Collects the chunks of large uploads. Each chunk is stored under its byte range, so a chunk sent
 * again replaces itself (a client may resume after a dropped connection); when the chunks cover the
 * whole file they are concatenated into one file and the parts deleted.
 */
export class ChunkedUploads {
  private readonly locks = new KeyedLock();

  constructor(
    private readonly folder: string,
    private readonly maxFileBytes: number,
  ) {}

  /**
   * Files one chunk (moving `chunkFile`). `owner` scopes the upload id (cloud and key), so one client
   * cannot add chunks to another's upload.
   */
  async addChunk(
    owner: string,
    uploadId: string,
    range: ChunkRange,
    chunkFile: string,
    assembled: string,
  ): Promise<ChunkOutcome> {
    if (!UPLOAD_ID.test(uploadId)) throw badRequest('Invalid X-Unique-Upload-Id header');
    const size = (await fs.stat(chunkFile)).size;
    if (size !== range.end - range.start + 1) {
      throw badRequest(`Chunk size ${size} does not match Content-Range bytes ${range.start}-${range.end}`);
    }
    if (range.end + 1 > this.maxFileBytes || (range.total ?? 0) > this.maxFileBytes) {
      throw badRequest(`File size too large. Maximum is ${this.maxFileBytes}.`);
    }
    const dir = path.join(
      this.folder,
      createHash('sha256').update(`${owner}\n${uploadId}`).digest('hex').slice(0, 40),
    );
    return this.locks.run(dir, async () => {
      await fs.mkdir(dir, { recursive: true });
      await fs.rename(chunkFile, path.join(dir, `${range.start}-${range.end}.part`));
      if (range.total !== undefined) await fs.writeFile(path.join(dir, 'total'), String(range.total));
      const total = await readTotal(dir);
      const parts = await listParts(dir);
      const received = coverage(parts);
      if (total === undefined || received.contiguousEnd < total)
        return { done: false, bytes: received.bytes } as const;
      await concatenate(parts, total, assembled);
      await fs.rm(dir, { recursive: true, force: true });
      return { done: true, file: assembled } as const;
    });
  }

  /** Deletes uploads whose last chunk is older than `maxAgeMs`; returns how many. */
  async expire(maxAgeMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    let entries: string[];
    try {
      entries = await fs.readdir(this.folder);
    } catch {
      return 0;
    }
    for (const entry of entries) {
      const dir = path.join(this.folder, entry);
      const stat = await fs.stat(dir).catch(() => undefined);
      if (!stat || now - stat.mtimeMs < maxAgeMs || this.locks.isHeld(dir)) continue;
      await fs.rm(dir, { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}

interface Part {
  readonly start: number;
  readonly end: number;
  readonly file: string;
}

async function readTotal(dir: string): Promise<number | undefined> {
  const text = await fs.readFile(path.join(dir, 'total'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : Number(text);
}

async function listParts(dir: string): Promise<Part[]> {
  const parts: Part[] = [];
  for (const name of await fs.readdir(dir)) {
    const match = /^(\d+)-(\d+)\.part$/.exec(name);
    if (match) parts.push({ start: Number(match[1]), end: Number(match[2]), file: path.join(dir, name) });
  }
  return parts.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Bytes received (distinct) and the end of the gap-free run from byte 0. */
function coverage(parts: Part[]): { bytes: number; contiguousEnd: number } {
  let contiguousEnd = 0;
  let bytes = 0;
  let coveredTo = 0;
  for (const part of parts) {
    if (part.end + 1 > coveredTo) {
      bytes += part.end + 1 - Math.max(part.start, coveredTo);
      coveredTo = part.end + 1;
    }
    if (part.start <= contiguousEnd) contiguousEnd = Math.max(contiguousEnd, part.end + 1);
  }
  return { bytes, contiguousEnd };
}

async function concatenate(parts: Part[], total: number, target: string): Promise<void> {
  const output = createWriteStream(target, { flags: 'wx' });
  let position = 0;
  for (const part of parts) {
    if (part.end < position) continue;
    // Overlapping re-sends are allowed; copy only the bytes not written yet.
    await pipeline(createReadStream(part.file, { start: position - part.start }), output, { end: false });
    position = part.end + 1;
    if (position >= total) break;
  }
  await new Promise<void>((resolve, reject) =>
    output.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
