/**
 * Containers the pipeline writes, the codecs each may hold and the ffmpeg encoder arguments.
 */

import { unsupported } from './video-errors.js';
import type { EncodeSettings } from './video-plan.js';
import { crfForVpx, crfForX26x, type VideoCodecChoice } from './video-values.js';

type VideoCodec = Exclude<VideoCodecChoice['codec'], 'auto' | 'none'>;
type AudioCodec = 'aac' | 'mp3' | 'opus' | 'vorbis' | 'flac' | 'pcm';

/** One output format (file extension). */
export interface OutputFormat {
  readonly muxer: string;
  readonly contentType: string;
  /** Absent for audio-only formats. */
  readonly video?: { readonly default: VideoCodec; readonly allowed: readonly VideoCodec[] };
  readonly audio: { readonly default: AudioCodec; readonly allowed: readonly AudioCodec[] };
  /** MP4-family: move the index to the front so playback starts before the download ends. */
  readonly faststart?: boolean;
}

const MP4_AUDIO: readonly AudioCodec[] = ['aac', 'mp3', 'opus'];

export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = {
  mp4: {
    muxer: 'mp4',
    contentType: 'video/mp4',
    video: { default: 'h264', allowed: ['h264', 'h265'] },
    audio: { default: 'aac', allowed: MP4_AUDIO },
    faststart: true,
  },
  mov: {
    muxer: 'mov',
    contentType: 'video/quicktime',
    video: { default: 'h264', allowed: ['h264', 'h265'] },
    audio: { default: 'aac', allowed: ['aac', 'mp3'] },
    faststart: true,
  },
  webm: {
    muxer: 'webm',
    contentType: 'video/webm',
    video: { default: 'vp9', allowed: ['vp9', 'vp8'] },
    audio: { default: 'opus', allowed: ['opus', 'vorbis'] },
  },
  mkv: {
    muxer: 'matroska',
    contentType: 'video/x-matroska',
    video: { default: 'h264', allowed: ['h264', 'h265', 'vp8', 'vp9'] },
    audio: { default: 'aac', allowed: ['aac', 'mp3', 'opus', 'vorbis', 'flac'] },
  },
  mp3: { muxer: 'mp3', contentType: 'audio/mpeg', audio: { default: 'mp3', allowed: ['mp3'] } },
  m4a: {
    muxer: 'ipod',
    contentType: 'audio/mp4',
    audio: { default: 'aac', allowed: ['aac'] },
    faststart: true,
  },
  aac: { muxer: 'adts', contentType: 'audio/aac', audio: { default: 'aac', allowed: ['aac'] } },
  ogg: { muxer: 'ogg', contentType: 'audio/ogg', audio: { default: 'vorbis', allowed: ['vorbis', 'opus'] } },
  opus: { muxer: 'ogg', contentType: 'audio/ogg', audio: { default: 'opus', allowed: ['opus'] } },
  wav: { muxer: 'wav', contentType: 'audio/wav', audio: { default: 'pcm', allowed: ['pcm'] } },
  flac: { muxer: 'flac', contentType: 'audio/flac', audio: { default: 'flac', allowed: ['flac'] } },
};

/** The output format for an extension, or a 400. */
export function outputFormat(format: string): OutputFormat {
  const spec = Object.hasOwn(OUTPUT_FORMATS, format) ? OUTPUT_FORMATS[format] : undefined;
  if (!spec) {
    const hint = format === 'm3u8' ? ' (HLS is written by encodeHls)' : '';
    return unsupported(`Unsupported video output format: ${format}${hint}`);
  }
  return spec;
}

/** The codecs to write: the requested ones when the container takes them, else its defaults. */
export function chooseCodecs(
  format: string,
  spec: OutputFormat,
  settings: EncodeSettings,
): { video?: VideoCodec; audio: AudioCodec } {
  const requestedAudio = settings.audioCodec;
  let audio = spec.audio.default;
  if (requestedAudio !== 'auto' && requestedAudio !== 'none') {
    if (!spec.audio.allowed.includes(requestedAudio)) {
      unsupported(`Unsupported audio codec for ${format}: ac_${requestedAudio}`);
    }
    audio = requestedAudio;
  }
  const requestedVideo = settings.videoCodec.codec;
  if (!spec.video || requestedVideo === 'none') return { audio };
  let video = spec.video.default;
  if (requestedVideo !== 'auto') {
    if (!spec.video.allowed.includes(requestedVideo)) {
      unsupported(`Unsupported video codec for ${format}: vc_${requestedVideo}`);
    }
    video = requestedVideo;
  }
  return { video, audio };
}

