/**
 * Cloudinary's `prepareUploadParams`: the page answers, per file and at upload time, which
 * parameters (and signature) the file goes up with. Loaded by the sending code only for pages
 * that set it.
 */
import type { UploadResourceType } from '@kumo/core';
import { type Params, toWireParams } from '@kumo/core';
import { KumoClientError } from './engine-kit.js';
import { askPage } from './page-function.js';
import { uploadUrl } from './upload-params.js';
import type {
  PreparedUploadParams,
  PrepareUploadParamsFunction,
  UploadQueueOptions,
} from './upload-queue.types.js';

/** Keys of the answer that say how the upload is authorized or addressed, not what it is sent with. */
const CONTROL_KEYS = new Set([
  'cancel',
  'signature',
  'api_key',
  'upload_signature_timestamp',
  'timestamp',
  'resource_type',
]);

const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Calls the page's function; resolves with its answer for this file (the first of a list). */
export async function askPreparedParams(
  prepare: PrepareUploadParamsFunction,
  params: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<PreparedUploadParams> {
  // A copy: the page may keep or change what it was given without touching the upload.
  const result = await askPage((answer) => prepare(answer, { ...params }), signal);
  const first: unknown = Array.isArray(result) ? result[0] : result;
  if (first && typeof first === 'object') return first as PreparedUploadParams;
  throw new KumoClientError('prepareUploadParams answered without parameters');
}

/**
 * The fields and address of one upload from the page's answer: its parameters (camelCase names
 * become the Upload API's snake_case) over the file's own, then `timestamp`, `signature` and
 * `api_key` when it signed them. Without a signature the upload needs an unsigned preset.
 */
export function preparedUpload(
  params: Readonly<Record<string, string>>,
  answer: PreparedUploadParams,
  options: UploadQueueOptions,
): { readonly fields: [string, string][]; readonly url: string } {
  const given: Params = {};
  const control: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(answer)) {
    const name = snakeCase(key);
    if (CONTROL_KEYS.has(name)) control[name] = value;
    else given[name] = value as Params[string];
  }
  const fields: Record<string, string> = { ...params };
  for (const [key, value] of Object.entries(toWireParams(given)))
    fields[key] = Array.isArray(value) ? value.join(',') : value;
  const resourceType = (control['resource_type'] as UploadResourceType | undefined) ?? options.resourceType;
  const url = uploadUrl({ ...options, resourceType });
  const signature = control['signature'];
  if (typeof signature !== 'string' || !signature) {
    if (!fields['upload_preset'])
      throw new KumoClientError('prepareUploadParams gave neither a signature nor an uploadPreset');
    return { fields: Object.entries(fields), url };
  }
  const timestamp = control['upload_signature_timestamp'] ?? control['timestamp'];
  if (timestamp !== undefined && timestamp !== '') fields['timestamp'] = String(timestamp);
  const apiKey = control['api_key'] ?? options.apiKey;
  if (!apiKey) throw new KumoClientError('A signature from prepareUploadParams needs apiKey');
  return { fields: [...Object.entries(fields), ['signature', signature], ['api_key', String(apiKey)]], url };
}
