import type { FastifyRequest } from 'fastify';
import { badRequest } from '../services/service-error.js';

/**
 * The `callback` upload parameter of browser form posts: instead of JSON, Cloudinary answers with a
 * 302 to that URL carrying the URI-encoded JSON response as the query string, which a page on the
 * caller's own origin (the classic `cloudinary_cors.html`) reads back. Scripted requests (XHR,
 * fetch) get JSON as usual. Only a redirect is sent, the server itself never requests the URL, so any
 * http(s) address is acceptable.
 */
export function callbackTarget(request: FastifyRequest, value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`Invalid callback URL ${value}`);
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password)
    throw badRequest(`Invalid callback URL ${value}: expected an http(s) URL without credentials`);
  return isScripted(request) ? undefined : url;
}

/** The redirect location: the callback URL with the response as its (only) query string. */
export function callbackLocation(target: URL, response: unknown): string {
  const url = new URL(target.href);
  url.hash = '';
  url.search = `?${encodeURIComponent(JSON.stringify(response))}`;
  return url.href;
}

// Browsers send Sec-Fetch-Mode `navigate` for a form submission and `cors`/`same-origin` for scripts;
// old XHR libraries add X-Requested-With.
function isScripted(request: FastifyRequest): boolean {
  if (request.headers['x-requested-with'] !== undefined) return true;
  const mode = request.headers['sec-fetch-mode'];
  return mode !== undefined && mode !== 'navigate' && mode !== 'nested-navigate';
}
