import { createHash } from 'node:crypto';
import { type ParsedDeliveryUrl, serializeTransformation, type Transformation } from '@kumo/core';
import type { Asset, AssetIdentity } from '../../catalog/asset.js';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import type { TransformationCatalog } from '../../catalog/transformation-catalog.js';
import type { Config } from '../../config.js';
import { renderImage } from '../../render/image/index.js';
import { BlobNotFoundError } from '../../storage/blob-storage.js';
import { deliveryPath } from '../asset-response.js';
import type { Credentials } from '../credentials.js';
import type { TempFiles } from '../temp-files.js';
import { sameFormat } from './content-types.js';
import { DeliveryAccess, isHlsFile } from './delivery-access.js';
import { DeliveryError, fromStoredOriginal, missingOriginal } from './delivery-error.js';
import { fromDerived, fromGenerated, fromOriginal } from './delivery-responses.js';
import type {
  CacheControl,
  DeliveryRequest,
  DeliveryResult,
  DerivedJob,
  Rendered,
  VideoDelivery,
} from './delivery-types.js';
import { parseChain, parseDeliveryPath } from './delivery-url.js';
import { DerivedRenderer, derivedId, type RenderOutcome } from './derived-renderer.js';
import type { DerivedStore } from './derived-store.js';
import { HotCache, hotCacheKey } from './hot-cache.js';
import { OriginalCache } from './original-cache.js';
import { RenderInputs } from './render-context.js';
import { type RequestHints, variantOf } from './render-inputs.js';
import { RenderQueue } from './render-queue.js';
import { StrictTransformations } from './strict-transformations.js';
import { tagList } from './tag-list.js';

const IMMUTABLE_MAX_AGE = 31_536_000;
const STORED_TYPES = new Set(['upload', 'private', 'authenticated']);
const HOT_ENTRY_BYTES = 512 * 1024;
const ORIGINAL_ENTRY_BYTES = 8 * 1024 * 1024;
// Bounds how long a deletion made by another process can go unnoticed by this one's memory cache.
const HOT_TTL_MS = 60_000;

/** How a request was let in beyond the public types. */
interface Admission {
  /** A signature (or the server itself): no strict-mode checks, private originals allowed. */
  readonly signed: boolean;
  /** The signature is the one of this playlist's or segment's HLS master. */
  readonly signedForHlsOnly: boolean;
  /** An auth token opened it: the response is for this client only. */
  readonly byToken: boolean;
}

/**
 * Delivery URLs: resolves the asset, checks signatures, tokens and access, serves originals, and
 * renders, stores and serves derived assets (once per key per process, within the render queue).
 */
export class DeliveryService {
  video?: VideoDelivery;
  private readonly renderer: DerivedRenderer;
  private readonly access: DeliveryAccess;
  private readonly hot: HotCache;
  private readonly inputs: RenderInputs;
  private readonly strict: StrictTransformations;
  private readonly originals: OriginalCache;

  constructor(
    private readonly config: Config,
    private readonly credentials: Credentials,
    private readonly assets: AssetCatalog,
    named: TransformationCatalog,
    readonly store: DerivedStore,
    private readonly temp: TempFiles,
  ) {
    this.strict = new StrictTransformations(config.delivery.strictTransformations, named);
    const queue = new RenderQueue(config.delivery.renderConcurrency, config.delivery.renderQueue);
    this.renderer = new DerivedRenderer(store, queue);
    this.access = new DeliveryAccess(credentials, config.delivery.authTokenKey);
    this.inputs = new RenderInputs(config, assets, named, store, temp);
    this.hot = new HotCache(config.delivery.hotCacheBytes, HOT_ENTRY_BYTES, HOT_TTL_MS);
    this.originals = new OriginalCache(store, config.delivery.hotCacheBytes / 2, ORIGINAL_ENTRY_BYTES);
  }

  get queue(): RenderQueue {
    return this.renderer.queue;
  }

