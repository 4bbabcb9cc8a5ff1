import { appendTransformation } from '../url/append-transformation.js';
import { buildUrl } from '../url/build.js';
import { DeliveryUrlError } from '../url/delivery-url-error.js';
import type { VideoUrlOptions } from './video-options.js';

/** Cloudinary's predefined streaming profiles; `auto` lets the server choose the ladder. */
export const STREAMING_PROFILES = [
  'auto',
  'full_hd',
  'full_hd_wifi',
  'full_hd_lean',
  'hd',
  'hd_lean',
  'sd',
  '4k',
] as const;
/** A predefined profile name, or the name of a custom one. */
export type StreamingProfile = (typeof STREAMING_PROFILES)[number] | (string & {});

/** Options of `hlsUrl` and `dashUrl`. */
export interface StreamingOptions extends Omit<VideoUrlOptions, 'format'> {
  /** Streaming profile (`sp_…`); default `auto`. */
  profile?: StreamingProfile;
}

const PROFILE = /^[a-z0-9_]+$/i;

function manifestUrl(publicId: string, options: StreamingOptions, format: 'm3u8' | 'mpd'): string {
  if (options == null || typeof options !== 'object')
    throw new DeliveryUrlError('invalid_option', 'Streaming options must be an object');
  const { profile = 'auto', transformation, ...urlOptions } = options;
  if (typeof profile !== 'string' || !PROFILE.test(profile)) {
    throw new DeliveryUrlError('invalid_option', `Invalid streaming profile ${JSON.stringify(profile)}`);
  }
  return buildUrl(publicId, {
    ...urlOptions,
    resourceType: 'video',
    format,
    transformation: appendTransformation(transformation, { streamingProfile: profile }),
  });
}

/** Adaptive HLS manifest, e.g. `…/video/upload/sp_auto/sea_turtle.m3u8`. */
export function hlsUrl(publicId: string, options: StreamingOptions): string {
  return manifestUrl(publicId, options, 'm3u8');
}

/** Adaptive MPEG-DASH manifest, e.g. `…/video/upload/sp_auto/sea_turtle.mpd`. */
export function dashUrl(publicId: string, options: StreamingOptions): string {
  return manifestUrl(publicId, options, 'mpd');
}
