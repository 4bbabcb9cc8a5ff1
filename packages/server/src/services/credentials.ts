import { timingSafeEqual } from '@kumo/core';
import type { ApiKey, Cloud } from '../config.js';
import { ServiceError } from './service-error.js';

/** The configured clouds and their API keys. */
export class Credentials {
  private readonly clouds: Map<string, readonly ApiKey[]>;

  constructor(clouds: readonly Cloud[]) {
    this.clouds = new Map(clouds.map((cloud) => [cloud.name, cloud.keys]));
  }

  cloudNames(): string[] {
    return [...this.clouds.keys()];
  }

  /** Throws Cloudinary's error for a cloud this server does not host. */
  requireCloud(cloud: string): void {
    if (!this.clouds.has(cloud)) throw new ServiceError(401, `Invalid cloud_name ${cloud}`);
  }

  findKey(cloud: string, key: string): ApiKey | undefined {
    return this.clouds.get(cloud)?.find((candidate) => candidate.key === key);
  }

  /** Every key of a cloud (delivery signatures may be made with any of them). */
  keysOf(cloud: string): readonly ApiKey[] {
    return this.clouds.get(cloud) ?? [];
  }

  /** The key used to sign responses and notifications when the request named none (unsigned uploads). */
  primaryKey(cloud: string): ApiKey {
    const key = this.clouds.get(cloud)?.[0];
    if (!key) throw new ServiceError(401, `Invalid cloud_name ${cloud}`);
    return key;
  }

  /** Checks key and secret (Basic auth) in time independent of how much of the secret was right. */
  verifySecret(cloud: string, key: string, secret: string): ApiKey | undefined {
    const found = this.findKey(cloud, key);
    if (!found) {
      timingSafeEqual(secret, secret);
      return undefined;
    }
    return timingSafeEqual(found.secret, secret) ? found : undefined;
  }
}