  async deliver(request: DeliveryRequest): Promise<DeliveryResult> {
    const key = request.trusted ? undefined : hotCacheKey(request);
    const hit = key === undefined ? undefined : this.hot.get(key);
    if (hit) return { ...hit, source: 'memory' };
    const result = await this.resolve(request);
    // What a token opened stays out of memory: the next request for this URL may carry none.
    if (key === undefined || result.private || result.source !== 'cache' || result.body.kind !== 'blob')
      return result;
    if (result.bytes > this.hot.maxEntryBytes) return result;
    const storageKey = result.body.storageKey;
    let data: Buffer;
    try {
      data = await this.store.readAll(storageKey);
    } catch (error) {
      if (error instanceof BlobNotFoundError) return this.redeliver(request, result);
      throw error;
    }
    const loaded: DeliveryResult = { ...result, body: { kind: 'bytes', data }, bytes: data.length };
    this.hot.set(key, storageKey, loaded);
    return loaded;
  }

  /**
   * Delivers a request again after the blob its result named turned out to be missing from storage
   * (deleted by hand, lost by a bucket, restored from an older backup). A derived asset loses its row
   * (unless another request has stored it anew meanwhile) and is rendered again from the original,
   * once per key as usual; a missing original is a 404 that says so.
   */
  async redeliver(request: DeliveryRequest, missing: DeliveryResult): Promise<DeliveryResult> {
    if (missing.body.kind !== 'blob' || missing.derivedId === undefined)
      throw missingOriginal(parseDeliveryPath(request.path).publicId);
    await this.store.catalog.remove(missing.derivedId, missing.body.storageKey);
    this.hot.forget([missing.body.storageKey]);
    return this.resolve(request, true);
  }

  /** Called by the catalog when derived assets were deleted (with their asset). */
  forgetDerived(storageKeys: readonly string[]): void {
    this.hot.forget(storageKeys);
  }

  /** `again`: a stored file this request was answered with is missing, so HLS files encode anew. */
  private async resolve(request: DeliveryRequest, again = false): Promise<DeliveryResult> {
    const parsed = parseDeliveryPath(request.path);
    if (!this.credentials.keysOf(parsed.cloudName).length)
      throw new DeliveryError(404, `Unknown cloud ${parsed.cloudName}`);
    if (parsed.type === 'list') return this.list(parsed);
    const transformation = parseChain(parsed.transformation);
    const canonical = transformation.length ? serializeTransformation(transformation) : '';
    const cacheControl: CacheControl = {
      maxAge: parsed.version !== undefined ? IMMUTABLE_MAX_AGE : this.config.delivery.unversionedMaxAge,
      immutable: parsed.version !== undefined,
    };
    const admission = this.admit(request, parsed);
    const result = await this.resolveAdmitted(
      request,
      parsed,
      transformation,
      canonical,
      cacheControl,
      admission,
      again,
    );
    return admission.byToken ? { ...result, private: true } : result;
  }

  /** Checks the signature, and the token of an unsigned `authenticated` URL; throws a 401 if wrong. */
  private admit(request: DeliveryRequest, parsed: ParsedDeliveryUrl): Admission {
    if (request.trusted) return { signed: true, signedForHlsOnly: false, byToken: false };
    const signed = parsed.signature !== undefined;
    // HLS playlists and segments carry their master's signature (they are relative to its URL).
    let signedForHlsOnly = false;
    if (signed && !this.access.signatureValid(parsed)) {
      signedForHlsOnly = this.access.hlsSignatureValid(parsed);
      if (!signedForHlsOnly) throw new DeliveryError(401, 'Invalid signature for this delivery URL');
    }
    let byToken = false;
    if (parsed.type === 'authenticated' && !signed) {
      this.access.requireToken(request);
      byToken = true;
    }
    return { signed, signedForHlsOnly, byToken };
  }

