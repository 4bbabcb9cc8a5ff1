import type { Transformation } from '@kumo/core';
import type { DerivedAsset } from '../../catalog/derived-catalog.js';
import type { TransformationCatalog } from '../../catalog/transformation-catalog.js';
import type { DeliveryConfig } from '../../config.js';
import { DeliveryError } from './delivery-error.js';
import { isNamedOnly } from './render-inputs.js';

/**
 * Strict transformations (`KUMO_STRICT_TRANSFORMATIONS`): an unsigned URL of a strict cloud may
 * render named transformations, transformations marked `allowed_for_strict`, and anything already
 * derived (eager ones included).
 */
export class StrictTransformations {
  constructor(
    private readonly setting: DeliveryConfig['strictTransformations'],
    private readonly named: TransformationCatalog,
  ) {}

  /** Whether unsigned URLs of this cloud may only use allowed transformations. */
  appliesTo(cloud: string): boolean {
    return this.setting === true || (Array.isArray(this.setting) && this.setting.includes(cloud));
  }

  /** Throws a 401 unless the transformation may be rendered for an unsigned URL. */
  async require(
    cloud: string,
    transformation: Transformation,
    canonical: string,
    existing: DerivedAsset | undefined,
  ): Promise<void> {
    if (!this.appliesTo(cloud) || !canonical || existing) return;
    if (isNamedOnly(transformation)) return;
    if (await this.named.isAllowedForStrict(cloud, canonical)) return;
    throw new DeliveryError(401, `Transformation ${canonical} is not allowed (strict transformations)`);
  }
}
