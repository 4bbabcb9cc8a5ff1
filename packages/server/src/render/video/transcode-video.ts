import { randomBytes } from 'node:crypto';
import { rename, rm, stat } from 'node:fs/promises';
import type { Transformation } from '@kumo/core';
import { COMMON_ARGS, fileArg, filterGraph, inputArgs } from './ffmpeg-args.js';
import { findFfmpegTools } from './ffmpeg-tools.js';
import {
  audioEncoderArgs,
  chooseCodecs,
  outputFormat,
  videoEncoderArgs,
  type X26xPreset,
} from './output-formats.js';
import { type ProcessOptions, probeVideo, type VideoInfo } from './probe-video.js';
import { runProcess } from './run-process.js';
import { planVideo, type VideoLimits } from './video-plan.js';

/** Options of `transcodeVideo`. */
export interface TranscodeOptions extends ProcessOptions {
  /** Output extension: `mp4`, `webm`, `mov`, `mkv`, or audio only: `mp3`, `m4a`, `aac`, `ogg`, `opus`, `wav`, `flac`. */
  readonly format: string;
  /** Where to write the result; written under a temporary name and renamed when complete. */
  readonly outputPath: string;
  /** x264/x265 speed preset; default `veryfast` (on-the-fly delivery favours speed). */
  readonly preset?: X26xPreset;
  readonly limits?: VideoLimits;
}

/** A finished transcode. */
export interface TranscodeResult {
  readonly outputPath: string;
  readonly format: string;
  readonly contentType: string;
  readonly bytes: number;
  /** ffprobe's view of the output. */
  readonly info: VideoInfo;
}

/**
 * Transcodes `input` with `transformation` (trims, resize/crop, effects, codecs, rates) into
 * `options.outputPath`. Rejects with `VideoRenderError` (400) for anything it cannot do, naming the
 * parameter, and with `VideoUnavailableError` when ffmpeg is missing.
 */
export async function transcodeVideo(
  input: string,
  transformation: Transformation,
  options: TranscodeOptions,
): Promise<TranscodeResult> {
  const tools = await findFfmpegTools();
  const spec = outputFormat(options.format);
  const source = await probeVideo(input, { signal: options.signal });
  const plan = planVideo(source, transformation, { video: spec.video !== undefined, limits: options.limits });
  const codecs = chooseCodecs(options.format, spec, plan.settings);
  const args = [...COMMON_ARGS, ...inputArgs(input, plan), '-filter_complex', filterGraph(plan)];
  if (plan.video && codecs.video) {
    args.push('-map', '[vout]');
    args.push(
      ...videoEncoderArgs(codecs.video, plan.settings, plan.video.frameRate, options.preset ?? 'veryfast'),
    );
  }
  if (plan.audio) args.push('-map', '[aout]', ...audioEncoderArgs(codecs.audio, plan.settings, !plan.video));
  if (spec.faststart) args.push('-movflags', '+faststart');
  const temporary = `${options.outputPath}.part-${randomBytes(6).toString('hex')}`;
  args.push('-map_metadata', '-1', '-max_muxing_queue_size', '4096', '-f', spec.muxer, fileArg(temporary));
  try {
    await runProcess(tools.ffmpeg, args, {
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 10 * 60_000,
      redact: { [input]: 'input', [temporary]: 'output' },
      what: 'Transcoding failed',
    });
    await rename(temporary, options.outputPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const [info, file] = await Promise.all([
    probeVideo(options.outputPath, { signal: options.signal }),
    stat(options.outputPath),
  ]);
  return {
    outputPath: options.outputPath,
    format: options.format,
    contentType: spec.contentType,
    bytes: file.size,
    info,
  };
}
