import type { ResourceType } from '../../catalog/asset.js';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import { AssetCommands, type CommandScope } from '../asset-commands.js';
import { deliveryPath } from '../asset-response.js';
import { parseEager } from '../eager.js';
import type { RequestParams } from '../request-params.js';
import { type UploadInput, UploadService } from '../upload-service.js';
import type { DeliveryService } from './delivery-service.js';

interface EagerResponseEntry {
  transformation: string;
  status?: string;
  [key: string]: unknown;
}

/**
 * Renders the eager transformations an upload or explicit call listed into derived assets, as
 * Cloudinary does: before answering (the entries then carry width, height, bytes and format), or in
 * the background when `eager_async` is set (entries stay `processing`).
 */
export class EagerRenderer {
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly assets: AssetCatalog,
    private readonly delivery: DeliveryService,
  ) {}

  /** Resolves once every `eager_async` rendering started so far has finished (used on shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.background]);
  }

  async apply(cloud: string, response: Record<string, unknown>): Promise<Record<string, unknown>> {
    const entries = response.eager as EagerResponseEntry[] | undefined;
    if (!Array.isArray(entries) || !entries.length) return response;
    const asset = await this.assets.get({
      cloud,
      resourceType: response.resource_type as ResourceType,
      type: String(response.type),
      publicId: String(response.public_id),
    });
    if (!asset) return response;
    const render = async (entry: EagerResponseEntry) => {
      const [parsed] = parseEager(entry.transformation);
      if (!parsed) return undefined;
      const result = await this.delivery.deliver({
        path: deliveryPath(asset, parsed.transformation, parsed.format),
        clientHints: {},
        trusted: true,
      });
      return {
        ...(result.width !== undefined ? { width: result.width, height: result.height } : {}),
        bytes: result.bytes,
        format: parsed.format ?? result.format ?? asset.format,
      };
    };
    if (entries.some((entry) => entry.status === 'processing')) {
      // Background work must not fail the upload; a failed entry is rendered on first request instead.
      const background = (async () => {
        for (const entry of entries) await render(entry).catch(() => undefined);
      })();
      this.background.add(background);
      void background.finally(() => this.background.delete(background));
      return response;
    }
    const rendered = [];
    for (const entry of entries) {
      const details = await render(entry).catch(() => undefined);
      rendered.push(details ? { ...entry, ...details } : entry);
    }
    // Synchronous eager renders are stored before the upload answers, as Cloudinary's are.
    await this.delivery.stored();
    return { ...response, eager: rendered };
  }
}

/** The upload service with eager transformations rendered after each stored upload. */
export class EagerRenderingUploadService extends UploadService {
  eager?: EagerRenderer;

  override async upload(input: UploadInput): Promise<Record<string, unknown>> {
    const response = await super.upload(input);
    return this.eager ? this.eager.apply(input.cloud, response) : response;
  }
}

/** Asset commands with `explicit`'s eager transformations rendered. */
export class EagerRenderingAssetCommands extends AssetCommands {
  eager?: EagerRenderer;

  override async explicit(scope: CommandScope, params: RequestParams) {
    const response = await super.explicit(scope, params);
    return this.eager ? this.eager.apply(scope.cloud, response) : response;
  }
}
