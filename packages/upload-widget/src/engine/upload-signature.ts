import { KumoApiError, KumoClientError } from './engine-kit.js';
import { askPage } from './page-function.js';
import type { SignatureFunction, SignatureResult } from './upload-queue.types.js';

/** What a signer answered, normalized. */
export interface Signature {
  readonly signature: string;
  readonly apiKey?: string;
  readonly timestamp?: string;
  /**
   * The parameters the signer actually signed, when it says so (Kumo's signing endpoint answers
   * `params` with what its policy added, e.g. a forced folder); they are sent instead of the request.
   */
  readonly params?: Readonly<Record<string, string>>;
}

/** How long a signer may take before the upload fails with a message saying so (ms). */
export const SIGNATURE_TIMEOUT_MS = 60_000;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Parameters Cloudinary never signs; everything else sent with an upload is. */
const UNSIGNED_KEYS = new Set(['file', 'cloud_name', 'resource_type', 'api_key', 'signature']);

/** The subset of upload parameters that goes into the signature. */
export function paramsToSign(params: Readonly<Record<string, string>>): Record<string, string> {
  const signed: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    if (!UNSIGNED_KEYS.has(key) && value !== '') signed[key] = value;
  }
  return signed;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      record[key] = String(item);
  }
  return record;
}

/** Accepts what Cloudinary's widget accepts: a string, `{signature, …}`, or a list whose first item is one. */
export function normalizeSignature(answer: unknown): Signature {
  const first = Array.isArray(answer) ? answer[0] : answer;
  if (typeof first === 'string' && first) return { signature: first };
  const result = first as (SignatureResult & { params?: unknown }) | null | undefined;
  if (result && typeof result === 'object' && typeof result.signature === 'string' && result.signature) {
    return {
      signature: result.signature,
      apiKey: typeof result.api_key === 'string' && result.api_key ? result.api_key : undefined,
      timestamp:
        result.timestamp === undefined || result.timestamp === '' ? undefined : String(result.timestamp),
      params: stringRecord(result.params),
    };
  }
  throw new KumoClientError('uploadSignature did not provide a signature');
}

async function signWithEndpoint(
  url: string,
  params: Record<string, string>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Signature> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const stop = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params_to_sign: params }),
      signal: stop,
    });
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.aborted)
      throw new KumoApiError(0, `The signing endpoint ${url} did not answer within ${seconds(timeoutMs)}`);
    throw new KumoApiError(0, `Network error: could not reach the signing endpoint ${url}`, { cause: error });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    throw new KumoApiError(
      response.status,
      typeof message === 'string' && message
        ? message
        : `The signing endpoint answered with status ${response.status}`,
      { body },
    );
  }
  return normalizeSignature(body);
}

async function signWithFunction(
  fn: SignatureFunction,
  params: Record<string, string>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Signature> {
  // A copy: the function may keep or change what it was given without touching the upload.
  const answer = await askPage((callback) => fn(callback, { ...params }), signal, {
    ms: timeoutMs,
    error: () =>
      new KumoClientError(`The uploadSignature function did not answer within ${seconds(timeoutMs)}`),
  });
  return normalizeSignature(answer);
}

/**
 * Signs upload parameters with `uploadSignature`: POSTs `{params_to_sign}` to a URL, or calls
 * Cloudinary's `(callback, params_to_sign)` function (a returned promise counts as an answer too).
 * A signer that has not answered after `timeoutMs` fails the upload with a message saying so.
 */
export function requestSignature(
  signer: string | SignatureFunction,
  params: Record<string, string>,
  signal?: AbortSignal,
  timeoutMs = SIGNATURE_TIMEOUT_MS,
): Promise<Signature> {
  return typeof signer === 'string'
    ? signWithEndpoint(signer, params, signal, timeoutMs)
    : signWithFunction(signer, params, signal, timeoutMs);
}
