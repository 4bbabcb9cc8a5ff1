import { KumoApiError } from './errors.js';

/** Reads a fetch `Response` as Cloudinary JSON, turning error statuses into a {@link KumoApiError}. */
export async function readJson<T>(response: Response): Promise<T> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    const message = response.ok
      ? `Server returned invalid JSON (status ${response.status})`
      : `Server returned unexpected status code - ${response.status}`;
    throw new KumoApiError(response.status, message, { body: text });
  }
  if (!response.ok) {
    const error = (body as { error?: { message?: unknown } } | null)?.error;
    const message =
      typeof error?.message === 'string'
        ? error.message
        : `Server returned unexpected status code - ${response.status}`;
    throw new KumoApiError(response.status, message, { body });
  }
  return body as T;
}

/** Calls fetch, reporting a failure to get any response as a {@link KumoApiError} with status 0. */
export async function send(fetchFn: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, init);
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new KumoApiError(0, `Network error calling ${url}: ${reason}`, { cause });
  }
}
