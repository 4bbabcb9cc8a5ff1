import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RenderError } from '../render/image/index.js';
import { DeliveryError } from '../services/delivery/delivery-error.js';
import type { DeliveryService } from '../services/delivery/delivery-service.js';
import type { DeliveryRequest, DeliveryResult } from '../services/delivery/delivery-types.js';
import { RenderQueueFullError } from '../services/delivery/render-queue.js';
import { ServiceError } from '../services/service-error.js';
import { BlobNotFoundError } from '../storage/blob-storage.js';
import { parseByteRange } from './byte-range.js';
import { errorHeaderValue } from './delivery-path.js';
import { authTokensOf } from './delivery-tokens.js';

const RESOURCE_TYPES = new Set(['image', 'video', 'raw']);
// Ask browsers for the hints `dpr_auto` and `w_auto` use.
const ACCEPT_CH = 'Sec-CH-DPR, Sec-CH-Width, Sec-CH-Viewport-Width, DPR, Width, Viewport-Width';
const VARY_ALIASES: Record<string, string[]> = {
  accept: ['Accept'],
  dpr: ['DPR', 'Sec-CH-DPR'],
  width: ['Width', 'Sec-CH-Width'],
  'viewport-width': ['Viewport-Width', 'Sec-CH-Viewport-Width'],
};

/**
 * `GET|HEAD /:cloud/:resource_type/:type/[s--SIG--/][transformations/][v<version>/]<public_id>[.<ext>]`
 * and `/:cloud/:resource_type/list/<tag>.json`. Responses carry no cookies and depend only on the URL
 * and the headers listed in `Vary`, so a CDN or nginx can cache them; except those an auth token
 * opened (`__cld_token__` query parameter or cookie), which are `private`.
 */
export function registerDeliveryRoutes(app: FastifyInstance, delivery: DeliveryService): void {
  app.route({
    method: ['GET', 'HEAD'],
    url: '/:cloud/:resource_type/*',
    handler: async (request, reply) => {
      const { resource_type } = request.params as { resource_type: string };
      if (!RESOURCE_TYPES.has(resource_type)) return reply.callNotFound();
      let result: DeliveryResult;
      let answer: Answer;
      try {
        const authTokens = authTokensOf(request.url, headerOf(request, 'cookie'));
        const deliveryRequest: DeliveryRequest = {
          path: request.url,
          accept: headerOf(request, 'accept'),
          clientHints: clientHintsOf(request),
          ...(authTokens.length ? { authTokens, clientIp: request.ip } : {}),
        };
        result = await delivery.deliver(deliveryRequest);
        // The blob is opened before any header is written: one found missing is rendered again.
        let opened = await openAnswer(request, delivery, result);
        if (opened === 'missing') {
          result = await delivery.redeliver(deliveryRequest, result);
          opened = await openAnswer(request, delivery, result);
          if (opened === 'missing') throw new DeliveryError(404, 'Resource not found');
        }
        answer = opened;
      } catch (error) {
        return sendError(reply, error);
      }
      return sendResult(request, reply, result, answer, resource_type);
    },
  });
}

/** What a response sends besides the result's headers: the range asked for, and the body. */
interface Answer {
  readonly etag: string;
  readonly notModified: boolean;
  readonly range: { start: number; end: number } | 'unsatisfiable' | undefined;
  /** The opened blob, when the body is a stored blob and a body is sent. */
  readonly stream?: Readable;
}

/** Decides between 304, 416, 206 and 200 and opens the blob the body needs, if any. */
async function openAnswer(
  request: FastifyRequest,
  delivery: DeliveryService,
  result: DeliveryResult,
): Promise<Answer | 'missing'> {
  const etag = `"${result.etag}"`;
  const notModified = isNotModified(headerOf(request, 'if-none-match'), etag);
  const ifRange = headerOf(request, 'if-range');
  const range =
    ifRange === undefined || ifRange === etag
      ? parseByteRange(headerOf(request, 'range'), result.bytes)
      : undefined;
  const answer = { etag, notModified, range };
  if (notModified || range === 'unsatisfiable' || request.method === 'HEAD' || result.body.kind === 'bytes')
    return answer;
  try {
    return { ...answer, stream: await delivery.open(result.body.storageKey, range) };
  } catch (error) {
    if (error instanceof BlobNotFoundError) return 'missing';
    throw error;
  }
}

