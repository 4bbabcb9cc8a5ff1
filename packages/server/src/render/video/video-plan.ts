/**
 * Turns a parsed transformation into a plan for ffmpeg: which part of the source to read, the video
 * and audio filter chains, the output size and the encoder settings. Pure: no process runs here.
 *
 * Components apply left to right: the resize/crop, the effect and the rotation of each component act
 * on the result of the previous one. Trims (`so`, `eo`, `du`) and encoder parameters (`vc`, `ac`, `br`,
 * `q`, `fps`, `ki`, `af`) describe the output as a whole, so the last value in the chain wins.
 */
import type { Component, Scalar, Transformation } from '@kumo/core';
import type { VideoInfo } from './probe-video.js';
import { effectStep } from './video-effects.js';
import { unsupported } from './video-errors.js';
import { angleStep, type FrameSize, geometryStep } from './video-geometry.js';
import {
  type AudioCodecChoice,
  pickFrameRate,
  readAudioCodec,
  readBitRate,
  readFps,
  readNumber,
  readOffset,
  readQuality,
  readVideoCodec,
  type VideoCodecChoice,
} from './video-values.js';

/** Safety limits of the video pipeline; every value has a default. */
export interface VideoLimits {
  /** Largest output frame, width × height; default 4096 × 2304. */
  readonly maxOutputPixels?: number;
  /** Most memory `e_reverse`/`e_boomerang` may fill with decoded frames; default 768 MiB. */
  readonly maxBufferedBytes?: number;
}

export const DEFAULT_VIDEO_LIMITS: Required<VideoLimits> = {
  maxOutputPixels: 4096 * 2304,
  maxBufferedBytes: 768 * 1024 * 1024,
};

/** Encoder settings read from the chain. */
export interface EncodeSettings {
  readonly videoCodec: VideoCodecChoice;
  readonly audioCodec: AudioCodecChoice;
  readonly bitRate?: { readonly bitsPerSecond: number; readonly constant: boolean };
  /** 1–100. */
  readonly quality?: number;
  /** Seconds between forced keyframes. */
  readonly keyframeInterval?: number;
  /** Audio sample rate in Hz. */
  readonly audioFrequency?: number;
}

/** What to do to the source. */
export interface VideoPlan {
  /** Where to start reading the source, in seconds. */
  readonly start: number;
  /** How many seconds of the source to read. */
  readonly length: number;
  /** Seconds of output (after speed changes and boomerang). */
  readonly duration: number;
  /** Absent when the output has no video. */
  readonly video?: {
    readonly filters: readonly string[];
    readonly size: FrameSize;
    readonly frameRate: number;
  };
  /** Absent when the output has no audio. */
  readonly audio?: { readonly filters: readonly string[] };
  readonly settings: EncodeSettings;
}

type Field = keyof Component;

/** Parameters the video pipeline acts on. */
const ACTED_ON: ReadonlySet<Field> = new Set<Field>([
  'crop',
  'width',
  'height',
  'gravity',
  'aspectRatio',
  'x',
  'y',
  'dpr',
  'background',
  'angle',
  'effect',
  'startOffset',
  'endOffset',
  'duration',
  'videoCodec',
  'audioCodec',
  'audioFrequency',
  'bitRate',
  'fps',
  'quality',
  'keyframeInterval',
]);

/**
 * Parameters that do not change the rendered video: the route resolves the output format (`f_`) and
 * missing assets (`d_`); `sp_` matters only for `.m3u8` (see `encodeHls`).
 */
const PASSED_OVER: ReadonlySet<Field> = new Set<Field>([
  'format',
  'defaultImage',
  'streamingProfile',
  'flags',
]);

/** Flags that are about delivery (headers, playlist flavour), not about the pixels. */
const DELIVERY_FLAGS = new Set([
  'attachment',
  'streaming_attachment',
  'hlsv3',
  'keep_dar',
  'truncate_ts',
  'no_stream',
  'immutable_cache',
  'any_format',
]);

