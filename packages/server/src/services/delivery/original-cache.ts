import type { Asset } from '../../catalog/asset.js';
import type { DerivedStore } from './derived-store.js';

// An original enters the cache on its second rendering among this many recently rendered ones.
const ADMISSION_WINDOW = 256;

/**
 * Originals that were rendered more than once lately, kept in memory so that further renderings
 * decode them from a buffer instead of opening and reading the file twice (header, then pixels).
 * Responsive images render one original at many widths, so this is the common case. A storage key
 * names one immutable version of an original, so entries never go stale; they leave, least recently
 * used first, when the byte budget needs room. Loading happens after the rendering was answered.
 */
export class OriginalCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly seen = new Set<string>();
  private readonly loading = new Set<string>();
  private bytes = 0;

  constructor(
    private readonly store: DerivedStore,
    readonly maxBytes: number,
    readonly maxEntryBytes: number,
  ) {}

  /** Runs `use` on the original: its bytes when cached, else what the store gives (a file or bytes). */
  async withInput<T>(
    asset: Pick<Asset, 'storageKey' | 'bytes'>,
    use: (input: string | Buffer) => Promise<T>,
  ): Promise<T> {
    const key = asset.storageKey;
    const cached = this.entries.get(key);
    if (cached) {
      this.entries.delete(key);
      this.entries.set(key, cached);
      return use(cached);
    }
    const result = await this.store.withInput(key, use);
    if (this.admits(key, asset.bytes)) {
      this.loading.add(key);
      setImmediate(() => {
        this.store.readAll(key).then(
          (data) => this.add(key, data),
          () => this.loading.delete(key),
        );
      });
    }
    return result;
  }

  /** Whether to load this original now: it fits, and it was rendered recently already. */
  private admits(key: string, size: number): boolean {
    if (size > this.maxEntryBytes || size > this.maxBytes || this.loading.has(key)) return false;
    if (this.seen.delete(key)) return true;
    this.seen.add(key);
    if (this.seen.size > ADMISSION_WINDOW) this.seen.delete(this.seen.values().next().value!);
    return false;
  }

  private add(key: string, data: Buffer): void {
    this.loading.delete(key);
    if (this.entries.has(key) || data.length > this.maxEntryBytes) return;
    this.entries.set(key, data);
    this.bytes += data.length;
    for (const [oldest, buffer] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= buffer.length;
    }
  }
}
