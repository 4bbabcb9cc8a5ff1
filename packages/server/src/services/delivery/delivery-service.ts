import { createHash } from 'node:crypto';
import {
  DeliveryUrlError,
  type ParsedDeliveryUrl,
  parseTransformation,
  parseUrl,
  serializeTransformation,
  type Transformation,
  TransformationParseError,
  verifyDeliverySignature,
} from '@kumo/core';
import type { Asset, AssetIdentity } from '../../catalog/asset.js';
import type { AssetCatalog } from '../../catalog/asset-catalog.js';
import type { DerivedAsset } from '../../catalog/derived-catalog.js';
import type { TransformationCatalog } from '../../catalog/transformation-catalog.js';
import type { Config } from '../../config.js';
import { renderImage } from '../../render/image/index.js';
import { deliveryPath } from '../asset-response.js';
import type { Credentials } from '../credentials.js';
import type { TempFiles } from '../temp-files.js';
import { contentTypeOf, sameFormat } from './content-types.js';
import { DeliveryError } from './delivery-error.js';
import type { DerivedStore } from './derived-store.js';
import { HotCache } from './hot-cache.js';
import { RenderInputs } from './render-context.js';
import { isNamedOnly, type RequestHints, variantOf } from './render-inputs.js';
import { RenderQueue } from './render-queue.js';
import { SingleFlight } from './single-flight.js';
import { tagList } from './tag-list.js';

/** A delivery request as the route read it. */
export interface DeliveryRequest extends RequestHints {
  /** The request path with its query string, exactly as received. */
  readonly path: string;
  /** Set by the server itself (eager transformations): no signature or strict-mode checks. */
  readonly trusted?: boolean;
}

/** Where the response bytes are: a stored blob, or bytes just rendered. */
export type DeliveryBody =
  | { readonly kind: 'blob'; readonly storageKey: string }
  | { readonly kind: 'bytes'; readonly data: Buffer };

/** Everything the route needs to answer, without HTTP objects. */
export interface DeliveryResult {
  readonly body: DeliveryBody;
  readonly bytes: number;
  readonly contentType: string;
  /** Output format and size, when known. */
  readonly format?: string;
  readonly width?: number;
  readonly height?: number;
  /** Strong validator, without quotes. */
  readonly etag: string;
  /** Seconds; `immutable` says the URL can never change content (it carries a version). */
  readonly maxAge: number;
  readonly immutable: boolean;
  readonly vary: readonly string[];
  readonly attachment?: { readonly filename?: string };
  /**
   * `original`, `cache` (stored derived), `memory` (this process's hot cache), `render` (rendered
   * now), `shared` (another request's render), `generated` (tag lists).
   */
  readonly source: 'original' | 'cache' | 'memory' | 'render' | 'shared' | 'generated';
}

/** What a renderer produced: bytes or a finished local file (consumed when stored). */
export interface Rendered {
  readonly data?: Buffer;
  readonly file?: string;
  readonly format: string;
  readonly contentType: string;
  readonly width?: number;
  readonly height?: number;
  readonly vary?: readonly string[];
  readonly attachment?: { readonly filename?: string };
  readonly meta?: Record<string, unknown>;
}

/** A renderer the service hands non-image work to (video transcodes, posters, HLS, storyboards). */
export interface VideoDelivery {
  deliver(job: DerivedJob): Promise<DeliveryResult>;
  /** A stored HLS rendition playlist or segment named by a URL under its master's, if any. */
  hlsFile(
    parsed: ParsedDeliveryUrl,
    canonical: string,
    job: Pick<DerivedJob, 'cacheControl'>,
  ): Promise<DeliveryResult | undefined>;
}

/** One derived rendering to produce, as the service resolved it from the URL. */
export interface DerivedJob {
  readonly asset: Asset;
  readonly parsed: ParsedDeliveryUrl;
  readonly transformation: Transformation;
  readonly canonical: string;
  readonly format: string;
  readonly hints: RequestHints;
  readonly cacheControl: { maxAge: number; immutable: boolean };
}

const IMMUTABLE_MAX_AGE = 31_536_000;
const STORED_TYPES = new Set(['upload', 'private', 'authenticated']);
const HOT_ENTRY_BYTES = 512 * 1024;
// Bounds how long a deletion made by another process can go unnoticed by this one's memory cache.
const HOT_TTL_MS = 60_000;

