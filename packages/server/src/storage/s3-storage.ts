import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { assertValidBlobKey, BlobNotFoundError, type BlobStorage } from './blob-storage.js';
import { S3StorageConfigError } from './s3-url.js';

export interface S3StorageOptions {
  readonly bucket: string;
  /** An S3-compatible server (MinIO, Ceph, R2, …); AWS S3 when absent. */
  readonly endpoint?: string;
  /** Defaults to `AWS_REGION`, then `us-east-1`. */
  readonly region?: string;
  /** Both or neither; without them the AWS SDK's default credential chain applies. */
  readonly accessKeyId?: string;
  readonly secretAccessKey?: string;
  /** `bucket` in the path rather than the host name; defaults to true when an endpoint is given. */
  readonly forcePathStyle?: boolean;
  /** A folder inside the bucket that holds every blob, so one bucket can serve several deployments. */
  readonly prefix?: string;
  /** Keys per ListObjectsV2 page, 1–1000 (S3's maximum and default). */
  readonly pageSize?: number;
}

/** A byte range that starts past the end of the blob (HTTP 416). */
export class BlobRangeError extends RangeError {
  override name = 'BlobRangeError';
  constructor(
    readonly key: string,
    readonly start: number,
    readonly end: number | undefined,
  ) {
    super(`Range ${start}-${end ?? ''} is not satisfiable for blob ${key}`);
  }
}

const PUT_ATTEMPTS = 3;
const PREFIX_PATTERN = /^[A-Za-z0-9_.=-]+(?:\/[A-Za-z0-9_.=-]+)*$/;
const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNREFUSED', 'EAI_AGAIN']);

/**
 * Blobs as objects in an S3-compatible bucket. A single PutObject is atomic on S3 (readers see the old
 * object, or none, until the new one is complete), so no temporary names are needed and a crash mid-upload
 * leaves nothing behind.
 */
export class S3Storage implements BlobStorage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly pageSize: number;
  private readonly client: S3Client;

  constructor(options: S3StorageOptions) {
    if (!options.bucket) throw new S3StorageConfigError('S3 storage needs a bucket name');
    if ((options.accessKeyId === undefined) !== (options.secretAccessKey === undefined)) {
      throw new S3StorageConfigError('S3 storage needs both accessKeyId and secretAccessKey, or neither');
    }
    const pageSize = options.pageSize ?? 1000;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) {
      throw new S3StorageConfigError(`S3 pageSize must be a whole number from 1 to 1000, got ${pageSize}`);
    }
    this.bucket = options.bucket;
    this.prefix = normalizePrefix(options.prefix ?? '');
    this.pageSize = pageSize;
    this.client = new S3Client({
      region: options.region ?? process.env['AWS_REGION'] ?? 'us-east-1',
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
      ...(options.accessKeyId === undefined || options.secretAccessKey === undefined
        ? {}
        : { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }),
      // By default the SDK sends streamed bodies aws-chunked with a trailing CRC32, which many
      // S3-compatible servers reject or store verbatim; a plain body with Content-Length works everywhere.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async putFile(key: string, sourcePath: string): Promise<void> {
    const Key = this.objectKey(key);
    const { size } = await fs.stat(sourcePath);
    for (let attempt = 1; ; attempt++) {
      // The SDK cannot retry a streamed body, so each attempt reads the file afresh.
      const body = createReadStream(sourcePath);
      try {
        await this.client.send(
          new PutObjectCommand({ Bucket: this.bucket, Key, Body: body, ContentLength: size }),
        );
        break;
      } catch (error) {
        body.destroy();
        if (attempt >= PUT_ATTEMPTS || !isTransient(error)) throw error;
        await sleep(100 * 4 ** (attempt - 1));
      }
    }
    await fs.rm(sourcePath, { force: true });
  }

  async read(key: string): Promise<Readable> {
    const Key = this.objectKey(key);
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      return bodyStream(output.Body);
    } catch (error) {
      if (isMissingKey(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  /**
   * Streams bytes `start` to `end` inclusive (as in an HTTP `Range: bytes=start-end`), or to the end of the
   * blob when `end` is absent; an `end` past the last byte is clamped. Rejects with `BlobNotFoundError`,
   * or `BlobRangeError` when `start` is at or past the end of the blob.
   */
  async readRange(key: string, start: number, end?: number): Promise<Readable> {
    const Key = this.objectKey(key);
    if (
      !Number.isSafeInteger(start) ||
      start < 0 ||
      (end !== undefined && !(Number.isSafeInteger(end) && end >= start))
    ) {
      throw new RangeError(`Invalid byte range ${start}-${end ?? ''} for blob ${key}`);
    }
    let output: GetObjectCommandOutput;
    try {
      output = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key, Range: `bytes=${start}-${end ?? ''}` }),
      );
    } catch (error) {
      if (isMissingKey(error)) throw new BlobNotFoundError(key);
      if (errorName(error) === 'InvalidRange' || statusOf(error) === 416) {
        throw new BlobRangeError(key, start, end);
      }
      throw error;
    }
    const body = bodyStream(output.Body);
    // HTTP lets a server ignore a Range header or answer with a wider range (some S3-compatible ones do),
    // so the bytes actually served are checked and trimmed to the ones asked for.
    const served = servedRange(output.ContentRange, output.ContentLength);
    if (served === undefined) {
      body.destroy();
      throw new Error(`S3 answered a range request for ${key} without Content-Range or Content-Length`);
    }
    if (start > served.last && (served.total === undefined || start >= served.total)) {
      body.destroy();
      throw new BlobRangeError(key, start, end);
    }
    const last = Math.min(end ?? Number.POSITIVE_INFINITY, (served.total ?? served.last + 1) - 1);
    if (served.first === start && served.last === last) return body;
    if (served.first > start || served.last < last) {
      body.destroy();
      throw new Error(`S3 served bytes ${served.first}-${served.last} of ${key} for bytes ${start}-${last}`);
    }
    return Readable.from(sliceBytes(body, start - served.first, last - start + 1), { objectMode: false });
  }

  async size(key: string): Promise<number | undefined> {
    const Key = this.objectKey(key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      if (output.ContentLength === undefined) throw new Error(`S3 gave no Content-Length for ${key}`);
      return output.ContentLength;
    } catch (error) {
      // A HEAD response has no body, so a missing key is a bare 404 "NotFound". So is a missing bucket,
      // which HEAD cannot tell apart; `checkBucket` can.
      if (isMissingKey(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    } catch (error) {
      // S3 itself answers 204 for a missing key; some compatible servers answer NoSuchKey.
      if (!isMissingKey(error)) throw error;
    }
  }

  async *list(prefix = ''): AsyncIterable<string> {
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: this.prefix + prefix,
          MaxKeys: this.pageSize,
          ContinuationToken,
        }),
      );
      for (const object of page.Contents ?? []) {
        const key = object.Key?.slice(this.prefix.length);
        // Objects that are not blob keys (folder markers made by consoles, foreign files) were not written
        // here and could not be read or deleted through this interface.
        if (key !== undefined && isValidBlobKey(key)) yield key;
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  /** Fails with a clear message when the bucket is missing or not accessible; meant for start-up. */
  async checkBucket(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
    } catch (error) {
      const status = statusOf(error);
      if (status === 404) throw new S3StorageConfigError(`S3 bucket "${this.bucket}" does not exist`);
      if (status === 403) throw new S3StorageConfigError(`S3 bucket "${this.bucket}": access denied`);
      throw error;
    }
  }

  /** Closes the client's pooled connections. */
  destroy(): void {
    this.client.destroy();
  }

  private objectKey(key: string): string {
    assertValidBlobKey(key);
    return this.prefix + key;
  }
}

