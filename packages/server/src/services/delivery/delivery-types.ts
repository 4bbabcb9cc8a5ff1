import type { ParsedDeliveryUrl, Transformation } from '@kumo/core';
import type { Asset } from '../../catalog/asset.js';
import type { RequestHints } from './render-inputs.js';

/** A delivery request as the route read it. */
export interface DeliveryRequest extends RequestHints {
  /** The request path with its query string, exactly as received. */
  readonly path: string;
  /** Set by the server itself (eager transformations): no signature or strict-mode checks. */
  readonly trusted?: boolean;
  /**
   * `__cld_token__` values the request carries, in the order to try them: the query parameter as
   * written (not percent-decoded), then the cookie.
   */
  readonly authTokens?: readonly string[];
  /** The client's address, for tokens bound to one. */
  readonly clientIp?: string;
}

/** Where the response bytes are: a stored blob, or bytes just rendered. */
export type DeliveryBody =
  | { readonly kind: 'blob'; readonly storageKey: string }
  | { readonly kind: 'bytes'; readonly data: Buffer };

/** `Cache-Control` of a response: `immutable` says the URL can never change content (it has a version). */
export interface CacheControl {
  readonly maxAge: number;
  readonly immutable: boolean;
}

/** Everything the route needs to answer, without HTTP objects. */
export interface DeliveryResult extends CacheControl {
  readonly body: DeliveryBody;
  readonly bytes: number;
  readonly contentType: string;
  /** Output format and size, when known. */
  readonly format?: string;
  readonly width?: number;
  readonly height?: number;
  /** Strong validator, without quotes. */
  readonly etag: string;
  readonly vary: readonly string[];
  readonly attachment?: { readonly filename?: string };
  /**
   * The response was opened by an auth token (possibly a cookie): only the client may keep it, and
   * shared caches must not, since the URL alone does not say who may see it.
   */
  readonly private?: boolean;
  /** The derived asset answered from storage, so that a blob found missing can be rendered again. */
  readonly derivedId?: string;
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

/** One derived rendering to produce, as the service resolved it from the URL. */
export interface DerivedJob {
  readonly asset: Asset;
  readonly parsed: ParsedDeliveryUrl;
  readonly transformation: Transformation;
  readonly canonical: string;
  readonly format: string;
  readonly hints: RequestHints;
  readonly cacheControl: CacheControl;
}

/** A renderer the service hands non-image work to (video transcodes, posters, HLS, storyboards). */
export interface VideoDelivery {
  deliver(job: DerivedJob): Promise<DeliveryResult>;
  /**
   * A stored HLS rendition playlist or segment named by a URL under its master's, if any; with
   * `encodeAgain`, a file whose row is missing is made by encoding the ladder again.
   */
  hlsFile(
    parsed: ParsedDeliveryUrl,
    job: Pick<DerivedJob, 'transformation' | 'canonical' | 'cacheControl'>,
    encodeAgain: boolean,
  ): Promise<DeliveryResult | undefined>;
}
