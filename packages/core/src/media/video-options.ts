import type { DeliveryUrlOptions } from '../url/build.js';

/** URL options for a video-derived URL; the resource type is always `video`. */
export type VideoUrlOptions = Omit<DeliveryUrlOptions, 'resourceType'>;