const FIELD_KEYS: Partial<Record<Field, string>> = {
  if: 'if',
  variables: '$variables',
  raw: 'raw transformation',
  overlay: 'l (overlay)',
  underlay: 'u (underlay)',
  namedTransformation: 't (named transformation)',
  radius: 'r (radius)',
  border: 'bo (border)',
  opacity: 'o (opacity)',
  color: 'co (color)',
  customFunction: 'fn (custom function)',
  density: 'dn (density)',
  page: 'pg (page)',
  delay: 'dl (delay)',
  prefix: 'p (prefix)',
  zoom: 'z (zoom)',
  videoSampling: 'vs (video sampling)',
  baseline: 'bl (baseline)',
  colorSpace: 'cs (color space)',
};

/** Refuses parameters the pipeline cannot honour, naming them. */
export function checkComponent(component: Component): void {
  for (const [field, value] of Object.entries(component) as [Field, unknown][]) {
    if (value === undefined || ACTED_ON.has(field)) continue;
    if (field === 'flags') {
      for (const flag of component.flags ?? []) {
        const name = flag.split(':')[0] ?? flag;
        if (!DELIVERY_FLAGS.has(name)) unsupported(`Unsupported flag for video: fl_${flag}`);
      }
      continue;
    }
    if (PASSED_OVER.has(field)) continue;
    unsupported(`Unsupported parameter for video: ${FIELD_KEYS[field] ?? field}`);
  }
}

function last<T>(chain: Transformation, pick: (c: Component) => T | undefined): T | undefined {
  let found: T | undefined;
  for (const component of chain) found = pick(component) ?? found;
  return found;
}

/** The encoder settings of a chain (last value wins). */
export function readSettings(chain: Transformation): EncodeSettings {
  const vc = last(chain, (c) => c.videoCodec);
  const ac = last(chain, (c) => c.audioCodec);
  const br = last(chain, (c) => c.bitRate);
  const q = last(chain, (c) => c.quality);
  const ki = last(chain, (c) => c.keyframeInterval);
  const af = last(chain, (c) => c.audioFrequency);
  const settings: { -readonly [K in keyof EncodeSettings]: EncodeSettings[K] } = {
    videoCodec: vc === undefined ? { codec: 'auto' } : readVideoCodec(vc),
    audioCodec: ac === undefined ? 'auto' : readAudioCodec(ac),
  };
  if (br !== undefined) settings.bitRate = readBitRate(br);
  if (q !== undefined) settings.quality = readQuality(q);
  if (ki !== undefined) {
    const seconds = readNumber(ki, 'keyframe interval');
    if (!(seconds > 0 && seconds <= 60))
      unsupported(`Invalid keyframe interval in transformation: ${String(ki)}`);
    settings.keyframeInterval = seconds;
  }
  if (af !== undefined && af !== 'iaf' && af !== 'initial_frequency') {
    const hz = readNumber(af, 'audio frequency');
    if (!(hz >= 8000 && hz <= 192_000))
      unsupported(`Invalid audio frequency in transformation: ${String(af)}`);
    settings.audioFrequency = hz;
  }
  return settings;
}

/** `so`/`eo`/`du` against the source duration: `eo` wins over `du`; the range must overlap the video. */
export function readTrim(chain: Transformation, sourceDuration: number): { start: number; end: number } {
  const so = last(chain, (c) => c.startOffset);
  const eo = last(chain, (c) => c.endOffset);
  const du = last(chain, (c) => c.duration);
  const start = so === undefined ? 0 : readOffset(so, sourceDuration, 'start offset');
  let end = sourceDuration;
  if (eo !== undefined) end = readOffset(eo, sourceDuration, 'end offset');
  else if (du !== undefined) end = start + readOffset(du, sourceDuration, 'duration');
  end = Math.min(end, sourceDuration);
  if (start >= sourceDuration) {
    unsupported(
      `Invalid start offset in transformation: ${String(so)} is past the end (${sourceDuration} s)`,
    );
  }
  if (end <= start) unsupported(`Invalid end offset in transformation: the range ${start}–${end} s is empty`);
  return { start, end };
}

