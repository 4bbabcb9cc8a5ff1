import type { Asset, AssetIdentity } from './asset.js';

interface Entry {
  readonly asset: Asset;
  readonly generation: number;
  readonly expires: number;
}

/**
 * Recently read assets by identity, for the delivery hot path: a bounded least-recently-used map,
 * emptied as a whole whenever this process writes assets or tags (`invalidate`). Only found assets
 * are kept, so a new upload is visible at once. `ttlMs` bounds how long a write made by another
 * process on the same database can go unnoticed.
 *
 * A reader takes `generation` before querying and offers the row with it: a row read while a write
 * was under way is refused, since it may predate that write.
 */
export class AssetRowCache {
  private readonly entries = new Map<string, Entry>();
  private current = 0;

  constructor(
    readonly maxEntries: number,
    readonly ttlMs: number,
  ) {}

  /** Changes with every invalidation. */
  get generation(): number {
    return this.current;
  }

  get(identity: AssetIdentity): Asset | undefined {
    const key = keyOf(identity);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.current || entry.expires < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-inserting keeps the Map in least-recently-used order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.asset;
  }

  /** Keeps a row read under `generation`, unless something was written since. */
  offer(identity: AssetIdentity, asset: Asset, generation: number): void {
    if (generation !== this.current || this.maxEntries === 0) return;
    const key = keyOf(identity);
    this.entries.delete(key);
    this.entries.set(key, { asset, generation, expires: Date.now() + this.ttlMs });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  invalidate(): void {
    this.current++;
    this.entries.clear();
  }
}

function keyOf(identity: AssetIdentity): string {
  return `${identity.cloud}\n${identity.resourceType}\n${identity.type}\n${identity.publicId}`;
}
