import type { S3StorageOptions } from './s3-storage.js';

/** S3 storage settings that cannot work; the message never contains the secret key. */
export class S3StorageConfigError extends Error {
  override name = 'S3StorageConfigError';
}

const OPTION_NAMES = ['endpoint', 'region', 'prefix', 'forcePathStyle', 'pageSize'] as const;
type OptionName = (typeof OPTION_NAMES)[number];

/** Snake-case spellings accepted as well, so the form matches other `KUMO_*` URL options. */
const ALIASES: Readonly<Record<string, OptionName>> = {
  force_path_style: 'forcePathStyle',
  page_size: 'pageSize',
};

// The current S3 naming rules for general purpose buckets.
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const REGION_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const PREFIX_PATTERN = /^[A-Za-z0-9_.=-]+(?:\/[A-Za-z0-9_.=-]+)*\/?$/;

/**
 * Reads the S3 form of `KUMO_STORAGE`:
 * `s3://[ACCESS_KEY:SECRET_KEY@]bucket[/prefix/]?endpoint=…&region=…&prefix=…&forcePathStyle=…`.
 * Credentials are percent-decoded; without them the AWS SDK's default chain applies
 * (`AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`, profiles, instance roles).
 */
export function parseS3StorageUrl(value: string): S3StorageOptions {
  if (!value.startsWith('s3://')) {
    throw new S3StorageConfigError(
      'KUMO_STORAGE: an S3 location starts with s3://, e.g. s3://bucket?region=…',
    );
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // The URL may hold a secret key, so it is not echoed.
    throw new S3StorageConfigError(
      'KUMO_STORAGE: malformed s3:// URL (percent-encode any / : @ # ? % in the access or secret key)',
    );
  }
  if (url.hash) throw new S3StorageConfigError('KUMO_STORAGE: an s3:// URL has no #fragment');
  if (url.port)
    throw new S3StorageConfigError('KUMO_STORAGE: put the port in ?endpoint=, not after the bucket');

  const bucket = url.hostname;
  if (!BUCKET_PATTERN.test(bucket) || bucket.includes('..')) {
    throw new S3StorageConfigError(
      `KUMO_STORAGE: "${bucket}" is not a valid bucket name ` +
        '(3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit)',
    );
  }
  const options: { -readonly [K in keyof S3StorageOptions]: S3StorageOptions[K] } = { bucket };

  const accessKeyId = decodeCredential(url.username, 'access key');
  const secretAccessKey = decodeCredential(url.password, 'secret key');
  if ((accessKeyId === undefined) !== (secretAccessKey === undefined)) {
    throw new S3StorageConfigError(
      'KUMO_STORAGE: give both the access key and the secret key (ACCESS:SECRET@bucket)',
    );
  }
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    options.accessKeyId = accessKeyId;
    options.secretAccessKey = secretAccessKey;
  }

  const params = readParams(url.searchParams);
  const pathPrefix = decodeComponent(url.pathname.replace(/^\//, ''), 'prefix');
  if (pathPrefix && params.prefix !== undefined) {
    throw new S3StorageConfigError('KUMO_STORAGE: give the prefix either as a path or as ?prefix=, not both');
  }
  const prefix = params.prefix ?? pathPrefix;
  if (prefix) {
    if (!PREFIX_PATTERN.test(prefix) || prefix.split('/').some((part) => part === '.' || part === '..')) {
      throw new S3StorageConfigError(
        `KUMO_STORAGE: prefix "${prefix}" may only hold letters, digits, _ . = - and / between non-empty parts`,
      );
    }
    options.prefix = prefix;
  }

  if (params.endpoint !== undefined) options.endpoint = parseEndpoint(params.endpoint);
  if (params.region !== undefined) {
    if (!REGION_PATTERN.test(params.region)) {
      throw new S3StorageConfigError(`KUMO_STORAGE: region "${params.region}" is not a region name`);
    }
    options.region = params.region;
  }
  if (params.forcePathStyle !== undefined) options.forcePathStyle = parseBoolean(params.forcePathStyle);
  if (params.pageSize !== undefined) options.pageSize = parsePageSize(params.pageSize);
  return options;
}

function readParams(search: URLSearchParams): Partial<Record<OptionName, string>> {
  const params: Partial<Record<OptionName, string>> = {};
  for (const [rawName, value] of search) {
    const name = ALIASES[rawName] ?? OPTION_NAMES.find((known) => known === rawName);
    if (name === undefined) {
      throw new S3StorageConfigError(
        `KUMO_STORAGE: unknown s3 option "${rawName}" (known: ${OPTION_NAMES.join(', ')})`,
      );
    }
    if (params[name] !== undefined) {
      throw new S3StorageConfigError(`KUMO_STORAGE: s3 option "${name}" is given more than once`);
    }
    params[name] = value;
  }
  return params;
}

function decodeCredential(encoded: string, what: string): string | undefined {
  return encoded ? decodeComponent(encoded, what) : undefined;
}

function decodeComponent(encoded: string, what: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    // The value may be a credential: name the part, never echo it.
    throw new S3StorageConfigError(`KUMO_STORAGE: the ${what} has an invalid %-escape`);
  }
}

function parseEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new S3StorageConfigError(`KUMO_STORAGE: endpoint "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new S3StorageConfigError(`KUMO_STORAGE: endpoint "${value}" must be an http:// or https:// URL`);
  }
  if (url.username || url.password) {
    throw new S3StorageConfigError(
      'KUMO_STORAGE: put credentials before the bucket (s3://ACCESS:SECRET@bucket)',
    );
  }
  if (url.search || url.hash) {
    throw new S3StorageConfigError(`KUMO_STORAGE: endpoint "${value}" must not have a query or fragment`);
  }
  return url.href.replace(/\/+$/, '');
}

function parseBoolean(value: string): boolean {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new S3StorageConfigError(`KUMO_STORAGE: forcePathStyle must be true or false, got "${value}"`);
}

function parsePageSize(value: string): number {
  const size = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(size >= 1 && size <= 1000)) {
    throw new S3StorageConfigError(
      `KUMO_STORAGE: pageSize must be a whole number from 1 to 1000, got "${value}"`,
    );
  }
  return size;
}
