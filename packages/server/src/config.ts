import os from 'node:os';
import path from 'node:path';
import type { S3StorageOptions } from './storage/s3-storage.js';
import { parseS3StorageUrl, S3StorageConfigError } from './storage/s3-url.js';

/** One API key of a cloud; the secret never leaves the server. */
export interface ApiKey {
  readonly key: string;
  readonly secret: string;
}

/** A tenant, named like a Cloudinary cloud (`cloud_name`), with one or more API keys. */
export interface Cloud {
  readonly name: string;
  readonly keys: readonly ApiKey[];
}

export type DatabaseConfig =
  | { readonly kind: 'sqlite'; readonly file: string }
  | { readonly kind: 'postgres'; readonly url: string };

export type StorageConfig =
  | { readonly kind: 'local'; readonly root: string }
  | { readonly kind: 's3'; readonly options: S3StorageOptions };

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Empty when no `KUMO_URL` was given: the CLI then generates and persists a development pair. */
  readonly clouds: readonly Cloud[];
  readonly database: DatabaseConfig;
  readonly storage: StorageConfig;
  /** Origins allowed to call the Admin API and the signing endpoint; the Upload API allows any origin. */
  readonly corsOrigins: readonly string[];
  /** Largest accepted asset, whole or assembled from chunks. */
  readonly maxFileBytes: number;
  /** Largest url-encoded or JSON body, which is where data URIs arrive. */
  readonly maxBodyBytes: number;
  readonly remoteFetch: {
    /** `host` or `host:port` entries that may be fetched even though they resolve to private addresses. */
    readonly allow: readonly string[];
    readonly timeoutMs: number;
    readonly maxRedirects: number;
  };
  /** Admin API calls allowed per key and hour (Cloudinary's paid plans allow 2000). */
  readonly adminRateLimit: number;
  /** Blobs without a catalog row are deleted once they are this old (uploads in flight are younger). */
  readonly orphanGraceMs: number;
  readonly webhooks: {
    /** Receives every notification, besides per-request `notification_url`s. */
    readonly globalUrl?: string;
    readonly retryDelayMs: number;
    readonly maxAttempts: number;
  };
  /** Policy of the built-in `POST /api/sign` endpoint. */
  readonly signing: {
    readonly folder?: string;
    readonly tags?: readonly string[];
    readonly maxFileBytes?: number;
  };
  /** Tokens of `POST /api/media-library/token`. */
  readonly mediaLibrary: { readonly ttlSeconds: number; readonly allowWrite: boolean };
  /** Abandoned chunked uploads older than this are deleted. */
  readonly chunkTtlMs: number;
  /** Base of the delivery URLs in responses; derived from each request when absent. */
  readonly publicUrl?: string;
  readonly samples: boolean;
  /** Folder kumo.js is served from (`/embed/*`); the built `@kumo/embed` package's `dist/browser` when absent. */
  readonly embedDir?: string;
  readonly delivery: DeliveryConfig;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** Settings of the delivery routes (`/<cloud>/<resource_type>/<type>/…`). */
export interface DeliveryConfig {
  /** Renders running at once in this process. */
  readonly renderConcurrency: number;
  /** Renders waiting for a slot; past this a request gets 503 with `Retry-After`. */
  readonly renderQueue: number;
  /** Largest original or layer decoded, in pixels. */
  readonly maxInputPixels: number;
  /** Largest rendered image, in pixels. */
  readonly maxOutputPixels: number;
  /** `true` for every cloud, or the clouds whose unsigned URLs may only use allowed transformations. */
  readonly strictTransformations: boolean | readonly string[];
  /** `max-age` in seconds for URLs without a version component. */
  readonly unversionedMaxAge: number;
  /** `host` or `host:port` entries the `fetch` delivery type may load images from. */
  readonly fetchHosts: readonly string[];
  /** Memory for recently served small derived assets (0 turns the in-process cache off). */
  readonly hotCacheBytes: number;
  /**
   * Hex key of `__cld_token__` tokens, which open `authenticated` assets as signed URLs do; without
   * it only signed URLs do.
   */
  readonly authTokenKey?: string;
}

