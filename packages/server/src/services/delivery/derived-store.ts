import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import type { DerivedAsset, DerivedCatalog } from '../../catalog/derived-catalog.js';
import { BlobNotFoundError, type BlobStorage } from '../../storage/blob-storage.js';
import type { TempFiles } from '../temp-files.js';

/** What a renderer produced, before it has a storage key, size and ETag. */
export type NewDerived = Omit<DerivedAsset, 'storageKey' | 'bytes' | 'etag' | 'createdAt'>;

/** Optional storage abilities: range reads (both built-in adapters) and local files (local disk). */
interface StorageExtras {
  readRange?(key: string, start: number, end?: number): Promise<Readable>;
  localPath?(key: string): string;
}

/**
 * Puts rendered files into blob storage (through the adapter's crash-safe `putFile`) and records
 * them in the derived catalog. Blobs are written first, so a crash leaves an orphan blob (removed by
 * the hourly clean-up, since its key ends in `<seconds>-<hex>`) and never a row without bytes.
 */
export class DerivedStore {
  constructor(
    readonly catalog: DerivedCatalog,
    private readonly assets: AssetCatalog,
    private readonly storage: BlobStorage,
    private readonly temp: TempFiles,
  ) {}

  get(id: string): Promise<DerivedAsset | undefined> {
    return this.catalog.get(id);
  }

  async storeBytes(entry: NewDerived, data: Buffer, etag?: string): Promise<DerivedAsset> {
    const file = this.temp.newPath('derived');
    await fs.writeFile(file, data);
    return this.storeFile(entry, file, etag ?? createHash('sha1').update(data).digest('base64url'));
  }

  /** Moves a finished local file into storage; the file is consumed. */
  async storeFile(entry: NewDerived, file: string, etag?: string): Promise<DerivedAsset> {
    try {
      const { size } = await fs.stat(file);
      const hash = etag ?? (await hashFile(file));
      const storageKey = `derived/${entry.assetId}/${Math.floor(Date.now() / 1000)}-${entry.id}`;
      await this.storage.putFile(storageKey, file);
      const stored = await this.catalog.insert({
        ...entry,
        storageKey,
        bytes: size,
        etag: hash,
        createdAt: new Date().toISOString(),
      });
      // Another process stored the same rendering first: keep theirs.
      if (stored.storageKey !== storageKey) await this.storage.delete(storageKey).catch(() => undefined);
      // The asset may have been deleted (with its derived rows) while this rendered.
      if (!entry.assetId.startsWith('fetch-') && !(await this.assetExists(entry.cloud, entry.assetId))) {
        await this.catalog.remove(entry.id);
        await this.storage.delete(stored.storageKey).catch(() => undefined);
      }
      return stored;
    } finally {
      await this.temp.remove(file);
    }
  }

  read(storageKey: string, range?: { start: number; end: number }): Promise<Readable> {
    const ranged = this.storage as BlobStorage & StorageExtras;
    if (range && ranged.readRange) return ranged.readRange(storageKey, range.start, range.end);
    return this.storage.read(storageKey);
  }

  /**
   * Runs `use` on an original as a renderer input: the file itself on local disk (no copy), else its
   * bytes. A missing blob is a `BlobNotFoundError` either way; for a local file that is checked only
   * when `use` fails, which keeps a file-system round trip off every render.
   */
  async withInput<T>(storageKey: string, use: (input: string | Buffer) => Promise<T>): Promise<T> {
    const local = (this.storage as BlobStorage & StorageExtras).localPath?.(storageKey);
    if (!local) return use(await this.readAll(storageKey));
    try {
      return await use(local);
    } catch (error) {
      if ((await this.storage.size(storageKey)) === undefined) throw new BlobNotFoundError(storageKey);
      throw error;
    }
  }

  async readAll(storageKey: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.read(storageKey)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Copies a blob to a local temporary file (ffmpeg needs a seekable file). */
  async toTempFile(storageKey: string, label: string): Promise<string> {
    const file = this.temp.newPath(label);
    await pipeline(await this.storage.read(storageKey), createWriteStream(file));
    return file;
  }

  private async assetExists(cloud: string, assetId: string): Promise<boolean> {
    const page = await this.assets.list({ cloud, assetIds: [assetId], direction: 'asc', maxResults: 1 });
    return page.assets.length > 0;
  }
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha1');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64url');
}
