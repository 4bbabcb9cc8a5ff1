import { AUTH_TOKEN_NAME } from '@kumo/core';

const PREFIX = `${AUTH_TOKEN_NAME}=`;

/**
 * The `__cld_token__` values a delivery request carries: query parameters first, then the cookie.
 * Query values are taken as written, without percent-decoding, since the token's HMAC covers its
 * escaped form. Parameters are split at `&` and also at `?`: a token appended with a second `?` to
 * a URL that already had a query still counts.
 */
export function authTokensOf(url: string, cookieHeader: string | undefined): string[] {
  const tokens: string[] = [];
  const query = url.indexOf('?');
  if (query >= 0) {
    for (const part of url.slice(query + 1).split(/[&?]/)) {
      if (part.startsWith(PREFIX)) tokens.push(part.slice(PREFIX.length));
    }
  }
  for (const cookie of cookieHeader?.split(';') ?? []) {
    const trimmed = cookie.trim();
    if (trimmed.startsWith(PREFIX)) tokens.push(trimmed.slice(PREFIX.length).replace(/^"(.*)"$/, '$1'));
  }
  return tokens.filter(Boolean);
}