/** x264/x265 speed presets accepted by `preset` options. */
export const X26X_PRESETS = [
  'ultrafast',
  'superfast',
  'veryfast',
  'faster',
  'fast',
  'medium',
  'slow',
] as const;
export type X26xPreset = (typeof X26X_PRESETS)[number];

const kbit = (bits: number): string => `${Math.round(bits / 1000)}k`;

/** Encoder arguments for the video stream. */
export function videoEncoderArgs(
  codec: VideoCodec,
  settings: EncodeSettings,
  frameRate: number,
  preset: X26xPreset,
): string[] {
  const args: string[] = [];
  const rate = settings.bitRate;
  const quality = settings.quality;
  if (codec === 'h264' || codec === 'h265') {
    args.push('-c:v', codec === 'h264' ? 'libx264' : 'libx265', '-preset', preset);
    if (codec === 'h265') args.push('-tag:v', 'hvc1', '-x265-params', 'log-level=error');
    const choice = settings.videoCodec;
    if (codec === 'h264' && choice.profile) args.push('-profile:v', choice.profile);
    if (choice.level) args.push('-level', choice.level);
    if (choice.noBFrames) args.push('-bf', '0');
    if (quality !== undefined || rate === undefined) {
      args.push('-crf', String(crfForX26x(quality ?? 85, codec)));
      if (rate) args.push('-maxrate', kbit(rate.bitsPerSecond), '-bufsize', kbit(rate.bitsPerSecond * 2));
    } else if (rate.constant) {
      const b = kbit(rate.bitsPerSecond);
      args.push('-b:v', b, '-minrate', b, '-maxrate', b, '-bufsize', b);
    } else {
      args.push('-b:v', kbit(rate.bitsPerSecond));
      args.push('-maxrate', kbit(rate.bitsPerSecond * 1.5), '-bufsize', kbit(rate.bitsPerSecond * 2));
    }
  } else {
    // Realtime deadline and the fastest cpu-used: several times faster than libvpx's "good" default,
    // which matters more for on-the-fly delivery than the last few percent of compression.
    args.push('-c:v', codec === 'vp9' ? 'libvpx-vp9' : 'libvpx', '-deadline', 'realtime', '-cpu-used', '8');
    if (codec === 'vp9') args.push('-row-mt', '1');
    if (rate?.constant) {
      const b = kbit(rate.bitsPerSecond);
      args.push('-b:v', b, '-minrate', b, '-maxrate', b);
    } else if (rate && quality === undefined) {
      args.push('-b:v', kbit(rate.bitsPerSecond));
    } else {
      // Constrained quality: the crf, capped by the bit rate when one is given (vp8 needs a cap).
      const cap = rate?.bitsPerSecond ?? (codec === 'vp8' ? 4_000_000 : 0);
      args.push('-crf', String(crfForVpx(quality ?? 85)), '-b:v', cap === 0 ? '0' : kbit(cap));
    }
  }
  if (settings.keyframeInterval !== undefined) {
    const k = settings.keyframeInterval;
    args.push(
      '-force_key_frames',
      `expr:gte(t,n_forced*${k})`,
      '-g',
      String(Math.max(1, Math.round(k * frameRate))),
    );
  }
  args.push('-pix_fmt', 'yuv420p');
  return args;
}

const OPUS_RATES = [8000, 12000, 16000, 24000, 48000];

/** Encoder arguments for the audio stream; `br_` sets the audio bit rate when there is no video. */
export function audioEncoderArgs(codec: AudioCodec, settings: EncodeSettings, audioOnly: boolean): string[] {
  const bits =
    audioOnly && settings.bitRate ? Math.min(320_000, Math.max(32_000, settings.bitRate.bitsPerSecond)) : 0;
  const args: string[] = [];
  switch (codec) {
    case 'aac':
      args.push('-c:a', 'aac', '-b:a', bits ? kbit(bits) : '128k');
      break;
    case 'mp3':
      args.push('-c:a', 'libmp3lame', '-b:a', bits ? kbit(bits) : '128k');
      break;
    case 'opus':
      args.push('-c:a', 'libopus', '-b:a', bits ? kbit(bits) : '96k');
      break;
    case 'vorbis':
      args.push('-c:a', 'libvorbis', ...(bits ? ['-b:a', kbit(bits)] : ['-q:a', '4']));
      break;
    case 'flac':
      args.push('-c:a', 'flac');
      break;
    case 'pcm':
      args.push('-c:a', 'pcm_s16le');
      break;
  }
  const hz = settings.audioFrequency;
  if (hz !== undefined) {
    if (codec === 'opus' && !OPUS_RATES.includes(hz)) {
      unsupported(`Invalid audio frequency for opus: af_${hz} (one of ${OPUS_RATES.join(', ')})`);
    }
    args.push('-ar', String(hz));
  }
  return args;
}
