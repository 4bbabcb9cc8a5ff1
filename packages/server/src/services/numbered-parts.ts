import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ChunkOutcome } from './chunked-uploads.js';
import { KeyedLock } from './keyed-lock.js';
import { badRequest } from './service-error.js';

/** `X-Upload-Part-Number` and `X-Upload-Total-Parts` of one part. */
export interface PartNumber {
  readonly number: number;
  readonly total: number;
}

export const MAX_PARTS = 10_000;
/** Every part but the last must be at least this large (Cloudinary's documented minimum). */
export const MIN_PART_BYTES = 5 * 1024 * 1024;

const UPLOAD_ID = /^[A-Za-z0-9_.-]{1,128}$/;

/** Reads the two part headers; both present or both absent. */
export function parsePartHeaders(
  number: string | undefined,
  total: string | undefined,
): PartNumber | undefined {
  if (number === undefined && total === undefined) return undefined;
  if (number === undefined || total === undefined)
    throw badRequest('Numbered parts need both X-Upload-Part-Number and X-Upload-Total-Parts headers');
  const part = { number: Number(number), total: Number(total) };
  if (!/^\d{1,5}$/.test(total) || part.total < 1 || part.total > MAX_PARTS)
    throw badRequest(`X-Upload-Total-Parts must be between 1 and ${MAX_PARTS}`);
  if (!/^\d{1,5}$/.test(number) || part.number < 1 || part.number > part.total)
    throw badRequest(`part_number ${number} is outside 1..${part.total}`);
  return part;
}

/**
 * Large uploads sent as numbered parts (the OpenAPI's explicit-order mode of `upload_chunked`), for
 * clients that do not know byte offsets. Parts may arrive in any order and a part sent again replaces
 * itself; once parts 1…total are all present they are joined in number order.
 */
export class NumberedParts {
  private readonly locks = new KeyedLock();
  private lastExpiry = 0;

  constructor(
    private readonly folder: string,
    private readonly maxFileBytes: number,
    private readonly maxAgeMs: number,
    private readonly minPartBytes = MIN_PART_BYTES,
  ) {}

  /** Files one part (moving `partFile`); `owner` scopes the upload id to one cloud and key. */
  async addPart(
    owner: string,
    uploadId: string,
    part: PartNumber,
    partFile: string,
    assembled: string,
  ): Promise<ChunkOutcome> {
    if (!UPLOAD_ID.test(uploadId)) throw badRequest('Invalid X-Unique-Upload-Id header');
    const size = (await fs.stat(partFile)).size;
    if (part.number < part.total && size < this.minPartBytes)
      throw badRequest(
        `chunk size below the ${this.minPartBytes / 1024 / 1024} MB minimum (part ${part.number})`,
      );
    await this.expireNow();
    const dir = path.join(
      this.folder,
      createHash('sha256').update(`${owner}\n${uploadId}`).digest('hex').slice(0, 40),
    );
    return this.locks.run(dir, async () => {
      await fs.mkdir(dir, { recursive: true });
      const totalFile = path.join(dir, 'total');
      const known = await fs.readFile(totalFile, 'utf8').catch(() => undefined);
      if (known !== undefined && Number(known) !== part.total)
        throw badRequest(`X-Upload-Total-Parts ${part.total} conflicts with ${known} sent before`);
      if (known === undefined) await fs.writeFile(totalFile, String(part.total));
      await fs.rename(partFile, path.join(dir, `${part.number}.part`));
      const sizes = await partSizes(dir);
      const bytes = [...sizes.values()].reduce((sum, value) => sum + value, 0);
      if (bytes > this.maxFileBytes) {
        await fs.rm(dir, { recursive: true, force: true });
        throw badRequest(`File size too large. Maximum is ${this.maxFileBytes}.`);
      }
      if (sizes.size < part.total) return { done: false, bytes } as const;
      const output = createWriteStream(assembled, { flags: 'wx' });
      for (let number = 1; number <= part.total; number++)
        await pipeline(createReadStream(path.join(dir, `${number}.part`)), output, { end: false });
      await new Promise<void>((resolve, reject) =>
        output.end((error?: Error | null) => (error ? reject(error) : resolve())),
      );
      await fs.rm(dir, { recursive: true, force: true });
      return { done: true, file: assembled } as const;
    });
  }

  /** Deletes part uploads untouched for longer than the time limit, at most once a minute. */
  private async expireNow(now = Date.now()): Promise<void> {
    if (now - this.lastExpiry < 60_000) return;
    this.lastExpiry = now;
    const entries = await fs.readdir(this.folder).catch(() => [] as string[]);
    for (const entry of entries) {
      const dir = path.join(this.folder, entry);
      const stat = await fs.stat(dir).catch(() => undefined);
      if (stat && now - stat.mtimeMs >= this.maxAgeMs && !this.locks.isHeld(dir))
        await fs.rm(dir, { recursive: true, force: true });
    }
  }
}

/** Part number → size, for the parts present in `dir`. */
async function partSizes(dir: string): Promise<Map<number, number>> {
  const sizes = new Map<number, number>();
  for (const name of await fs.readdir(dir)) {
    const match = /^(\d+)\.part$/.exec(name);
    if (match) sizes.set(Number(match[1]), (await fs.stat(path.join(dir, name))).size);
  }
  return sizes;
}
