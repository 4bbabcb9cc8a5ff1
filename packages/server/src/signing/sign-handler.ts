import { type SigningPolicy, SigningPolicyError, signUpload } from './sign-upload.js';

export interface SignHandlerOptions {
  readonly policy: SigningPolicy;
  /** Browser origins allowed to ask for signatures besides the handler's own; `*` allows any. */
  readonly allowedOrigins?: readonly string[];
  /** Your own check (session, token…); return false to answer 401. */
  readonly authorize?: (request: Request) => boolean | Promise<boolean>;
}

/**
 * A Web-standard `(Request) => Promise<Response>` signing endpoint for any runtime (Next.js route
 * handlers, Hono, Workers, or Express through a small adapter). It accepts a JSON body of
 * parameters, or `{"params_to_sign": {...}}` as Cloudinary's upload widget sends them, and answers
 * `{signature, api_key, cloud_name, timestamp, params}`.
 */
export function createSignHandler(options: SignHandlerOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    const origin = request.headers.get('origin');
    const allowedOrigin =
      origin !== null && isAllowedOrigin(origin, request.url, options.allowedOrigins ?? []);
    const cors: Record<string, string> = allowedOrigin
      ? { 'access-control-allow-origin': origin, vary: 'Origin' }
      : {};
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: allowedOrigin ? 204 : 403,
        headers: {
          ...cors,
          'access-control-allow-methods': 'POST',
          'access-control-allow-headers': 'content-type',
        },
      });
    }
    if (request.method !== 'POST') return json(405, { error: { message: 'Use POST' } }, cors);
    // Browsers always send Origin on cross-origin POSTs; requests without one come from servers or tools.
    if (origin !== null && !allowedOrigin)
      return json(403, { error: { message: `Origin ${origin} is not allowed` } }, cors);
    if (options.authorize && !(await options.authorize(request))) {
      return json(401, { error: { message: 'Not authorized to sign uploads' } }, cors);
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      return json(400, { error: { message: 'The body must be JSON' } }, cors);
    }
    const requested =
      body && typeof body === 'object' && 'params_to_sign' in body
        ? (body as { params_to_sign: unknown }).params_to_sign
        : body;
    try {
      return json(200, await signUpload(requested as Record<string, unknown>, options.policy), cors);
    } catch (error) {
      if (error instanceof SigningPolicyError)
        return json(error.status, { error: { message: error.message } }, cors);
      throw error;
    }
  };
}

function isAllowedOrigin(origin: string, requestUrl: string, allowed: readonly string[]): boolean {
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    return new URL(requestUrl).origin === origin;
  } catch {
    return false;
  }
}

function json(status: number, body: unknown, headers: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}