function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/\/$/, '');
  if (trimmed === '') return '';
  if (!PREFIX_PATTERN.test(trimmed) || trimmed.split('/').some((part) => part === '.' || part === '..')) {
    throw new S3StorageConfigError(
      `S3 prefix ${JSON.stringify(prefix)} may only hold letters, digits, _ . = - and / between non-empty parts`,
    );
  }
  return `${trimmed}/`;
}

function isValidBlobKey(key: string): boolean {
  try {
    assertValidBlobKey(key);
    return true;
  } catch {
    return false;
  }
}

function bodyStream(body: unknown): Readable {
  if (body instanceof Readable) return body;
  throw new Error('S3 returned an object without a readable body');
}

interface ServedRange {
  readonly first: number;
  readonly last: number;
  /** The blob's size, when the server says. */
  readonly total: number | undefined;
}

function servedRange(
  contentRange: string | undefined,
  contentLength: number | undefined,
): ServedRange | undefined {
  const match = contentRange === undefined ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(contentRange);
  if (match) {
    return {
      first: Number(match[1]),
      last: Number(match[2]),
      total: match[3] === '*' ? undefined : Number(match[3]),
    };
  }
  // No Content-Range: the whole object was sent.
  if (contentLength !== undefined) return { first: 0, last: contentLength - 1, total: contentLength };
  return undefined;
}

async function* sliceBytes(source: Readable, skip: number, length: number): AsyncGenerator<Buffer> {
  let toSkip = skip;
  let remaining = length;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (toSkip >= chunk.length) {
        toSkip -= chunk.length;
        continue;
      }
      const piece = chunk.subarray(toSkip, toSkip + remaining);
      toSkip = 0;
      remaining -= piece.length;
      yield piece;
      if (remaining === 0) return;
    }
    throw new Error(`S3 response ended ${remaining} bytes short of the range`);
  } finally {
    source.destroy();
  }
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error ? error.name : undefined;
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
}

function isMissingKey(error: unknown): boolean {
  const name = errorName(error);
  // A missing bucket is also a 404, but a configuration fault rather than a missing blob.
  return name === 'NoSuchKey' || (name === 'NotFound' && statusOf(error) === 404);
}

/** Failures worth another attempt: the connection broke, the server was busy, or it timed out reading. */
function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) {
    return (
      NETWORK_ERROR_CODES.has((error as NodeJS.ErrnoException).code ?? '') ||
      errorName(error) === 'TimeoutError'
    );
  }
  return status >= 500 || status === 429 || errorName(error) === 'RequestTimeout';
}
