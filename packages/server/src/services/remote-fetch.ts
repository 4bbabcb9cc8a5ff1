import { lookup as dnsLookup } from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from './service-error.js';

export interface RemoteFetchOptions {
  /** `host` or `host:port` entries allowed even if they resolve to private or loopback addresses. */
  readonly allow: readonly string[];
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

// Addresses a server must never be tricked into calling: loopback, private networks, link-local
// (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved ranges.
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** True for addresses that are not publicly routable (IPv4-mapped IPv6 included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function isAllowListed(url: URL, allow: readonly string[]): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return allow.includes(host) || allow.includes(`${host}:${port}`);
}

/**
 * Downloads `source` into `target`, refusing private destinations (checked on the address actually
 * connected to, so DNS rebinding does not help) and re-checking every redirect hop.
 * Returns the file name suggested by the final URL.
 */
export async function fetchRemoteFile(
  source: string,
  target: string,
  options: RemoteFetchOptions,
): Promise<{ filename: string }> {
  let url = parseUrl(source);
  const deadline = Date.now() + options.timeoutMs;
  for (let hop = 0; hop <= options.maxRedirects; hop++) {
    const response = await request(url, options, deadline);
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && response.headers.location) {
      response.resume();
      url = parseUrl(new URL(response.headers.location, url).href);
      continue;
    }
    if (status !== 200) {
      response.resume();
      throw new ServiceError(404, `Resource not found - ${source}`);
    }
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.destroy();
      throw tooLarge(declared, options.maxBytes);
    }
    let received = 0;
    const limiter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        if (received > options.maxBytes) callback(tooLarge(received, options.maxBytes));
        else callback(null, chunk);
      },
    });
    try {
      await pipeline(response, limiter, fs.createWriteStream(target, { flags: 'wx' }));
    } catch (error) {
      if (error instanceof ServiceError) throw error;
      throw new ServiceError(400, `Error in loading ${source} - ${(error as Error).message}`);
    }
    return { filename: decodeURIComponent(url.pathname.split('/').pop() || 'file') };
  }
  throw new ServiceError(400, `Error in loading ${source} - too many redirects`);
}

function parseUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ServiceError(400, `Invalid remote URL ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ServiceError(400, `Unsupported remote URL scheme ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new ServiceError(400, 'Remote URLs with credentials are not supported');
  return url;
}

/**
 * Posts `body` to `url` with the same address guard (used for webhooks). Redirects are not
 * followed. Resolves with the status code.
 */
export async function postGuarded(
  target: string,
  body: string,
  headers: Record<string, string>,
  options: Pick<RemoteFetchOptions, 'allow' | 'timeoutMs'>,
): Promise<number> {
  const url = parseUrl(target);
  const response = await request(url, options, Date.now() + options.timeoutMs, {
    method: 'POST',
    body,
    headers,
  });
  response.resume();
  return response.statusCode ?? 0;
}

function request(
  url: URL,
  options: Pick<RemoteFetchOptions, 'allow'>,
  deadline: number,
  send: { method: 'GET' | 'POST'; body?: string; headers?: Record<string, string> } = { method: 'GET' },
): Promise<http.IncomingMessage> {
  const allowed = isAllowListed(url, options.allow);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowed && isIP(host) && isPrivateAddress(host)) {
    return Promise.reject(new ServiceError(400, `Remote URL ${url.origin} points to a private address`));
  }
  const guardedLookup: LookupFunction = (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as { address: string; family: number }[];
      const usable = allowed ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      if (!usable.length) {
        return callback(
          Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }),
          '',
          4,
        );
      }
      if (lookupOptions.all)
        return (callback as unknown as (e: null, a: typeof usable) => void)(null, usable);
      const first = usable[0]!;
      return callback(null, first.address, first.family);
    });
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new ServiceError(400, `Error in loading ${url.href} - timeout`));
    const req = client.request(
      url,
      {
        method: send.method,
        lookup: guardedLookup,
        timeout: remaining,
        headers: { 'user-agent': 'kumo', ...send.headers },
      },
      resolve,
    );
    req.end(send.body);
    req.on('timeout', () => req.destroy(new ServiceError(400, `Error in loading ${url.href} - timeout`)));
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof ServiceError) return reject(error);
      if (error.code === 'EPRIVATE')
        return reject(new ServiceError(400, `Remote URL ${url.origin} points to a private address`));
      reject(new ServiceError(404, `Resource not found - ${url.href}`));
    });
    setTimeout(
      () => req.destroy(new ServiceError(400, `Error in loading ${url.href} - timeout`)),
      remaining,
    ).unref();
  });
}

function tooLarge(bytes: number, max: number): ServiceError {
  return new ServiceError(400, `File size too large. Got ${bytes}. Maximum is ${max}.`);
}
