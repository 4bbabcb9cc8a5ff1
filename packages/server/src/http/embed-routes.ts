import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/** Entry names stay the same across releases: pages cache them briefly and revalidate. */
const ENTRY_CACHE = 'public, max-age=300, stale-while-revalidate=86400';
/** Chunk names carry a content hash, so a name never changes meaning. */
const HASHED_CACHE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** esbuild's `[name]-[hash]` names: eight base-32 characters before the extension. */
const HASHED_NAME = /-[A-Z0-9]{8}\.m?js(?:\.map)?$/;
/** Plain relative paths only: no `..`, no empty or dot segments, no backslashes or encoded tricks. */
const SAFE_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Buffer;
  readonly etag: string;
}

/**
 * Where kumo.js was built: `KUMO_EMBED_DIR`, else `dist/browser` of the installed `@kumo/embed`
 * (found by module resolution, so the server never loads element code). Undefined when neither exists.
 */
export function locateEmbedDir(config: Pick<Config, 'embedDir'>): string | undefined {
  if (config.embedDir) return config.embedDir;
  try {
    const manifest = fileURLToPath(import.meta.resolve('@kumo/embed/package.json'));
    return path.join(path.dirname(manifest), 'dist', 'browser');
  } catch {
    return undefined;
  }
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/**
 * `GET /embed/kumo.js`, `/embed/kumo.mjs` and the chunks they load: the script-tag build of Kumo's
 * elements, for any origin (`Access-Control-Allow-Origin: *`, since module chunks load with CORS).
 */
export function registerEmbedRoutes(app: FastifyInstance, config: Pick<Config, 'embedDir'>): void {
  const root = locateEmbedDir(config);
  const files = new Map<string, CachedFile>();

  const notFound = (reply: FastifyReply, message: string) =>
    reply
      .status(404)
      .header('access-control-allow-origin', '*')
      .header('cache-control', 'no-store')
      .send({ error: { message } });

  const read = async (file: string): Promise<CachedFile | undefined> => {
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const cached = files.get(file);
    if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const entry = { mtimeMs: info.mtimeMs, size: info.size, body, etag };
    files.set(file, entry);
    return entry;
  };

  app.get('/embed/*', async (request: FastifyRequest<{ Params: { '*': string } }>, reply) => {
    const name = request.params['*'];
    const extension = path.extname(name);
    if (!SAFE_PATH.test(name) || !CONTENT_TYPES[extension])
      return notFound(reply, `Not found: /embed/${name}`);
    if (!root)
      return notFound(
        reply,
        'kumo.js is not available: @kumo/embed is not installed here; set KUMO_EMBED_DIR to its dist/browser folder.',
      );
    const file = path.resolve(root, name);
    if (!file.startsWith(root + path.sep)) return notFound(reply, `Not found: /embed/${name}`);
    const entry = await read(file);
    if (!entry) {
      const built = await stat(path.join(root, 'kumo.js')).catch(() => undefined);
      return notFound(
        reply,
        built
          ? `Not found: /embed/${name}`
          : `kumo.js is not built: run \`npm run build\` (node packages/embed/scripts/build.mjs) or set KUMO_EMBED_DIR.`,
      );
    }
    void reply
      .header('content-type', CONTENT_TYPES[extension]!)
      .header('cache-control', HASHED_NAME.test(name) ? HASHED_CACHE : ENTRY_CACHE)
      .header('etag', entry.etag)
      .header('access-control-allow-origin', '*')
      .header('x-content-type-options', 'nosniff');
    if (etagMatches(request.headers['if-none-match'], entry.etag)) return reply.status(304).send();
    return reply.send(entry.body);
  });
}
