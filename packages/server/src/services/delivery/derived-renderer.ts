import { createHash } from 'node:crypto';
import type { Asset } from '../../catalog/asset.js';
import type { DerivedAsset } from '../../catalog/derived-catalog.js';
import type { DeliveryResult, Rendered } from './delivery-types.js';
import type { DerivedStore } from './derived-store.js';
import type { RenderQueue } from './render-queue.js';
import { SingleFlight } from './single-flight.js';

/** What {@link DerivedRenderer.renderOnce} answers: the derived asset, with its bytes when just rendered. */
export interface RenderOutcome {
  readonly derived: DerivedAsset;
  readonly data?: Buffer;
  readonly source: DeliveryResult['source'];
}

/** The derived cache key of a rendering. */
export function derivedId(
  assetId: string,
  versionId: string,
  canonical: string,
  format: string,
  variant: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([assetId, versionId, canonical, format, variant]))
    .digest('hex')
    .slice(0, 32);
}

/**
 * Renders derived assets once per key in this process (concurrent requests share the render), inside
 * the render queue, and stores them. Bytes rendered in memory are answered at once; storing them
 * (temporary file, fsync, rename, catalog row) starts only after the current request has had its
 * turn to write the response, and requests arriving before it is done share those bytes.
 */
export class DerivedRenderer {
  private readonly flight = new SingleFlight<{ derived: DerivedAsset; data?: Buffer }>();
  private readonly storing = new Set<Promise<unknown>>();

  constructor(
    readonly store: DerivedStore,
    readonly queue: RenderQueue,
  ) {}

  async renderOnce(
    key: {
      asset: Pick<Asset, 'assetId' | 'versionId' | 'cloud'>;
      canonical: string;
      format: string;
      variant: string;
    },
    render: () => Promise<Rendered>,
  ): Promise<RenderOutcome> {
    const { asset, canonical, format, variant } = key;
    const id = derivedId(asset.assetId, asset.versionId, canonical, format, variant);
    const existing = await this.store.get(id);
    if (existing) return { derived: existing, source: 'cache' };
    const { value, shared } = await this.flight.run(id, async () => {
      const result = await this.queue.run(render);
      const entry = {
        id,
        assetId: asset.assetId,
        cloud: asset.cloud,
        transformation: canonical,
        format,
        variant,
        ...(result.width !== undefined ? { width: result.width } : {}),
        ...(result.height !== undefined ? { height: result.height } : {}),
        contentType: result.contentType,
        meta: {
          outputFormat: result.format,
          ...(result.vary?.length ? { vary: [...result.vary] } : {}),
          ...(result.attachment ? { attachment: result.attachment } : {}),
          ...(result.meta ?? {}),
        },
      };
      if (result.file) return { value: { derived: await this.store.storeFile(entry, result.file) } };
      const data = result.data ?? Buffer.alloc(0);
      const etag = createHash('sha1').update(data).digest('base64url');
      const provisional: DerivedAsset = {
        ...entry,
        storageKey: '',
        bytes: data.length,
        etag,
        createdAt: new Date().toISOString(),
      };
      // setImmediate runs after the promise callbacks that answer this request, so the response
      // leaves before the file-system work of storing it begins.
      const settled = new Promise<unknown>((resolve, reject) => {
        setImmediate(() => this.store.storeBytes(entry, data, etag).then(resolve, reject));
      });
      this.storing.add(settled);
      void settled.catch(() => undefined).finally(() => this.storing.delete(settled));
      return { value: { derived: provisional, data }, settled };
    });
    return { ...value, source: shared ? 'shared' : 'render' };
  }

  /** Resolves once every rendering answered so far is in storage (eager renders wait for this). */
  async stored(): Promise<void> {
    await Promise.allSettled([...this.storing]);
  }
}