/** Options of `planVideo`. */
export interface PlanOptions {
  /** False for audio-only outputs (`.mp3`): video parameters are then ignored. */
  readonly video: boolean;
  readonly limits?: VideoLimits | undefined;
}

/** Plans the rendering of `chain` applied to a source described by `info`. */
export function planVideo(info: VideoInfo, chain: Transformation, options: PlanOptions): VideoPlan {
  if (!Array.isArray(chain)) unsupported('Invalid transformation: expected a list of components');
  const limits = { ...DEFAULT_VIDEO_LIMITS, ...options.limits };
  for (const component of chain) {
    if (component === null || typeof component !== 'object' || Array.isArray(component)) {
      unsupported('Invalid transformation: every component must be an object');
    }
    checkComponent(component);
  }
  const settings = readSettings(chain);
  const { start, end } = readTrim(chain, info.duration);
  const fpsValue: Scalar | undefined = last(chain, (c) => c.fps);
  const fpsRange = fpsValue === undefined ? undefined : readFps(fpsValue);

  const withVideo = options.video && info.hasVideo && settings.videoCodec.codec !== 'none';
  let size: FrameSize = { width: info.width, height: info.height };
  let duration = end - start;
  const frameRate = info.frameRate > 0 ? info.frameRate : 25;
  const videoFilters: string[] = [];
  const audioFilters: string[] = [];
  let dropAudio = false;
  let speedChanged = false;

  chain.forEach((component, index) => {
    if (withVideo) {
      const geometry = geometryStep(component, size);
      videoFilters.push(...geometry.filters);
      size = geometry.size;
    }
    const effect = effectStep(component.effect, { size, duration, frameRate, label: String(index) });
    if (effect.bufferedBytes > limits.maxBufferedBytes && withVideo) {
      const mib = Math.round(effect.bufferedBytes / 2 ** 20);
      unsupported(
        `e_${component.effect?.name} would hold ${mib} MiB of frames (limit ${Math.round(limits.maxBufferedBytes / 2 ** 20)} MiB): trim the clip (so/eo/du) or make it smaller first`,
      );
    }
    if (withVideo) videoFilters.push(...effect.video);
    audioFilters.push(...effect.audio);
    dropAudio ||= effect.dropAudio;
    speedChanged ||= effect.durationFactor !== 1 && component.effect?.name === 'accelerate';
    duration *= effect.durationFactor;
    if (withVideo) {
      const angle = angleStep(component.angle, size);
      videoFilters.push(...angle.filters);
      size = angle.size;
    }
  });

  const outputRate = pickFrameRate(frameRate, fpsRange ?? {});
  let video: VideoPlan['video'];
  if (withVideo) {
    if (size.width * size.height > limits.maxOutputPixels) {
      unsupported(
        `Output would be ${size.width}x${size.height} pixels, over the limit of ${limits.maxOutputPixels} pixels`,
      );
    }
    // Speed changes leave a variable frame rate behind; an explicit fps makes it constant again.
    if (fpsRange !== undefined || speedChanged) videoFilters.push(`fps=${Number(outputRate.toFixed(3))}`);
    videoFilters.push('setsar=1', 'format=yuv420p');
    video = { filters: videoFilters, size, frameRate: outputRate };
  }
  const withAudio = info.hasAudio && !dropAudio && settings.audioCodec !== 'none';
  if (!video && !withAudio) unsupported('Nothing to write: the output would have neither video nor audio');
  return {
    start,
    length: end - start,
    duration,
    ...(video && { video }),
    ...(withAudio && { audio: { filters: audioFilters } }),
    settings,
  };
}
