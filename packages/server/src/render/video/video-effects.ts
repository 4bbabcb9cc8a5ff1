/**
 * Video effects (`e_…`) as ffmpeg filters. Only cheap, well-defined ones are offered; everything else
 * is a 400 naming the effect.
 */
import type { Effect } from '@kumo/core';
import { unsupported } from './video-errors.js';
import type { FrameSize } from './video-geometry.js';
import { readNumber } from './video-values.js';

/** What the chain looks like where the effect applies. */
export interface EffectInput {
  readonly size: FrameSize;
  /** Output seconds so far (after trims and earlier speed changes). */
  readonly duration: number;
  readonly frameRate: number;
  /** Unique suffix for filter-graph labels. */
  readonly label: string;
}

/** The filters of one effect and how it changes the timeline. */
export interface EffectStep {
  readonly video: readonly string[];
  readonly audio: readonly string[];
  /** Output duration = input duration × this. */
  readonly durationFactor: number;
  readonly dropAudio: boolean;
  /** Bytes of decoded frames the filter keeps in memory (reverse buffers the whole clip). */
  readonly bufferedBytes: number;
}

/** Effects the video pipeline knows, for the README and for callers deciding where a URL goes. */
export const VIDEO_EFFECTS = [
  'grayscale',
  'negate',
  'sepia',
  'reverse',
  'boomerang',
  'volume',
  'accelerate',
  'fade',
] as const;

const NONE: EffectStep = { video: [], audio: [], durationFactor: 1, dropAudio: false, bufferedBytes: 0 };

function arg(effect: Effect, index: number, fallback: number, low: number, high: number): number {
  const value = effect.args?.[index];
  if (value === undefined) return fallback;
  const number = readNumber(value, 'effect');
  if (!(number >= low && number <= high)) {
    unsupported(`Invalid effect in transformation: e_${effect.name}:${String(value)} (${low} to ${high})`);
  }
  return number;
}

function clipBytes(input: EffectInput): number {
  return Math.ceil(input.duration * input.frameRate) * input.size.width * input.size.height * 1.5;
}

const seconds = (value: number): string => String(Math.round(value * 1000) / 1000);

/** Filters for `effect` at a point of the chain described by `input`. */
export function effectStep(effect: Effect | undefined, input: EffectInput): EffectStep {
  if (effect === undefined) return NONE;
  const { name } = effect;
  switch (name) {
    case 'grayscale':
      // Neutral chroma: every decoded RGB pixel has equal channels.
      return { ...NONE, video: ['hue=s=0'] };
    case 'negate':
      return { ...NONE, video: ['negate'] };
    case 'sepia':
      return {
        ...NONE,
        video: ['colorchannelmixer=.393:.769:.189:0:.349:.686:.168:0:.272:.534:.131'],
      };
    case 'reverse':
      return { ...NONE, video: ['reverse'], audio: ['areverse'], bufferedBytes: clipBytes(input) };
    case 'boomerang': {
      // Forward then backward; the audio would not make sense backwards, so it is dropped.
      const [a, b, r] = ['a', 'b', 'r'].map((part) => `boom${input.label}${part}`);
      return {
        video: [`split[${a}][${b}];[${b}]reverse[${r}];[${a}][${r}]concat=n=2:v=1:a=0`],
        audio: [],
        durationFactor: 2,
        dropAudio: true,
        bufferedBytes: clipBytes(input),
      };
    }
    case 'volume': {
      const value = effect.args?.[0];
      if (value === undefined) return unsupported('Invalid effect in transformation: e_volume needs a level');
      const text = String(value);
      if (text === 'mute') return { ...NONE, dropAudio: true };
      const decibels = /^(-?\d+(?:\.\d+)?)db$/i.exec(text);
      if (decibels) return { ...NONE, audio: [`volume=${decibels[1]}dB`] };
      const percent = arg(effect, 0, 0, -100, 400);
      return { ...NONE, audio: [`volume=${(1 + percent / 100).toFixed(3)}`] };
    }
    case 'accelerate': {
      const factor = 1 + arg(effect, 0, 100, -50, 100) / 100;
      if (factor === 1) return NONE;
      return {
        ...NONE,
        video: [`setpts=PTS/${factor}`],
        audio: [`atempo=${factor}`],
        durationFactor: 1 / factor,
      };
    }
    case 'fade': {
      // Cloudinary: a positive value fades in over that many milliseconds, a negative one fades out.
      const ms = arg(effect, 0, 2000, -60_000, 60_000);
      const length = Math.min(Math.abs(ms) / 1000, input.duration);
      if (length === 0) return NONE;
      const start = ms > 0 ? 0 : Math.max(0, input.duration - length);
      const kind = ms > 0 ? 'in' : 'out';
      return {
        ...NONE,
        video: [`fade=t=${kind}:st=${seconds(start)}:d=${seconds(length)}`],
        audio: [`afade=t=${kind}:st=${seconds(start)}:d=${seconds(length)}`],
      };
    }
    default:
      return unsupported(`Unsupported effect for video: e_${name}`);
  }
}