  private async resolveAdmitted(
    request: DeliveryRequest,
    parsed: ParsedDeliveryUrl,
    transformation: Transformation,
    canonical: string,
    cacheControl: CacheControl,
    { signed, signedForHlsOnly }: Admission,
    again: boolean,
  ): Promise<DeliveryResult> {
    // Strict mode decides what may be rendered; a rendering that was stored before may be again.
    const unrestricted = signed || again;
    if (parsed.type === 'fetch') {
      if (parsed.resourceType !== 'image') throw new DeliveryError(404, 'Only images can be fetched');
      return this.fetched(parsed, transformation, canonical, request, unrestricted);
    }
    if (!STORED_TYPES.has(parsed.type))
      throw new DeliveryError(404, `Unsupported delivery type ${parsed.type}`);

    let asset = await this.assets.getCached({
      cloud: parsed.cloudName,
      resourceType: parsed.resourceType,
      type: parsed.type,
      publicId: parsed.publicId,
    });
    if ((!asset || signedForHlsOnly) && this.video && isHlsFile(parsed)) {
      const file = await this.video.hlsFile(parsed, { transformation, canonical, cacheControl }, again);
      if (file) return file;
    }
    if (signedForHlsOnly) throw new DeliveryError(401, 'Invalid signature for this delivery URL');
    if (!asset) {
      asset = await this.defaultImage(parsed, transformation);
      if (!asset) throw new DeliveryError(404, `Resource not found - ${parsed.publicId}`);
    }
    const format = parsed.format ?? '';
    const original =
      !canonical && (!format || sameFormat(format, asset.format) || asset.resourceType === 'raw');
    if (original) {
      if (parsed.type === 'private' && !signed)
        throw new DeliveryError(401, 'The original of a private asset needs a signed URL');
      return fromOriginal(asset, cacheControl);
    }
    if (asset.resourceType === 'raw') throw new DeliveryError(400, 'Raw files cannot be transformed');
    const job: DerivedJob = {
      asset,
      parsed,
      transformation,
      canonical,
      format,
      hints: request,
      cacheControl,
    };
    if (asset.resourceType === 'video') {
      if (!this.video) throw new DeliveryError(501, 'Video transformations are not available on this server');
      if (!unrestricted && this.strict.appliesTo(asset.cloud)) {
        // Transcodes, posters and HLS masters are keyed without a variant.
        const id = derivedId(asset.assetId, asset.versionId, canonical, format, '');
        await this.strict.require(parsed.cloudName, transformation, canonical, await this.store.get(id));
      }
      const video = this.video;
      return fromStoredOriginal(asset, () => video.deliver(job));
    }
    return fromStoredOriginal(asset, () => this.derivedImage(job, unrestricted));
  }

  /** The Admin API's `derived` array of a resource. */
  async derivedListing(identity: AssetIdentity, baseUrl: string) {
    const asset = await this.assets.get(identity);
    if (!asset) return [];
    const entries = await this.store.catalog.listForAsset(asset.assetId);
    return entries.map((entry) => {
      let url = baseUrl + deliveryPath(asset, entry.transformation || undefined, entry.format || undefined);
      // HLS playlists and segments sit next to their master: `<public id>.<file>`.
      if (entry.variant.startsWith('file=')) url = url.replace(/\.[^./]+$/, `.${entry.variant.slice(5)}`);
      return {
        id: entry.id,
        transformation: entry.transformation,
        format: entry.format || entry.meta.outputFormat || asset.format,
        bytes: entry.bytes,
        url,
        secure_url: url,
      };
    });
  }

  /** Resolves once every rendering answered so far is in storage (eager renders wait for this). */
  stored(): Promise<void> {
    return this.renderer.stored();
  }

  get maxOutputPixels(): number {
    return this.config.delivery.maxOutputPixels;
  }

  /** Opens a stored blob, optionally a byte range of it (inclusive). */
  open(storageKey: string, range?: { start: number; end: number }) {
    return this.store.read(storageKey, range);
  }

  /** The derived cache key of a rendering. */
  derivedId(assetId: string, versionId: string, canonical: string, format: string, variant: string): string {
    return derivedId(assetId, versionId, canonical, format, variant);
  }

  /**
   * Finds a derived asset, or renders and stores it: once per key in this process (concurrent
   * requests share the render), inside the render queue.
   */
  renderOnce(
    key: {
      asset: Pick<Asset, 'assetId' | 'versionId' | 'cloud'>;
      canonical: string;
      format: string;
      variant: string;
    },
    render: () => Promise<Rendered>,
  ): Promise<RenderOutcome> {
    return this.renderer.renderOnce(key, render);
  }

  /** Renders (or finds) an image derived asset; used by URLs and eager transformations. */
  renderImageDerived(
    asset: Asset,
    transformation: Transformation,
    canonical: string,
    format: string,
    hints: RequestHints,
  ) {
    const variant = variantOf(transformation, hints);
    const keyed = { ...asset, versionId: imageKeyVersion(asset) };
    const region = asset.customCoordinates?.[0];
    return this.renderOnce({ asset: keyed, canonical, format, variant }, async () => {
      const context = await this.imageContext(asset.cloud, transformation, hints, asset.tags);
      return this.originals.withInput(asset, (input) =>
        renderImage(input, transformation, {
          ...context,
          ...(format ? { format } : {}),
          ...(region
            ? { customRegion: { x: region[0], y: region[1], width: region[2], height: region[3] } }
            : {}),
        }),
      );
    });
  }

