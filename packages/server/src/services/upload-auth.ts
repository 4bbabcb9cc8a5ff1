import { verifyUploadSignature } from '@kumo/core';
import type { PresetCatalog, UploadPreset } from '../catalog/preset-catalog.js';
import type { ApiKey } from '../config.js';
import type { Credentials } from './credentials.js';
import { type RequestParams, stringParam } from './request-params.js';
import { ServiceError } from './service-error.js';

/** Who is uploading: a holder of an API key, or anyone through an unsigned preset. */
export type UploadAuth =
  | { readonly mode: 'signed'; readonly apiKey: ApiKey; readonly preset?: UploadPreset }
  | { readonly mode: 'unsigned'; readonly preset: UploadPreset };

/** Key and secret from an `Authorization: Basic` header, which the Upload API also accepts. */
export interface BasicCredentials {
  readonly key: string;
  readonly secret: string;
}

/**
 * Decides whether an Upload API request may proceed, with Cloudinary's messages: Basic auth, then a
 * signature, then an unsigned preset.
 */
export class UploadAuthenticator {
  constructor(
    private readonly credentials: Credentials,
    private readonly presets: PresetCatalog,
    private readonly now: () => number = Date.now,
  ) {}

  async authenticate(cloud: string, params: RequestParams, basic?: BasicCredentials): Promise<UploadAuth> {
    this.credentials.requireCloud(cloud);
    const presetName = stringParam(params, 'upload_preset');
    if (
      basic ||
      stringParam(params, 'signature') !== undefined ||
      stringParam(params, 'api_key') !== undefined
    ) {
      const apiKey = await this.authenticateSigned(cloud, params, basic);
      const preset = presetName === undefined ? undefined : await this.requirePreset(cloud, presetName);
      return { mode: 'signed', apiKey, preset };
    }
    if (presetName === undefined) {
      throw new ServiceError(400, 'Upload preset must be specified when using unsigned upload');
    }
    const preset = await this.requirePreset(cloud, presetName);
    if (!preset.unsigned)
      throw new ServiceError(400, 'Upload preset must be whitelisted for unsigned uploads');
    return { mode: 'unsigned', preset };
  }

  /** For destroy, rename, explicit and tags, which have no unsigned form. */
  async authenticateSigned(cloud: string, params: RequestParams, basic?: BasicCredentials): Promise<ApiKey> {
    this.credentials.requireCloud(cloud);
    if (basic) {
      const key = this.credentials.verifySecret(cloud, basic.key, basic.secret);
      if (!key) throw new ServiceError(401, 'Invalid credentials');
      return key;
    }
    const keyName = stringParam(params, 'api_key');
    if (keyName === undefined) throw new ServiceError(401, 'Must supply api_key');
    const key = this.credentials.findKey(cloud, keyName);
    if (!key) throw new ServiceError(401, `Unknown API key ${keyName}`);
    const { file: _file, ...signed } = params;
    const check = await verifyUploadSignature(signed, key.secret, { now: this.now() });
    if (!check.ok) throw new ServiceError(check.status, check.message);
    return key;
  }

  private async requirePreset(cloud: string, name: string): Promise<UploadPreset> {
    const preset = await this.presets.get(cloud, name);
    if (!preset) throw new ServiceError(400, `Upload preset not found: ${name}`);
    return preset;
  }
}
