import type { Component, Scalar, Transformation } from '@kumo/core';
import type { RenderContext, RenderResult } from '../image/index.js';
import { RenderError, renderImage } from '../image/index.js';
import { COMMON_ARGS, fileArg } from './ffmpeg-args.js';
import { findFfmpegTools } from './ffmpeg-tools.js';
import { type ProcessOptions, probeVideo, type VideoInfo } from './probe-video.js';
import { runProcess } from './run-process.js';
import { unsupported, VideoRenderError } from './video-errors.js';
import { readOffset } from './video-values.js';

/** Options of `posterFrame`: the frame, the image format and the image renderer's context. */
export interface PosterFrameOptions extends Omit<RenderContext, 'format'>, ProcessOptions {
  /**
   * Which frame: seconds, `'35p'` (percent of the duration) or `'auto'`. Absent: the chain's last `so_`,
   * else the middle of the video.
   */
  readonly offset?: Scalar | undefined;
  /** Image extension (`jpg`, `png`, `webp`…); `f_` in the chain wins, as for images. */
  readonly format: string;
}

/** A rendered poster and the time of its frame. */
export interface PosterFrameResult extends RenderResult {
  /** Seconds into the video of the frame used (for `auto`, where the search window started). */
  readonly offset: number;
}

/** Effects that only make sense over time; a poster URL may carry them, the still ignores them. */
const TIME_EFFECTS = new Set(['reverse', 'boomerang', 'volume', 'accelerate', 'fade', 'loop', 'deshake']);

/** How many frames `so_auto` compares (ffmpeg's `thumbnail` filter picks the most representative). */
const AUTO_WINDOW = 50;

function imageSide(transformation: Transformation): Transformation {
  return transformation.map((component): Component => {
    if (!component.effect || !TIME_EFFECTS.has(component.effect.name)) return component;
    const { effect: _timeEffect, ...rest } = component;
    return rest;
  });
}

/** Seconds of the requested frame, kept on a frame that exists. */
function frameTime(offset: Scalar | undefined, info: VideoInfo): number | 'auto' {
  if (offset === 'auto') return 'auto';
  const frame = info.frameRate > 0 ? 1 / info.frameRate : 0.04;
  const lastFrame = Math.max(0, info.duration - frame);
  if (offset === undefined) return info.duration / 2;
  return Math.min(readOffset(offset, info.duration, 'start offset'), lastFrame);
}

/**
 * Where `so_auto` starts looking: about a third in, which skips intros and fade-ins; the `thumbnail`
 * filter then picks the most typical of the next frames.
 */
function autoStart(info: VideoInfo): number {
  return Math.max(0, info.duration / 3 - AUTO_WINDOW / (2 * (info.frameRate || 25)));
}

async function extract(
  input: string,
  at: number | 'auto',
  info: VideoInfo,
  options: PosterFrameOptions,
): Promise<Buffer> {
  const { ffmpeg } = await findFfmpegTools();
  // Square pixels, so anamorphic sources are not squeezed in the still.
  const filters = ['scale=trunc(iw*sar):ih', 'setsar=1'];
  const seek = at === 'auto' ? autoStart(info) : at;
  if (at === 'auto') filters.unshift(`thumbnail=n=${AUTO_WINDOW}`);
  const args: string[] = [...COMMON_ARGS];
  if (seek > 0) args.push('-ss', seek.toFixed(3));
  args.push('-i', fileArg(input), '-map', '0:v:0', '-vf', filters.join(','), '-frames:v', '1');
  args.push('-f', 'image2pipe', '-c:v', 'png', '-compression_level', '1', 'pipe:1');
  return runProcess(ffmpeg, args, {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 60_000,
    maxStdout: 256 * 1024 * 1024,
    redact: { [input]: 'input' },
    what: 'Frame extraction failed',
  });
}

/**
 * One frame of `input` as an image: the frame at `offset` (fast input seek), then the whole
 * `transformation` applied to it by the image renderer (crops, effects, overlays, formats — see
 * `../image/README.md`). Video-only parameters in the chain are ignored.
 */
export async function posterFrame(
  input: string,
  transformation: Transformation,
  options: PosterFrameOptions,
): Promise<PosterFrameResult> {
  if (!Array.isArray(transformation)) unsupported('Invalid transformation: expected a list of components');
  const info = await probeVideo(input, { signal: options.signal });
  if (!info.hasVideo) unsupported('The file has no video stream to take a frame from');
  let requested = options.offset;
  if (requested === undefined) for (const c of transformation) requested = c.startOffset ?? requested;
  const at = frameTime(requested, info);
  let frame = await extract(input, at, info, options);
  if (frame.length === 0 && at !== 'auto' && at > 0) {
    // Some files end before their stated duration: fall back to a frame a second earlier.
    frame = await extract(input, Math.max(0, at - 1), info, options);
  }
  if (frame.length === 0)
    throw new VideoRenderError(`No frame found at ${String(requested ?? 'the middle')}`);
  const { offset: _offset, signal: _signal, timeoutMs: _timeout, ...context } = options;
  try {
    const image = await renderImage(frame, imageSide(transformation), context);
    return { ...image, offset: at === 'auto' ? autoStart(info) : at };
  } catch (error) {
    if (error instanceof RenderError)
      throw new VideoRenderError(error.message, error.status, { cause: error });
    throw error;
  }
}