/** Raised for configuration that must stop start-up; the message names the offending setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const KNOWN_VARIABLES = new Set([
  'KUMO_URL',
  'KUMO_HOST',
  'KUMO_DATA_DIR',
  'KUMO_DATABASE_URL',
  'KUMO_STORAGE',
  'KUMO_CORS_ORIGINS',
  'KUMO_MAX_FILE_BYTES',
  'KUMO_MAX_BODY_BYTES',
  'KUMO_FETCH_ALLOW',
  'KUMO_FETCH_TIMEOUT_MS',
  'KUMO_CHUNK_TTL_HOURS',
  'KUMO_ADMIN_RATE_LIMIT',
  'KUMO_ORPHAN_GRACE_SECONDS',
  'KUMO_NOTIFICATION_URL',
  'KUMO_ML_TOKEN_TTL_SECONDS',
  'KUMO_ML_TOKEN_WRITE',
  'KUMO_SIGN_FOLDER',
  'KUMO_SIGN_TAGS',
  'KUMO_SIGN_MAX_FILE_BYTES',
  'KUMO_WEBHOOK_RETRY_SECONDS',
  'KUMO_WEBHOOK_ATTEMPTS',
  'KUMO_PUBLIC_URL',
  'KUMO_SAMPLES',
  'KUMO_LOG_LEVEL',
  'KUMO_RENDER_CONCURRENCY',
  'KUMO_RENDER_QUEUE',
  'KUMO_MAX_INPUT_PIXELS',
  'KUMO_MAX_OUTPUT_PIXELS',
  'KUMO_STRICT_TRANSFORMATIONS',
  'KUMO_UNVERSIONED_MAX_AGE',
  'KUMO_FETCH_HOSTS',
  'KUMO_AUTH_TOKEN_KEY',
  'KUMO_HOT_CACHE_MB',
  'KUMO_EMBED_DIR',
]);

const FLAGS: Record<string, string> = {
  '--port': 'PORT',
  '--host': 'KUMO_HOST',
  '--data-dir': 'KUMO_DATA_DIR',
  '--database-url': 'KUMO_DATABASE_URL',
  '--storage': 'KUMO_STORAGE',
  '--cors-origins': 'KUMO_CORS_ORIGINS',
  '--public-url': 'KUMO_PUBLIC_URL',
  '--max-file-bytes': 'KUMO_MAX_FILE_BYTES',
  '--log-level': 'KUMO_LOG_LEVEL',
};

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Builds the configuration from environment variables and command-line flags (flags win).
 * Anything unknown or malformed throws a `ConfigError` so a typo never starts a misconfigured server.
 */
