import { STREAMING_LADDERS } from '../render/video/index.js';
import { ServiceError } from './service-error.js';

// Display names of the built-in profiles, in Cloudinary's wording.
const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  '4k': '4K (2160p)',
  full_hd: 'Full High Definition (1080p)',
  full_hd_wifi: 'Full High Definition (1080p) for WiFi',
  full_hd_lean: 'Full High Definition (1080p) lean',
  hd: 'High Definition (720p)',
  hd_lean: 'High Definition (720p) lean',
  sd: 'Standard Definition',
  auto: 'Automatic',
};

/**
 * The built-in streaming profiles, read from the ladders the HLS encoder uses, so that what the
 * Admin API lists is what `sp_<name>` delivers. Widths are those of a 16:9 picture; the encoder keeps
 * each source's own aspect ratio at the same short side.
 */
export function listStreamingProfiles() {
  return {
    data: Object.keys(STREAMING_LADDERS).map((name) => ({
      name,
      display_name: DISPLAY_NAMES[name] ?? name,
      predefined: true,
    })),
  };
}

export function getStreamingProfile(name: string) {
  const rungs = Object.hasOwn(STREAMING_LADDERS, name) ? STREAMING_LADDERS[name] : undefined;
  if (!rungs) throw new ServiceError(404, `Streaming profile ${name} not found`);
  return {
    data: {
      name,
      display_name: DISPLAY_NAMES[name] ?? name,
      predefined: true,
      representations: rungs.map((rung) => ({
        transformation: [
          {
            crop: 'limit',
            width: even(Math.round((rung.shortSide * 16) / 9)),
            height: rung.shortSide,
            bit_rate: `${rung.videoBitrate / 1000}k`,
            video_codec: 'h264',
            audio_codec: 'aac',
            audio_bit_rate: `${rung.audioBitrate / 1000}k`,
          },
        ],
      })),
    },
  };
}

function even(value: number): number {
  return value - (value % 2);
}
