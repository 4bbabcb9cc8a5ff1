import type { DeliveryRequest, DeliveryResult } from './delivery-types.js';

interface Entry {
  readonly result: DeliveryResult;
  readonly storageKey: string;
  readonly expires: number;
}

/**
 * Recently served small derived assets, in memory, keyed by the request (path and the headers a
 * rendering may depend on). A hit skips the catalog and storage entirely. Entries leave when their
 * asset's derived assets are deleted in this process (the catalog's hook), after `ttlMs` (which bounds
 * how long another process's deletion can go unnoticed), or when the byte budget needs room (LRU).
 */
export class HotCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byStorageKey = new Map<string, Set<string>>();
  private bytes = 0;

  constructor(
    readonly maxBytes: number,
    readonly maxEntryBytes: number,
    readonly ttlMs: number,
  ) {}

  get(key: string): DeliveryResult | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires < Date.now()) {
      this.delete(key);
      return undefined;
    }
    // Re-inserting keeps the Map in least-recently-used order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.result;
  }

  set(key: string, storageKey: string, result: DeliveryResult): void {
    if (result.body.kind !== 'bytes' || result.bytes > this.maxEntryBytes || this.maxBytes === 0) return;
    this.delete(key);
    this.entries.set(key, { result, storageKey, expires: Date.now() + this.ttlMs });
    const keys = this.byStorageKey.get(storageKey) ?? new Set();
    keys.add(key);
    this.byStorageKey.set(storageKey, keys);
    this.bytes += result.bytes;
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Drops everything served from these blobs (their derived assets were deleted). */
  forget(storageKeys: readonly string[]): void {
    for (const storageKey of storageKeys) {
      for (const key of this.byStorageKey.get(storageKey) ?? []) this.delete(key);
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.result.bytes;
    const keys = this.byStorageKey.get(entry.storageKey);
    keys?.delete(key);
    if (keys && !keys.size) this.byStorageKey.delete(entry.storageKey);
  }
}

/** The request as far as a response can depend on it: path, `Accept` and client hints. */
export function hotCacheKey(request: DeliveryRequest): string {
  const { dpr, width, viewportWidth } = request.clientHints;
  return [request.path, request.accept ?? '', dpr ?? '', width ?? '', viewportWidth ?? ''].join('\n');
}