export function resolveConfig(env: Record<string, string | undefined>, argv: readonly string[] = []): Config {
  const settings = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith('KUMO_') || value === undefined) continue;
    if (!KNOWN_VARIABLES.has(name)) throw new ConfigError(`Unknown configuration variable ${name}`);
    settings.set(name, value);
  }
  if (env.PORT !== undefined) settings.set('PORT', env.PORT);
  applyFlags(argv, settings);

  const dataDir = path.resolve(settings.get('KUMO_DATA_DIR') || './.kumo-data');
  return {
    port: parseInteger('PORT', settings.get('PORT') ?? '3000', 0, 65535),
    host: settings.get('KUMO_HOST') || '127.0.0.1',
    dataDir,
    clouds: parseKumoUrls(settings.get('KUMO_URL') ?? ''),
    database: parseDatabase(settings.get('KUMO_DATABASE_URL'), dataDir),
    storage: parseStorage(settings.get('KUMO_STORAGE'), dataDir),
    corsOrigins: parseOrigins(settings.get('KUMO_CORS_ORIGINS') ?? ''),
    maxFileBytes: parseInteger(
      'KUMO_MAX_FILE_BYTES',
      settings.get('KUMO_MAX_FILE_BYTES') ?? String(2 ** 31),
      1,
    ),
    maxBodyBytes: parseInteger(
      'KUMO_MAX_BODY_BYTES',
      settings.get('KUMO_MAX_BODY_BYTES') ?? String(85 * 2 ** 20),
      1024,
    ),
    remoteFetch: {
      allow: splitList(settings.get('KUMO_FETCH_ALLOW') ?? '').map((entry) => entry.toLowerCase()),
      timeoutMs: parseInteger('KUMO_FETCH_TIMEOUT_MS', settings.get('KUMO_FETCH_TIMEOUT_MS') ?? '30000', 100),
      maxRedirects: 5,
    },
    adminRateLimit: parseInteger('KUMO_ADMIN_RATE_LIMIT', settings.get('KUMO_ADMIN_RATE_LIMIT') ?? '5000', 1),
    webhooks: {
      globalUrl: parsePublicUrl(settings.get('KUMO_NOTIFICATION_URL'), 'KUMO_NOTIFICATION_URL'),
      retryDelayMs:
        parseInteger('KUMO_WEBHOOK_RETRY_SECONDS', settings.get('KUMO_WEBHOOK_RETRY_SECONDS') ?? '60', 0) *
        1000,
      maxAttempts: parseInteger(
        'KUMO_WEBHOOK_ATTEMPTS',
        settings.get('KUMO_WEBHOOK_ATTEMPTS') ?? '8',
        1,
        100,
      ),
    },
    signing: {
      folder: settings.get('KUMO_SIGN_FOLDER') || undefined,
      tags: settings.get('KUMO_SIGN_TAGS') ? splitList(settings.get('KUMO_SIGN_TAGS')!) : undefined,
      maxFileBytes: settings.has('KUMO_SIGN_MAX_FILE_BYTES')
        ? parseInteger('KUMO_SIGN_MAX_FILE_BYTES', settings.get('KUMO_SIGN_MAX_FILE_BYTES')!, 1)
        : undefined,
    },
    mediaLibrary: {
      ttlSeconds: parseInteger(
        'KUMO_ML_TOKEN_TTL_SECONDS',
        settings.get('KUMO_ML_TOKEN_TTL_SECONDS') ?? '600',
        10,
        86_400,
      ),
      allowWrite: parseBoolean('KUMO_ML_TOKEN_WRITE', settings.get('KUMO_ML_TOKEN_WRITE') ?? 'false'),
    },
    orphanGraceMs:
      parseInteger('KUMO_ORPHAN_GRACE_SECONDS', settings.get('KUMO_ORPHAN_GRACE_SECONDS') ?? '3600', 0) *
      1000,
    chunkTtlMs:
      parseInteger('KUMO_CHUNK_TTL_HOURS', settings.get('KUMO_CHUNK_TTL_HOURS') ?? '24', 1) * 3_600_000,
    publicUrl: parsePublicUrl(settings.get('KUMO_PUBLIC_URL')),
    samples: parseBoolean('KUMO_SAMPLES', settings.get('KUMO_SAMPLES') ?? 'true'),
    embedDir: settings.get('KUMO_EMBED_DIR') ? path.resolve(settings.get('KUMO_EMBED_DIR')!) : undefined,
    delivery: parseDelivery(settings),
    logLevel: parseLogLevel(settings.get('KUMO_LOG_LEVEL') ?? 'info'),
  };
}

function parseDelivery(settings: Map<string, string>): DeliveryConfig {
  const integer = (name: string, fallback: number, min: number, max?: number) =>
    parseInteger(name, settings.get(name) ?? String(fallback), min, max);
  const strict = settings.get('KUMO_STRICT_TRANSFORMATIONS') ?? 'false';
  return {
    renderConcurrency: integer('KUMO_RENDER_CONCURRENCY', os.availableParallelism(), 1, 1024),
    renderQueue: integer('KUMO_RENDER_QUEUE', 100, 0, 100_000),
    maxInputPixels: integer('KUMO_MAX_INPUT_PIXELS', 100_000_000, 1),
    maxOutputPixels: integer('KUMO_MAX_OUTPUT_PIXELS', 50_000_000, 1),
    strictTransformations: /^(1|true|yes|on|0|false|no|off)$/i.test(strict)
      ? parseBoolean('KUMO_STRICT_TRANSFORMATIONS', strict)
      : splitList(strict),
    unversionedMaxAge: integer('KUMO_UNVERSIONED_MAX_AGE', 3600, 0),
    fetchHosts: splitList(settings.get('KUMO_FETCH_HOSTS') ?? '').map((entry) => entry.toLowerCase()),
    hotCacheBytes: integer('KUMO_HOT_CACHE_MB', 64, 0, 1_000_000) * 2 ** 20,
    authTokenKey: parseAuthTokenKey(settings.get('KUMO_AUTH_TOKEN_KEY')),
  };
}

