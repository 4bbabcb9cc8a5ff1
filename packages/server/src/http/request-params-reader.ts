import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { RequestParams } from '../services/request-params.js';
import { badRequest, ServiceError } from '../services/service-error.js';
import type { TempFiles } from '../services/temp-files.js';

/** A file part of a multipart request, already streamed to a temporary file. */
export interface ReceivedFile {
  readonly path: string;
  readonly filename?: string;
  /** MD5 of the bytes, computed while they were written. */
  readonly md5?: string;
}

export interface ReceivedRequest {
  readonly params: RequestParams;
  readonly file?: ReceivedFile;
}

/**
 * Collects parameters from the query string and the body, whatever its encoding (multipart,
 * url-encoded or JSON). `key[]` fields become arrays under `key`; a multipart file is written to
 * disk as it arrives, so memory does not grow with its size.
 */
export async function readRequestParams(request: FastifyRequest, temp: TempFiles): Promise<ReceivedRequest> {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries((request.query ?? {}) as Record<string, unknown>))
    addValue(params, key, value);
  if (!request.isMultipart()) {
    const body = request.body;
    if (body !== undefined && body !== null) {
      if (typeof body !== 'object' || Array.isArray(body))
        throw badRequest('The request body must be an object');
      for (const [key, value] of Object.entries(body)) addValue(params, key, value);
    }
    return { params };
  }
  let file: { path: string; filename?: string; md5?: string } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        addValue(params, part.fieldname, part.value);
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        throw badRequest(`Unexpected file field ${part.fieldname}`);
      }
      const target = temp.newPath();
      file = { path: target, filename: part.filename || undefined };
      // Hashing on the way to disk saves reading a large file a second time for its etag.
      const hash = createHash('md5');
      await pipeline(
        part.file,
        new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            hash.update(chunk);
            callback(null, chunk);
          },
        }),
        fs.createWriteStream(target, { flags: 'wx' }),
      );
      file = { ...file, md5: hash.digest('hex') };
    }
  } catch (error) {
    await temp.remove(file?.path);
    if (error instanceof ServiceError || (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw error;
    // Busboy reports truncated or malformed bodies as plain errors; they are the client's fault.
    throw badRequest(`Malformed multipart body: ${(error as Error).message}`);
  }
  return { params, file };
}

function addValue(params: Record<string, string | string[]>, rawKey: string, value: unknown): void {
  if (rawKey === '__proto__' || rawKey === 'constructor' || rawKey === 'prototype') return;
  const isArray = rawKey.endsWith('[]');
  const key = isArray ? rawKey.slice(0, -2) : rawKey;
  const values = Array.isArray(value) ? value.map(toText) : [toText(value)];
  const previous = params[key];
  if (previous === undefined) {
    params[key] = isArray || Array.isArray(value) ? values : (values[0] ?? '');
  } else {
    params[key] = [...(Array.isArray(previous) ? previous : [previous]), ...values];
  }
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}
