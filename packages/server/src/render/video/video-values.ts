/**
 * Reading the video parameters of a transformation (offsets, bit rate, fps, quality, codecs) into plain
 * numbers. Every failure is a 400 `VideoRenderError` naming the parameter.
 */
import type { Scalar, VideoCodec } from '@kumo/core';
import { unsupported } from './video-errors.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/** A plain number, or a 400 naming `label` (`Invalid width in transformation: iw_mul_2`). */
export function readNumber(value: Scalar, label: string): number {
  const text = String(value);
  if (!NUMBER.test(text)) {
    return unsupported(
      `Invalid ${label} in transformation: ${text} (expressions are not supported for video)`,
    );
  }
  return Number(text);
}

/** An offset in seconds or percent of `duration` (`35p`); `auto` is only meaningful for poster frames. */
export function readOffset(value: Scalar, duration: number, label: string): number {
  const text = String(value);
  const percent = /^(\d+(\.\d+)?)p$/.exec(text);
  if (percent) {
    const share = Number(percent[1]);
    if (share > 100) unsupported(`Invalid ${label} in transformation: ${text} (over 100 percent)`);
    return (duration * share) / 100;
  }
  if (text === 'auto')
    return unsupported(`Invalid ${label} in transformation: auto (only for poster frames)`);
  const seconds = readNumber(value, label);
  if (seconds < 0) unsupported(`Invalid ${label} in transformation: ${text}`);
  return seconds;
}

/** `br_2048`, `br_500k`, `br_2m`, `br_1m:constant` → bits per second. */
export function readBitRate(value: Scalar): { readonly bitsPerSecond: number; readonly constant: boolean } {
  const match = /^(\d+(?:\.\d+)?)([km]?)(:constant)?$/.exec(String(value));
  if (!match) return unsupported(`Invalid bit rate in transformation: ${String(value)}`);
  const scale = match[2] === 'm' ? 1_000_000 : match[2] === 'k' ? 1000 : 1;
  const bitsPerSecond = Math.round(Number(match[1]) * scale);
  if (bitsPerSecond < 8000 || bitsPerSecond > 200_000_000) {
    unsupported(`Invalid bit rate in transformation: ${String(value)} (8k to 200m)`);
  }
  return { bitsPerSecond, constant: match[3] !== undefined };
}

/** `fps_24` → exactly 24; `fps_24-30` → the source rate kept within [24, 30]; `fps_-25` → at most 25. */
export function readFps(value: Scalar): { readonly min?: number; readonly max?: number } {
  const text = String(value);
  const match = /^(\d+(?:\.\d+)?)?(-)?(\d+(?:\.\d+)?)?$/.exec(text);
  if (!match || (match[1] === undefined && match[3] === undefined)) {
    return unsupported(`Invalid fps in transformation: ${text}`);
  }
  const low = match[1] === undefined ? undefined : Number(match[1]);
  const high = match[3] === undefined ? undefined : Number(match[3]);
  const range = match[2] === undefined ? { min: low, max: low } : { min: low, max: high };
  for (const rate of [range.min, range.max]) {
    if (rate !== undefined && !(rate > 0 && rate <= 240))
      unsupported(`Invalid fps in transformation: ${text}`);
  }
  return {
    ...(range.min !== undefined && { min: range.min }),
    ...(range.max !== undefined && { max: range.max }),
  };
}

/** The frame rate to write: the source's, kept inside the requested range. */
export function pickFrameRate(
  source: number,
  range: { readonly min?: number; readonly max?: number },
): number {
  let rate = source > 0 ? source : 25;
  if (range.min !== undefined) rate = Math.max(rate, range.min);
  if (range.max !== undefined) rate = Math.min(rate, range.max);
  return rate;
}

/**
 * `q_N` (1–100) as a 0–100 quality; `q_auto[:level]` as fixed levels; a chroma suffix (`q_80:444`) is
 * ignored because players expect 4:2:0 video.
 */