/**
 * Delivery URLs: resolves the asset, checks signatures and access, serves originals, and renders,
 * stores and serves derived assets (once per key per process, within the render queue).
 */
export class DeliveryService {
  readonly queue: RenderQueue;
  private readonly flight = new SingleFlight<{ derived: DerivedAsset; data?: Buffer }>();
  video?: VideoDelivery;
  private readonly hot: HotCache;
  private readonly inputs: RenderInputs;
  private readonly storing = new Set<Promise<unknown>>();

  constructor(
    private readonly config: Config,
    private readonly credentials: Credentials,
    private readonly assets: AssetCatalog,
    private readonly named: TransformationCatalog,
    readonly store: DerivedStore,
    private readonly temp: TempFiles,
  ) {
    this.queue = new RenderQueue(config.delivery.renderConcurrency, config.delivery.renderQueue);
    this.inputs = new RenderInputs(config, assets, named, store, temp);
    this.hot = new HotCache(config.delivery.hotCacheBytes, HOT_ENTRY_BYTES, HOT_TTL_MS);
  }

  async deliver(request: DeliveryRequest): Promise<DeliveryResult> {
    const key = request.trusted ? undefined : hotKey(request);
    const hit = key === undefined ? undefined : this.hot.get(key);
    if (hit) return { ...hit, source: 'memory' };
    const result = await this.resolve(request);
    if (key === undefined || result.source !== 'cache' || result.body.kind !== 'blob') return result;
    if (result.bytes > this.hot.maxEntryBytes) return result;
    const storageKey = result.body.storageKey;
    const data = await this.store.readAll(storageKey);
    const loaded: DeliveryResult = { ...result, body: { kind: 'bytes', data }, bytes: data.length };
    this.hot.set(key, storageKey, loaded);
    return loaded;
  }

  /** Called by the catalog when derived assets were deleted (with their asset). */
  forgetDerived(storageKeys: readonly string[]): void {
    this.hot.forget(storageKeys);
  }

