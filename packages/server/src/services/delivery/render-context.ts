import fs from 'node:fs/promises';
import type { Layer, Transformation } from '@kumo/core';
import type { ResourceType } from '../../catalog/asset.js';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import type { TransformationCatalog } from '../../catalog/transformation-catalog.js';
import type { Config } from '../../config.js';
import { type RenderContext, RenderError } from '../../render/image/index.js';
import { fetchRemoteFile } from '../remote-fetch.js';
import { ServiceError } from '../service-error.js';
import type { TempFiles } from '../temp-files.js';
import type { DerivedStore } from './derived-store.js';
import { loadNamedTransformations, type RequestHints } from './render-inputs.js';

const FETCH_MAX_BYTES = 50 * 1024 * 1024;

/**
 * What renderings read besides the original: overlay assets, allow-listed remote images (`fetch`
 * delivery and `l_fetch:` layers) and named transformations, with the configured limits.
 */
export class RenderInputs {
  constructor(
    private readonly config: Config,
    private readonly assets: AssetCatalog,
    private readonly named: TransformationCatalog,
    private readonly store: DerivedStore,
    private readonly temp: TempFiles,
  ) {}

  /** The image renderer's context for a cloud: hints, limits, layers and named transformations. */
  async context(
    cloud: string,
    transformation: Transformation,
    hints: RequestHints,
    tags: readonly string[],
  ): Promise<Omit<RenderContext, 'format'>> {
    const named = await loadNamedTransformations(transformation, async (name) => {
      return (await this.named.get(cloud, name))?.transformation;
    });
    return {
      ...(hints.accept !== undefined ? { accept: hints.accept } : {}),
      clientHints: hints.clientHints,
      limits: {
        maxInputPixels: this.config.delivery.maxInputPixels,
        maxOutputPixels: this.config.delivery.maxOutputPixels,
      },
      loadLayer: (layer) => this.loadLayer(cloud, layer),
      resolveNamed: (name) => named.get(name),
      tags,
    };
  }

  private async loadLayer(cloud: string, layer: Layer): Promise<Buffer | undefined> {
    if (layer.kind === 'fetch') {
      const file = await this.fetchToTemp(layer.url, (message) => new RenderError(message, 400));
      try {
        return await fs.readFile(file);
      } finally {
        await this.temp.remove(file);
      }
    }
    if (layer.kind !== 'asset') return undefined;
    const identity = {
      cloud,
      resourceType: (layer.resourceType ?? 'image') as ResourceType,
      type: layer.type ?? 'upload',
    };
    let asset = await this.assets.getCached({ ...identity, publicId: layer.publicId });
    const dot = layer.publicId.lastIndexOf('.');
    if (!asset && dot > 0)
      asset = await this.assets.getCached({ ...identity, publicId: layer.publicId.slice(0, dot) });
    return asset ? this.store.readAll(asset.storageKey) : undefined;
  }

  /** Downloads an allow-listed remote image through the SSRF-guarded fetch (no redirects). */
  async fetchToTemp(url: string, refuse: (message: string) => Error): Promise<string> {
    let remote: URL;
    try {
      remote = new URL(url);
    } catch {
      throw refuse(`Invalid remote URL ${url}`);
    }
    if (remote.protocol !== 'http:' && remote.protocol !== 'https:')
      throw refuse(`Invalid remote URL ${url}`);
    const host = remote.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = remote.port || (remote.protocol === 'https:' ? '443' : '80');
    const allowed = this.config.delivery.fetchHosts;
    if (!allowed.includes(host) && !allowed.includes(`${host}:${port}`))
      throw refuse(`Fetching from ${host} is not allowed`);
    const file = this.temp.newPath('fetch');
    try {
      await fetchRemoteFile(remote.href, file, {
        allow: this.config.remoteFetch.allow,
        timeoutMs: this.config.remoteFetch.timeoutMs,
        maxBytes: Math.min(this.config.maxFileBytes, FETCH_MAX_BYTES),
        maxRedirects: 0,
      });
      return file;
    } catch (error) {
      await this.temp.remove(file);
      if (error instanceof ServiceError) throw error.status === 404 ? error : refuse(error.message);
      throw error;
    }
  }
}