export function readQuality(value: Scalar): number {
  const text = String(value);
  const levels: Record<string, number> = {
    auto: 80,
    'auto:good': 80,
    'auto:best': 90,
    'auto:eco': 70,
    'auto:low': 55,
  };
  if (text in levels) return levels[text]!;
  if (/^jpegmini(:\d)?$/.test(text)) return 90;
  const match = /^(\d+(?:\.\d+)?)(:(444|422|420))?$/.exec(text);
  const quality = match ? Number(match[1]) : Number.NaN;
  if (!(quality >= 1 && quality <= 100)) return unsupported(`Invalid quality in transformation: ${text}`);
  return quality;
}

/** x264/x265 constant rate factor for a 1–100 quality: 100 → 18, 80 → 25, 1 → 51 (x265 +4). */
export function crfForX26x(quality: number, codec: 'h264' | 'h265'): number {
  const crf = Math.round(18 + (100 - quality) * 0.33);
  return Math.min(51, codec === 'h265' ? crf + 4 : crf);
}

/** libvpx constant quality level (0–63) for a 1–100 quality: 100 → 15, 80 → 25, 1 → 63. */
export function crfForVpx(quality: number): number {
  return Math.min(63, Math.round(15 + (100 - quality) * 0.48));
}

/** A requested video codec (`vc_h264:baseline:3.1`, `vc_auto`, `vc_none`). */
export interface VideoCodecChoice {
  readonly codec: 'auto' | 'none' | 'h264' | 'h265' | 'vp8' | 'vp9';
  readonly profile?: 'baseline' | 'main' | 'high';
  readonly level?: string;
  readonly noBFrames?: boolean;
}

const VIDEO_CODECS = ['auto', 'none', 'h264', 'h265', 'vp8', 'vp9'] as const;
const H264_PROFILES = ['baseline', 'main', 'high'] as const;

/** Reads `vc_…` (string form from the parser, or the model's object form). */
export function readVideoCodec(value: string | VideoCodec): VideoCodecChoice {
  const parts =
    typeof value === 'string'
      ? value.split(':')
      : [
          value.codec,
          ...(value.profile ? [value.profile] : []),
          ...(value.level ? [String(value.level)] : []),
        ];
  const noBFrames = parts.includes('bframes_no');
  const [name = '', profile, level] = parts.filter((part) => part !== 'bframes_no');
  const codec = name === 'hevc' ? 'h265' : name;
  if (!(VIDEO_CODECS as readonly string[]).includes(codec)) {
    const why = codec === 'av1' ? ' (AV1 encoding is too slow for on-the-fly delivery)' : '';
    return unsupported(`Unsupported video codec: vc_${String(value)}${why}`);
  }
  const choice: { -readonly [K in keyof VideoCodecChoice]: VideoCodecChoice[K] } = {
    codec: codec as VideoCodecChoice['codec'],
  };
  if (profile !== undefined) {
    if (codec !== 'h264' || !(H264_PROFILES as readonly string[]).includes(profile)) {
      unsupported(`Unsupported video codec profile: vc_${parts.join(':')}`);
    }
    choice.profile = profile as VideoCodecChoice['profile'];
  }
  if (level !== undefined) {
    if (!/^[1-6](\.\d)?$/.test(level)) unsupported(`Unsupported video codec level: vc_${parts.join(':')}`);
    choice.level = level;
  }
  if (noBFrames) choice.noBFrames = true;
  return choice;
}

/** Audio codecs Kumo writes (`ac_…`); `none` drops the audio. */
export const AUDIO_CODECS = ['auto', 'none', 'aac', 'mp3', 'opus', 'vorbis', 'flac', 'pcm'] as const;
export type AudioCodecChoice = (typeof AUDIO_CODECS)[number];

/** Reads `ac_…`; Cloudinary's `ac_acc` spelling in old examples is accepted as `aac`. */
export function readAudioCodec(value: string): AudioCodecChoice {
  const codec = value === 'acc' ? 'aac' : value === 'mp4a' ? 'aac' : value;
  if (!(AUDIO_CODECS as readonly string[]).includes(codec)) {
    return unsupported(`Unsupported audio codec: ac_${value}`);
  }
  return codec as AudioCodecChoice;
}
