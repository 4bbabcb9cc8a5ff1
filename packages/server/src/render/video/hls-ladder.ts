/**
 * Adaptive-streaming ladders: which renditions a streaming profile (`sp_…`) gives for a source. The
 * bit rates are Kumo's own choice (typical H.264 figures), not Cloudinary's.
 */
import { unsupported } from './video-errors.js';
import { even, type FrameSize } from './video-geometry.js';

/** One step of a ladder: the short side of the picture (`720` for 1280×720 or 720×1280) and bit rates. */
export interface HlsRung {
  readonly name: string;
  readonly shortSide: number;
  /** Video bits per second for a 16:9 picture of that size. */
  readonly videoBitrate: number;
  readonly audioBitrate: number;
}

/** A rendition to encode. */
export interface HlsRendition {
  readonly name: string;
  readonly width: number;
  readonly height: number;
  /** Video bit-rate cap, bits per second. */
  readonly videoBitrate: number;
  readonly audioBitrate: number;
}

const rung = (shortSide: number, kbps: number, audioKbps: number): HlsRung => ({
  name: `${shortSide}p`,
  shortSide,
  videoBitrate: kbps * 1000,
  audioBitrate: audioKbps * 1000,
});

const R2160 = rung(2160, 12_000, 128);
const R1440 = rung(1440, 7000, 128);
const R1080 = rung(1080, 4500, 128);
const R720 = rung(720, 2500, 128);
const R480 = rung(480, 1200, 96);
const R360 = rung(360, 700, 96);
const R240 = rung(240, 350, 64);

/** Ladders of the predefined profiles, highest first. `auto` is every rung the source allows. */
export const STREAMING_LADDERS: Readonly<Record<string, readonly HlsRung[]>> = {
  auto: [R2160, R1440, R1080, R720, R480, R360, R240],
  '4k': [R2160, R1440, R1080, R720, R480, R360, R240],
  full_hd: [R1080, R720, R480, R360, R240],
  // For fast, stable connections: higher rates, no tiny renditions.
  full_hd_wifi: [rung(1080, 6000, 128), rung(720, 3500, 128), rung(480, 1800, 128)],
  // For constrained networks: fewer steps at lower rates.
  full_hd_lean: [rung(1080, 3000, 128), rung(720, 1500, 96), rung(360, 500, 64)],
  hd: [R720, R480, R360, R240],
  hd_lean: [rung(720, 1500, 96), rung(480, 800, 64), rung(240, 250, 64)],
  sd: [R480, R360, R240],
};

function predefined(profile: string): readonly HlsRung[] {
  const rungs = Object.hasOwn(STREAMING_LADDERS, profile) ? STREAMING_LADDERS[profile] : undefined;
  return rungs ?? unsupported(`Unknown streaming profile: sp_${profile}`);
}

function sizeFor(source: FrameSize, shortSide: number): FrameSize {
  const landscape = source.width >= source.height;
  const long =
    (shortSide * (landscape ? source.width : source.height)) / (landscape ? source.height : source.width);
  const a = even(shortSide);
  const b = even(Math.round(long));
  return landscape ? { width: b, height: a } : { width: a, height: b };
}

/**
 * The renditions of `profile` for a source of `source` size, highest first. Never upscales: rungs taller
 * than the source's short side are left out; a source smaller than every rung gets one rendition at its
 * own (even) size. Bit rates follow the picture area relative to 16:9 (clamped to ½–1½×).
 */
export function hlsLadder(source: FrameSize, profile: string | readonly HlsRung[] = 'auto'): HlsRendition[] {
  const rungs = typeof profile === 'string' ? predefined(profile) : profile;
  if (!Array.isArray(rungs) || rungs.length === 0)
    unsupported('A streaming profile needs at least one rendition');
  const names = new Set<string>();
  for (const r of rungs) {
    const valid =
      Number.isInteger(r.shortSide) &&
      r.shortSide >= 16 &&
      r.videoBitrate > 0 &&
      r.audioBitrate > 0 &&
      /^[A-Za-z0-9_-]+$/.test(r.name) &&
      !names.has(r.name);
    if (!valid) unsupported(`Invalid rendition in streaming profile: ${JSON.stringify(r)}`);
    names.add(r.name);
  }
  if (!(source.width > 0 && source.height > 0)) unsupported('The source has no video to stream');
  const short = Math.min(source.width, source.height);
  const fitting = rungs.filter((r) => r.shortSide <= short);
  const chosen: HlsRung[] =
    fitting.length > 0 ? [...fitting] : [{ ...rungs[rungs.length - 1]!, shortSide: short }];
  chosen.sort((a, b) => b.shortSide - a.shortSide);
  return chosen.map((r) => {
    const size = sizeFor(source, r.shortSide);
    const nominal = even(Math.round((r.shortSide * 16) / 9)) * r.shortSide;
    const share = Math.min(1.5, Math.max(0.5, (size.width * size.height) / nominal));
    const scaled = fitting.length > 0 ? share : Math.max(0.2, (size.width * size.height) / nominal);
    return {
      name: fitting.length > 0 ? r.name : `${even(r.shortSide)}p`,
      ...size,
      videoBitrate: Math.round((r.videoBitrate * scaled) / 1000) * 1000,
      audioBitrate: r.audioBitrate,
    };
  });
}
