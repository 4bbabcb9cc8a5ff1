import { signParams } from '@kumo/core';

/** What a signing endpoint agrees to sign, for one cloud and key. */
export interface SigningPolicy {
  readonly cloudName: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** Parameters a browser may ask for; anything else is refused. Defaults to `DEFAULT_SIGNABLE_PARAMS`. */
  readonly allowedParams?: readonly string[];
  /** Uploads land in this folder (a requested folder becomes a sub-folder of it). */
  readonly folder?: string;
  /** Tags added to every upload. */
  readonly tags?: readonly string[];
  /** Largest file the signature allows (sent as the signed `max_file_size`, which Kumo's server enforces). */
  readonly maxFileBytes?: number;
  readonly signatureAlgorithm?: 'sha1' | 'sha256';
  /** How far a client's `timestamp` may be from the signer's clock. */
  readonly maxClockSkewSeconds?: number;
}

/** Parameters signed by default: enough for widgets, nothing that overwrites or reconfigures. */
export const DEFAULT_SIGNABLE_PARAMS: readonly string[] = [
  'timestamp',
  'public_id',
  'folder',
  'asset_folder',
  'tags',
  'context',
  'upload_preset',
  'source',
  'use_filename',
  'unique_filename',
  'filename_override',
  'display_name',
  'eager',
  'eager_async',
  'custom_coordinates',
  'face_coordinates',
  'callback',
  'max_file_size',
  'return_delete_token',
];

/** A request the policy refuses; `status` is the HTTP status a handler should answer with. */
export class SigningPolicyError extends Error {
  override name = 'SigningPolicyError';
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message);
  }
}

export interface SignedUpload {
  /** Every parameter to send with the upload, including any the policy added. */
  readonly params: Record<string, string>;
  readonly signature: string;
  readonly api_key: string;
  readonly cloud_name: string;
  readonly timestamp: string;
}

/**
 * Signs upload parameters under a policy: refuses parameters outside the allow-list, forces the
 * folder, tags and size limit, and checks the timestamp. Returns everything the uploader must send.
 */
export async function signUpload(
  requested: Readonly<Record<string, unknown>>,
  policy: SigningPolicy,
  now = Date.now(),
): Promise<SignedUpload> {
  if (requested === null || typeof requested !== 'object' || Array.isArray(requested)) {
    throw new SigningPolicyError(400, 'Parameters to sign must be a JSON object');
  }
  const allowed = new Set(policy.allowedParams ?? DEFAULT_SIGNABLE_PARAMS);
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(requested)) {
    if (value === undefined || value === null || value === '') continue;
    if (!allowed.has(key)) throw new SigningPolicyError(403, `Parameter ${key} may not be signed`);
    params[key] = wireValue(key, value);
  }
  const seconds = Math.floor(now / 1000);
  const skew = policy.maxClockSkewSeconds ?? 600;
  if (params.timestamp === undefined) params.timestamp = String(seconds);
  if (!/^\d{1,12}$/.test(params.timestamp) || Math.abs(Number(params.timestamp) - seconds) > skew) {
    throw new SigningPolicyError(400, `timestamp must be the current Unix time in seconds (±${skew} s)`);
  }
  if (policy.folder) {
    const requestedFolder = params.folder?.replace(/^\/+|\/+$/g, '');
    params.folder = requestedFolder ? `${policy.folder}/${requestedFolder}` : policy.folder;
  }
  if (policy.tags?.length) {
    const tags = new Set([...(params.tags ? params.tags.split(',') : []), ...policy.tags]);
    params.tags = [...tags].join(',');
  }
  if (policy.maxFileBytes !== undefined) {
    const asked =
      params.max_file_size === undefined ? Number.POSITIVE_INFINITY : Number(params.max_file_size);
    params.max_file_size = String(Math.min(asked, policy.maxFileBytes));
  }
  const signature = await signParams(params, policy.apiSecret, {
    algorithm: policy.signatureAlgorithm ?? 'sha1',
  });
  return {
    params,
    signature,
    api_key: policy.apiKey,
    cloud_name: policy.cloudName,
    timestamp: params.timestamp,
  };
}

function wireValue(key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number'))
    return value.join(',');
  throw new SigningPolicyError(400, `Parameter ${key} must be a string, a number or a list`);
}
