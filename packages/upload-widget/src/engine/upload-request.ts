import { KumoApiError } from '@kumo/core';
import { abortError } from './abort-error.js';

/** One multipart POST to the Upload API. */
export interface FormPost {
  readonly url: string;
  /** Form fields in wire form, in the order they are sent (before the file). */
  readonly fields: readonly (readonly [string, string])[];
  /** The bytes to send, or a URL the server fetches itself. */
  readonly file: Blob | string;
  /** File name of the `file` part (the server keeps it as `original_filename`). */
  readonly filename?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
  /** Body bytes sent so far, from the XHR upload events. */
  readonly onProgress?: (sent: number, total: number) => void;
  /** The whole body is on its way: the server is processing from here on. */
  readonly onSent?: () => void;
}

/** The server's `error.message`, or the SDK's wording when the body is not Cloudinary's error JSON. */
function messageOf(status: number, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  if (typeof message === 'string' && message) return message;
  return `Server returned unexpected status code - ${status}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Posts a multipart form with XMLHttpRequest, which (unlike fetch) reports upload progress. Resolves
 * with the JSON body of a 2xx answer; rejects with a `KumoApiError` (status 0 when no answer came) or
 * an AbortError.
 */
export function postForm<T>(post: FormPost): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (post.signal?.aborted) {
      reject(abortError());
      return;
    }
    const form = new FormData();
    for (const [name, value] of post.fields) form.append(name, value);
    if (typeof post.file === 'string') form.append('file', post.file);
    else form.append('file', post.file, post.filename ?? 'file');

    const xhr = new XMLHttpRequest();
    const onAbort = () => xhr.abort();
    const finish = () => post.signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', post.url, true);
    xhr.responseType = 'text';
    for (const [name, value] of Object.entries(post.headers ?? {})) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) post.onProgress?.(event.loaded, event.total);
    });
    xhr.upload.addEventListener('load', () => post.onSent?.());
    xhr.addEventListener('load', () => {
      finish();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && body !== undefined) resolve(body as T);
      else reject(new KumoApiError(xhr.status, messageOf(xhr.status, body), { body }));
    });
    xhr.addEventListener('error', () => {
      finish();
      reject(new KumoApiError(0, `Network error: could not reach ${post.url}`));
    });
    xhr.addEventListener('timeout', () => {
      finish();
      reject(new KumoApiError(0, 'Network error: the request timed out'));
    });
    xhr.addEventListener('abort', () => {
      finish();
      reject(abortError());
    });
    post.signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(form);
  });
}
