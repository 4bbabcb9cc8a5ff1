import { crc32 } from './crc32.js';
import { DeliveryUrlError } from './delivery-url-error.js';

const SHARED_HOST = 'res.cloudinary.com';
// Akamai's retired shared host: the SDKs treat it as "no custom distribution".
const OLD_SHARED_HOST = 'cloudinary-a.akamaihd.net';

/** Host options in their resolved form; strings keep the SDK's "null means unset" semantics. */
export interface HostSettings {
  cloudName: string;
  baseUrl?: string | undefined;
  secure: boolean;
  privateCdn: boolean;
  cname?: string | undefined;
  secureDistribution?: string | undefined;
  cdnSubdomain: boolean;
  secureCdnSubdomain?: boolean | undefined;
}

function shard(source: string): number {
  return (crc32(source) % 5) + 1;
}

/**
 * The scheme, host and (on shared hosts) cloud-name part of a delivery URL. `source` is the escaped
 * public id as it appears in the URL; legacy sharding hashes it to pick `res-1`…`res-5`.
 */
export function deliveryPrefix(source: string, host: HostSettings): string {
  const { cloudName } = host;
  if (!cloudName)
    throw new DeliveryUrlError('missing_cloud_name', 'A cloud name is required to build a delivery URL');
  if (host.baseUrl != null) return host.baseUrl.replace(/\/+$/, '') + '/' + cloudName;
  const shared = !host.privateCdn;
  let prefix: string;
  if (host.secure) {
    let distribution = host.secureDistribution;
    if (distribution == null || distribution === OLD_SHARED_HOST) {
      distribution = host.privateCdn ? `${cloudName}-res.cloudinary.com` : SHARED_HOST;
    }
    const sharded = host.secureCdnSubdomain ?? (shared ? host.cdnSubdomain : undefined);
    if (sharded) distribution = distribution.replace(SHARED_HOST, `res-${shard(source)}.cloudinary.com`);
    prefix = 'https://' + distribution;
  } else if (host.cname) {
    prefix = 'http://' + (host.cdnSubdomain ? `a${shard(source)}.` : '') + host.cname;
  } else {
    const privatePart = host.privateCdn ? cloudName + '-' : '';
    const shardPart = host.cdnSubdomain ? '-' + shard(source) : '';
    prefix = `http://${privatePart}res${shardPart}.cloudinary.com`;
  }
  return shared ? prefix + '/' + cloudName : prefix;
}