  private async resolve(request: DeliveryRequest): Promise<DeliveryResult> {
    const parsed = parseDeliveryPath(request.path);
    if (!this.credentials.cloudNames().includes(parsed.cloudName))
      throw new DeliveryError(404, `Unknown cloud ${parsed.cloudName}`);
    if (parsed.type === 'list') return this.list(parsed);
    const transformation = parseChain(parsed.transformation);
    const canonical = transformation.length ? serializeTransformation(transformation) : '';
    const signed = request.trusted === true || parsed.signature !== undefined;
    // HLS playlists and segments carry their master's signature (they are relative to its URL).
    let signedForHlsOnly = false;
    if (!request.trusted && parsed.signature !== undefined && !this.signatureValid(parsed)) {
      signedForHlsOnly = this.hlsSignatureValid(parsed);
      if (!signedForHlsOnly) throw new DeliveryError(401, 'Invalid signature for this delivery URL');
    }
    const cacheControl = {
      maxAge: parsed.version !== undefined ? IMMUTABLE_MAX_AGE : this.config.delivery.unversionedMaxAge,
      immutable: parsed.version !== undefined,
    };
    if (parsed.type === 'fetch') {
      if (parsed.resourceType !== 'image') throw new DeliveryError(404, 'Only images can be fetched');
      return this.fetched(parsed, transformation, canonical, request, signed);
    }
    if (!STORED_TYPES.has(parsed.type))
      throw new DeliveryError(404, `Unsupported delivery type ${parsed.type}`);
    if (parsed.type === 'authenticated' && !signed)
      throw new DeliveryError(401, 'Authenticated assets need a signed URL');

    let asset = await this.assets.get({
      cloud: parsed.cloudName,
      resourceType: parsed.resourceType,
      type: parsed.type,
      publicId: parsed.publicId,
    });
    if ((!asset || signedForHlsOnly) && this.video && isHlsFile(parsed)) {
      const file = await this.video.hlsFile(parsed, canonical, { cacheControl });
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
      return this.original(asset, cacheControl);
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
      if (!signed) {
        // Transcodes, posters and HLS masters are keyed without a variant.
        const id = this.derivedId(asset.assetId, asset.versionId, canonical, format, '');
        await this.requireAllowed(parsed.cloudName, transformation, canonical, await this.store.get(id));
      }
      return this.video.deliver(job);
    }
    return this.derivedImage(job, signed);
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
  async stored(): Promise<void> {
    await Promise.allSettled([...this.storing]);
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
    return createHash('sha256')
      .update(JSON.stringify([assetId, versionId, canonical, format, variant]))
      .digest('hex')
      .slice(0, 32);
  }

  /**
   * Finds a derived asset, or renders and stores it: once per key in this process (concurrent
   * requests share the render), inside the render queue.
   */
  async renderOnce(
    key: {
      asset: Pick<Asset, 'assetId' | 'versionId' | 'cloud'>;
      canonical: string;
      format: string;
      variant: string;
    },
    render: () => Promise<Rendered>,
  ): Promise<{ derived: DerivedAsset; data?: Buffer; source: DeliveryResult['source'] }> {
    const { asset, canonical, format, variant } = key;
    const id = this.derivedId(asset.assetId, asset.versionId, canonical, format, variant);
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
      // Bytes in memory are answered at once; storing them (fsync, catalog row) happens meanwhile,
      // and requests arriving before it is done share these bytes.
      const data = result.data ?? Buffer.alloc(0);
      const etag = createHash('sha1').update(data).digest('base64url');
      const provisional: DerivedAsset = {
        ...entry,
        storageKey: '',
        bytes: data.length,
        etag,
        createdAt: new Date().toISOString(),
      };
      const settled = this.store.storeBytes(entry, data, etag);
      this.storing.add(settled);
      void settled.catch(() => undefined).finally(() => this.storing.delete(settled));
      return { value: { derived: provisional, data }, settled };
    });
    return { ...value, source: shared ? 'shared' : 'render' };
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
    return this.renderOnce({ asset, canonical, format, variant }, async () => {
      const context = await this.imageContext(asset.cloud, transformation, hints, asset.tags);
      return this.store.withInput(asset.storageKey, (input) =>
        renderImage(input, transformation, { ...context, ...(format ? { format } : {}) }),
      );
    });
  }

  /** Whether unsigned URLs of this cloud may only use allowed transformations. */
  isStrict(cloud: string): boolean {
    const strict = this.config.delivery.strictTransformations;
    return strict === true || (Array.isArray(strict) && strict.includes(cloud));
  }

  /**
   * Strict mode: an unsigned URL may render named transformations, transformations marked
   * `allowed_for_strict`, and anything already derived (eager ones included).
   */
  async requireAllowed(
    cloud: string,
    transformation: Transformation,
    canonical: string,
    existing: DerivedAsset | undefined,
  ): Promise<void> {
    if (!this.isStrict(cloud) || !canonical || existing) return;
    if (isNamedOnly(transformation)) return;
    if (await this.named.isAllowedForStrict(cloud, canonical)) return;
    throw new DeliveryError(401, `Transformation ${canonical} is not allowed (strict transformations)`);
  }

  private async derivedImage(job: DerivedJob, signed: boolean): Promise<DeliveryResult> {
    const { asset, transformation, canonical, format, hints } = job;
    // The derived lookup only matters to strict mode; outside it renderOnce does the one lookup needed.
    if (!signed && this.isStrict(asset.cloud)) {
      const id = this.derivedId(
        asset.assetId,
        asset.versionId,
        canonical,
        format,
        variantOf(transformation, hints),
      );
      await this.requireAllowed(asset.cloud, transformation, canonical, await this.store.get(id));
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
    signed: boolean,
  ): Promise<DeliveryResult> {
    const url = parsed.publicId;
    const assetId = `fetch-${createHash('sha256').update(`${parsed.cloudName}\n${url}`).digest('hex').slice(0, 32)}`;
    const format = parsed.format ?? '';
    const variant = variantOf(transformation, hints);
    const id = this.derivedId(assetId, '', canonical, format, variant);
    const cacheControl = { maxAge: this.config.delivery.unversionedMaxAge, immutable: false };
    if (!signed && !(await this.store.get(id)))
      await this.requireAllowed(parsed.cloudName, transformation, canonical, undefined);
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
      (await this.assets.get({ ...identity, publicId })) ??
      (dot > 0 ? await this.assets.get({ ...identity, publicId: publicId.slice(0, dot) }) : undefined)
    );
  }

  private original(asset: Asset, cacheControl: { maxAge: number; immutable: boolean }): DeliveryResult {
    const extension =
      asset.resourceType === 'raw' ? asset.publicId.slice(asset.publicId.lastIndexOf('.') + 1) : asset.format;
    return {
      body: { kind: 'blob', storageKey: asset.storageKey },
      bytes: asset.bytes,
      contentType: contentTypeOf(
        asset.resourceType === 'raw' && !asset.publicId.includes('.') ? '' : extension,
      ),
      format: asset.format,
      ...(asset.width !== undefined ? { width: asset.width } : {}),
      ...(asset.height !== undefined ? { height: asset.height } : {}),
      etag: asset.etag,
      ...cacheControl,
      vary: [],
      source: 'original',
    };
  }

  private async list(parsed: ParsedDeliveryUrl): Promise<DeliveryResult> {
    if (parsed.format !== 'json' || parsed.transformation)
      throw new DeliveryError(404, 'Tag lists are delivered as <tag>.json');
    const data = await tagList(this.assets, parsed.cloudName, parsed.resourceType, parsed.publicId);
    return {
      body: { kind: 'bytes', data },
      bytes: data.length,
      contentType: 'application/json; charset=utf-8',
      etag: createHash('sha1').update(data).digest('base64url'),
      maxAge: Math.min(60, this.config.delivery.unversionedMaxAge),
      immutable: false,
      vary: [],
      source: 'generated',
    };
  }

  /** Whether the signature is the one of the HLS master this playlist or segment belongs to. */
  private hlsSignatureValid(parsed: ParsedDeliveryUrl): boolean {
    if (!isHlsFile(parsed)) return false;
    const master = parsed.signedPart.replace(/\.[A-Za-z0-9_-]+\.(?:m3u8|ts)$/, '.m3u8');
    return master !== parsed.signedPart && this.signatureValid({ ...parsed, signedPart: master });
  }

  private signatureValid(parsed: ParsedDeliveryUrl): boolean {
    const keys = this.credentials.keysOf(parsed.cloudName);
    return keys.some(
      (key) =>
        verifyDeliverySignature(parsed, key.secret, 'sha1') ||
        verifyDeliverySignature(parsed, key.secret, 'sha256'),
    );
  }
}