  private async derivedImage(job: DerivedJob, unrestricted: boolean): Promise<DeliveryResult> {
    const { asset, transformation, canonical, format, hints } = job;
    // The derived lookup only matters to strict mode; outside it renderOnce does the one lookup needed.
    if (!unrestricted && this.strict.appliesTo(asset.cloud)) {
      const id = derivedId(
        asset.assetId,
        imageKeyVersion(asset),
        canonical,
        format,
        variantOf(transformation, hints),
      );
      await this.strict.require(asset.cloud, transformation, canonical, await this.store.get(id));
    }
    const rendered = await this.renderImageDerived(asset, transformation, canonical, format, hints);
    return fromDerived(rendered.derived, rendered.data, rendered.source, job.cacheControl);
  }

  /** The image renderer's context for a cloud: hints, limits, layers and named transformations. */
  imageContext(cloud: string, transformation: Transformation, hints: RequestHints, tags: readonly string[]) {
    return this.inputs.context(cloud, transformation, hints, tags);
  }

  private async fetched(
    parsed: ParsedDeliveryUrl,
    transformation: Transformation,
    canonical: string,
    hints: RequestHints,
    unrestricted: boolean,
  ): Promise<DeliveryResult> {
    const url = parsed.publicId;
    const assetId = `fetch-${createHash('sha256').update(`${parsed.cloudName}\n${url}`).digest('hex').slice(0, 32)}`;
    const format = parsed.format ?? '';
    const variant = variantOf(transformation, hints);
    const id = derivedId(assetId, '', canonical, format, variant);
    const cacheControl = { maxAge: this.config.delivery.unversionedMaxAge, immutable: false };
    if (!unrestricted && !(await this.store.get(id)))
      await this.strict.require(parsed.cloudName, transformation, canonical, undefined);
    const rendered = await this.renderOnce(
      { asset: { assetId, versionId: '', cloud: parsed.cloudName }, canonical, format, variant },
      async () => {
        const file = await this.inputs.fetchToTemp(url, (message) => new DeliveryError(403, message));
        try {
          const context = await this.imageContext(parsed.cloudName, transformation, hints, []);
          return await renderImage(file, transformation, { ...context, ...(format ? { format } : {}) });
        } finally {
          await this.temp.remove(file);
        }
      },
    );
    return fromDerived(rendered.derived, rendered.data, rendered.source, cacheControl);
  }

  /** `d_<public id>`: the image to render instead when the requested one does not exist. */
  private async defaultImage(parsed: ParsedDeliveryUrl, transformation: Transformation) {
    if (parsed.resourceType !== 'image') return undefined;
    const fallback = transformation.find((component) => component.defaultImage)?.defaultImage;
    if (!fallback) return undefined;
    const publicId = fallback.replace(/:/g, '/');
    const identity = { cloud: parsed.cloudName, resourceType: 'image' as const, type: 'upload' };
    const dot = publicId.lastIndexOf('.');
    return (
      (await this.assets.getCached({ ...identity, publicId })) ??
      (dot > 0 ? await this.assets.getCached({ ...identity, publicId: publicId.slice(0, dot) }) : undefined)
    );
  }

  private async list(parsed: ParsedDeliveryUrl): Promise<DeliveryResult> {
    if (parsed.format !== 'json' || parsed.transformation)
      throw new DeliveryError(404, 'Tag lists are delivered as <tag>.json');
    const data = await tagList(this.assets, parsed.cloudName, parsed.resourceType, parsed.publicId);
    return fromGenerated(data, Math.min(60, this.config.delivery.unversionedMaxAge));
  }
}

/**
 * The version part of an image's derived cache key. The first custom region takes part: `g_custom`
 * renderings depend on it, so new coordinates never find a rendering made with the old ones (even
 * one stored by a render that was still running when they changed).
 */
function imageKeyVersion(asset: Asset): string {
  const region = asset.customCoordinates?.[0];
  return region ? `${asset.versionId}@${region.join(',')}` : asset.versionId;
}
