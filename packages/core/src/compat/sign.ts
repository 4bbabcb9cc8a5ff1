import type { SignatureAlgorithm } from '../signing/digest.js';
import {
  checkAlgorithm,
  hashWithSecret,
  type SignatureVersion,
  SigningInputError,
} from '../signing/upload.js';

function sdkText(key: string, value: unknown): string {
  if (typeof value === 'symbol') {
    throw new SigningInputError(`Cannot sign parameter "${key}": symbols have no string form`);
  }
  try {
    return `${value as string}`;
  } catch {
    throw new SigningInputError(`Cannot sign parameter "${key}": the value cannot be converted to a string`);
  }
}

/**
 * The SDK signs whatever it is given: no keys are dropped, `key[]` names stay as they are, arrays are
 * comma-joined, null/undefined/empty values are skipped and keys are ordered with `localeCompare`.
 */
function sdkStringToSign(params: Record<string, unknown>, version: SignatureVersion): string {
  const pairs: [string, unknown][] = [];
  for (const [key, raw] of Object.entries(params)) {
    const value = Array.isArray(raw) ? raw.join(',') : raw;
    if (value === null || value === undefined || value === '') continue;
    pairs.push([key, value]);
  }
  pairs.sort((a, b) => a[0].localeCompare(b[0]));
  return pairs
    .map(([key, value]) => {
      const pair = `${key}=${sdkText(key, value)}`;
      return version === 2 ? pair.replace(/&/g, '%26') : pair;
    })
    .join('&');
}

/**
 * Same result as the `cloudinary` SDK's `utils.api_sign_request(params, secret, algorithm)`:
 * lowercase hex SHA-1 (default) or SHA-256 of the version-2 string to sign plus the secret.
 */
export async function apiSignRequest(
  paramsToSign: Record<string, unknown>,
  apiSecret: string,
  signatureAlgorithm?: SignatureAlgorithm | null,
  signatureVersion?: SignatureVersion | null,
): Promise<string> {
  if (paramsToSign === null || typeof paramsToSign !== 'object') {
    throw new SigningInputError('Parameters to sign must be an object');
  }
  const version = signatureVersion ?? 2;
  if (version !== 1 && version !== 2)
    throw new SigningInputError(`Unsupported signature version ${String(version)}`);
  const algorithm = checkAlgorithm(signatureAlgorithm ?? 'sha1');
  return hashWithSecret(sdkStringToSign(paramsToSign, version), apiSecret, algorithm);
}