function sendResult(
  request: FastifyRequest,
  reply: FastifyReply,
  result: DeliveryResult,
  { etag, notModified, range, stream }: Answer,
  resourceType: string,
) {
  void reply.header('ETag', etag);
  void reply.header(
    'Cache-Control',
    `${result.private ? 'private' : 'public'}, max-age=${result.maxAge}${result.immutable ? ', immutable' : ''}`,
  );
  const vary = result.vary.flatMap((name) => VARY_ALIASES[name.toLowerCase()] ?? [name]);
  // Replaces the CORS plugin's `Vary: Origin`: delivery always answers `Access-Control-Allow-Origin: *`.
  if (vary.length) void reply.header('Vary', vary.join(', '));
  else void reply.removeHeader('Vary');
  if (resourceType === 'image') void reply.header('Accept-CH', ACCEPT_CH);
  void reply.header('X-Kumo-Render', result.source);
  if (notModified) return reply.status(304).send();

  void reply.header('Content-Type', result.contentType);
  void reply.header('Accept-Ranges', 'bytes');
  if (result.attachment) void reply.header('Content-Disposition', attachmentHeader(request.url, result));

  if (range === 'unsatisfiable') {
    void reply.header('Content-Range', `bytes */${result.bytes}`);
    void reply.header('Content-Type', 'application/json; charset=utf-8');
    return sendError(reply, new DeliveryError(416, 'Requested range not satisfiable'));
  }
  const head = request.method === 'HEAD';
  if (range) {
    void reply.status(206);
    void reply.header('Content-Range', `bytes ${range.start}-${range.end}/${result.bytes}`);
    void reply.header('Content-Length', String(range.end - range.start + 1));
    if (head) return reply.send();
    if (result.body.kind === 'bytes')
      return reply.send(result.body.data.subarray(range.start, range.end + 1));
    return reply.send(stream);
  }
  void reply.header('Content-Length', String(result.bytes));
  if (head) return reply.send();
  if (result.body.kind === 'bytes') return reply.send(result.body.data);
  return reply.send(stream);
}

function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** `attachment; filename="<name>.<ext>"`, named by `fl_attachment:<name>` or the URL's last segment. */
function attachmentHeader(url: string, result: DeliveryResult): string {
  const last = url.split('?')[0]!.split('/').pop() ?? 'download';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Keep the raw segment; it is only a suggested file name.
  }
  const dot = name.lastIndexOf('.');
  if (result.attachment?.filename) name = result.attachment.filename + (dot > 0 ? name.slice(dot) : '');
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

function sendError(reply: FastifyReply, error: unknown) {
  const { status, message, retryAfter } = describeError(error);
  const safe = errorHeaderValue(message);
  void reply.header('X-Kumo-Error', safe);
  void reply.header('X-Cld-Error', safe);
  void reply.header('Cache-Control', 'no-cache');
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  return reply.status(status).type('application/json; charset=utf-8').send({ error: { message } });
}

function describeError(error: unknown): { status: number; message: string; retryAfter?: number } {
  if (error instanceof DeliveryError)
    return { status: error.status, message: error.message, retryAfter: error.retryAfterSeconds };
  if (error instanceof RenderQueueFullError)
    return { status: 503, message: error.message, retryAfter: error.retryAfterSeconds };
  if (error instanceof RenderError || error instanceof ServiceError)
    return { status: error.status, message: error.message };
  if (error instanceof BlobNotFoundError) return { status: 404, message: 'Resource not found' };
  const status = (error as { status?: unknown }).status;
  // Video rendering errors carry their own status (400, 404, 501, 503).
  if (typeof status === 'number' && status >= 400 && status < 600 && error instanceof Error) {
    return { status, message: error.message, ...(status === 503 ? { retryAfter: 5 } : {}) };
  }
  throw error;
}

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function clientHintsOf(request: FastifyRequest) {
  const number = (...names: string[]) => {
    for (const name of names) {
      const value = Number(headerOf(request, name));
      if (Number.isFinite(value) && value > 0 && value < 100_000) return value;
    }
    return undefined;
  };
  const dpr = number('sec-ch-dpr', 'dpr');
  const width = number('sec-ch-width', 'width');
  const viewportWidth = number('sec-ch-viewport-width', 'viewport-width');
  return {
    ...(dpr !== undefined ? { dpr } : {}),
    ...(width !== undefined ? { width } : {}),
    ...(viewportWidth !== undefined ? { viewportWidth } : {}),
  };
}