/** A token key as Cloudinary issues them: hex, here at least 128 bits so that it cannot be guessed. */
function parseAuthTokenKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const key = value.trim();
  if (!/^(?:[0-9a-fA-F]{2}){16,}$/.test(key))
    throw new ConfigError('KUMO_AUTH_TOKEN_KEY must be an even number of hex digits, at least 32');
  return key.toLowerCase();
}

function applyFlags(argv: readonly string[], settings: Map<string, string>): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-samples') {
      settings.set('KUMO_SAMPLES', 'false');
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    const variable = FLAGS[flag];
    if (!variable) throw new ConfigError(`Unknown option ${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new ConfigError(`Option ${flag} needs a value`);
    settings.set(variable, value);
  }
}

/** Parses one or several `kumo://key:secret@cloud` entries (separated by commas or whitespace). */
export function parseKumoUrls(value: string): Cloud[] {
  const clouds = new Map<string, ApiKey[]>();
  for (const entry of splitList(value)) {
    const match = /^(?:kumo|cloudinary):\/\/([^:@/]+):([^@/]+)@([^/?#]+)\/?$/.exec(entry);
    if (!match) throw new ConfigError('KUMO_URL must look like kumo://<api_key>:<api_secret>@<cloud_name>');
    const [, key, secret, cloud] = match as unknown as [string, string, string, string];
    const decodedSecret = decodeURIComponent(secret);
    if (!NAME_PATTERN.test(cloud)) throw new ConfigError(`KUMO_URL: invalid cloud name "${cloud}"`);
    if (!NAME_PATTERN.test(key)) throw new ConfigError(`KUMO_URL: invalid API key for cloud ${cloud}`);
    if (decodedSecret.length < 8)
      throw new ConfigError(`KUMO_URL: the secret of key ${key} is shorter than 8 characters`);
    const keys = clouds.get(cloud) ?? [];
    if (keys.some((existing) => existing.key === key))
      throw new ConfigError(`KUMO_URL: key ${key} listed twice`);
    keys.push({ key, secret: decodedSecret });
    clouds.set(cloud, keys);
  }
  return [...clouds].map(([name, keys]) => ({ name, keys }));
}

function parseDatabase(value: string | undefined, dataDir: string): DatabaseConfig {
  if (!value) return { kind: 'sqlite', file: path.join(dataDir, 'catalog.sqlite') };
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: 'postgres', url: value };
  const sqlite = /^(?:sqlite|file):(.+)$/.exec(value);
  if (sqlite) return { kind: 'sqlite', file: path.resolve(sqlite[1]!.replace(/^\/\/(?=\/)/, '')) };
  throw new ConfigError('KUMO_DATABASE_URL must be sqlite:<file> or postgres://user:password@host/database');
}

function parseStorage(value: string | undefined, dataDir: string): StorageConfig {
  if (!value || value === 'local') return { kind: 'local', root: path.join(dataDir, 'blobs') };
  if (value.startsWith('local:')) return { kind: 'local', root: path.resolve(value.slice('local:'.length)) };
  if (value.startsWith('s3://')) {
    try {
      return { kind: 's3', options: parseS3StorageUrl(value) };
    } catch (error) {
      if (error instanceof S3StorageConfigError) throw new ConfigError(error.message);
      throw error;
    }
  }
  throw new ConfigError('KUMO_STORAGE must be local, local:<directory> or s3://<bucket>[/prefix]?endpoint=…');
}

function parseOrigins(value: string): string[] {
  return splitList(value).map((origin) => {
    if (origin === '*') return origin;
    const url = parsePublicUrl(origin, 'KUMO_CORS_ORIGINS');
    return new URL(url as string).origin;
  });
}

function parsePublicUrl(value: string | undefined, name = 'KUMO_PUBLIC_URL'): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.href.replace(/\/+$/, '');
  } catch {
    throw new ConfigError(`${name}: "${value}" is not an http(s) URL`);
  }
}

function parseInteger(name: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value.trim())) throw new ConfigError(`${name} must be a whole number, got "${value}"`);
  const parsed = Number(value);
  if (parsed < min || parsed > max)
    throw new ConfigError(`${name} must be between ${min} and ${max}, got ${parsed}`);
  return parsed;
}

function parseBoolean(name: string, value: string): boolean {
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseLogLevel(value: string): Config['logLevel'] {
  const level = LOG_LEVELS.find((candidate) => candidate === value);
  if (!level) throw new ConfigError(`KUMO_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return level;
}

function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}
