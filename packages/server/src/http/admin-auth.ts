import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiKey } from '../config.js';
import type { Credentials } from '../services/credentials.js';
import type { MediaLibraryTokens } from '../services/media-library-tokens.js';
import { ServiceError } from '../services/service-error.js';
import { basicCredentials } from './basic-auth.js';

// POST routes that only read (the picker's searches); anchored so that creating a folder named
// `…/search` (`POST /folders/<path>`) stays a write.
const READ_ONLY_POST = /^\/v1_1\/[^/]+\/(?:resources|folders)\/search$/;

/**
 * Admin API authentication (HTTP Basic with key:secret, or a media-library bearer token) and Cloudinary's hourly rate-limit headers.
 * Counters live in this process; with several processes each enforces its own share.
 */
export class AdminGate {
  private readonly counters = new Map<string, { hour: number; used: number }>();

  constructor(
    private readonly credentials: Credentials,
    private readonly limitPerHour: number,
    private readonly tokens: MediaLibraryTokens,
  ) {}

  authenticate(request: FastifyRequest, reply: FastifyReply, cloud: string): ApiKey {
    this.credentials.requireCloud(cloud);
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
    if (bearer) {
      const grant = this.tokens.verify(cloud, bearer);
      if (!grant) throw new ServiceError(401, 'Invalid or expired token');
      const reading =
        request.method === 'GET' ||
        request.method === 'HEAD' ||
        READ_ONLY_POST.test(request.url.split('?')[0]!);
      if (grant.scope === 'read' && !reading) throw new ServiceError(403, 'This token is read-only');
      this.count(grant.key.key, reply);
      return grant.key;
    }
    const basic = basicCredentials(request);
    if (!basic) throw new ServiceError(401, 'Must supply api_key');
    const key = this.credentials.verifySecret(cloud, basic.key, basic.secret);
    if (!key) throw new ServiceError(401, 'Invalid credentials');
    this.count(key.key, reply);
    return key;
  }

  private count(key: string, reply: FastifyReply): void {
    const now = Date.now();
    const hour = Math.floor(now / 3_600_000);
    const counter = this.counters.get(key);
    const current = counter && counter.hour === hour ? counter : { hour, used: 0 };
    current.used++;
    this.counters.set(key, current);
    const remaining = Math.max(0, this.limitPerHour - current.used);
    void reply.header('X-FeatureRateLimit-Limit', String(this.limitPerHour));
    void reply.header('X-FeatureRateLimit-Remaining', String(remaining));
    void reply.header('X-FeatureRateLimit-Reset', new Date((hour + 1) * 3_600_000).toUTCString());
    if (current.used > this.limitPerHour) throw new ServiceError(420, 'Rate limit exceeded');
  }
}