/** The response for a stored derived asset (with its bytes when they were just rendered). */
export function fromDerived(
  derived: DerivedAsset,
  data: Buffer | undefined,
  source: DeliveryResult['source'],
  cacheControl: { maxAge: number; immutable: boolean },
): DeliveryResult {
  return {
    body: data ? { kind: 'bytes', data } : { kind: 'blob', storageKey: derived.storageKey },
    bytes: derived.bytes,
    contentType: derived.contentType,
    ...(derived.meta.outputFormat ? { format: derived.meta.outputFormat } : {}),
    ...(derived.width !== undefined ? { width: derived.width } : {}),
    ...(derived.height !== undefined ? { height: derived.height } : {}),
    etag: derived.etag,
    ...cacheControl,
    vary: derived.meta.vary ?? [],
    ...(derived.meta.attachment ? { attachment: derived.meta.attachment } : {}),
    source,
  };
}

/** The request as far as a response can depend on it: path, `Accept` and client hints. */
function hotKey(request: DeliveryRequest): string {
  const { dpr, width, viewportWidth } = request.clientHints;
  return [request.path, request.accept ?? '', dpr ?? '', width ?? '', viewportWidth ?? ''].join('\n');
}

function isHlsFile(parsed: ParsedDeliveryUrl): boolean {
  return parsed.resourceType === 'video' && (parsed.format === 'm3u8' || parsed.format === 'ts');
}

function parseDeliveryPath(path: string): ParsedDeliveryUrl {
  let parsed: ParsedDeliveryUrl;
  try {
    parsed = parseUrl(path);
  } catch (error) {
    if (error instanceof DeliveryUrlError) throw new DeliveryError(400, error.message);
    throw error;
  }
  if (parsed.pathForm !== 'standard') throw new DeliveryError(404, 'Not a delivery URL');
  return parsed;
}

function parseChain(text: string): Transformation {
  if (!text) return [];
  try {
    return parseTransformation(text);
  } catch (error) {
    if (error instanceof TransformationParseError || error instanceof Error)
      throw new DeliveryError(400, `Invalid transformation: ${error.message}`);
    throw error;
  }
}
