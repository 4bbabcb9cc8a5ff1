import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Transformation } from '@kumo/core';
import { COMMON_ARGS, fileArg, filterGraph, inputArgs } from './ffmpeg-args.js';
import { findFfmpegTools } from './ffmpeg-tools.js';
import { type HlsRendition, type HlsRung, hlsLadder } from './hls-ladder.js';
import {
  avcCodecString,
  type MasterEntry,
  masterPlaylist,
  measureBandwidth,
  readMediaPlaylist,
  writeAtomically,
} from './hls-playlists.js';
import type { X26xPreset } from './output-formats.js';
import { type ProcessOptions, probeVideo } from './probe-video.js';
import { runProcess } from './run-process.js';
import { unsupported } from './video-errors.js';
import { planVideo, type VideoLimits, type VideoPlan } from './video-plan.js';
import { crfForX26x } from './video-values.js';

/** Options of `encodeHls`. */
export interface EncodeHlsOptions extends ProcessOptions {
  /** Streaming profile name (`auto`, `full_hd`, `hd`, `sd`…) or a custom ladder; default `auto`. */
  readonly profile?: string | readonly HlsRung[];
  /** Directory for the playlists and segments (created if missing). */
  readonly outputDir: string;
  /** Target segment length in seconds (1–30); default 4. Keyframes are forced on segment boundaries. */
  readonly segmentSeconds?: number;
  /** Prefix of every file name written (`dog_` → `dog_720p.m3u8`), so several streams can share a folder. */
  readonly namePrefix?: string;
  /** File name of the master playlist; default `<namePrefix>master.m3u8`. */
  readonly masterName?: string;
  /** x264 speed preset; default `veryfast`. */
  readonly preset?: X26xPreset;
  readonly limits?: VideoLimits;
  /**
   * Called when a rendition is complete and the master playlist (rewritten atomically) lists it. The
   * lowest rendition comes first, before the others are encoded; `encodeHls` waits for the callbacks.
   */
  readonly onRenditionReady?: (rendition: HlsRenditionResult, masterPath: string) => void | Promise<void>;
}

/** A finished rendition. File names are relative to `outputDir`. */
export interface HlsRenditionResult extends HlsRendition {
  readonly playlist: string;
  readonly segments: readonly string[];
  readonly bandwidth: number;
  readonly averageBandwidth: number;
  readonly codecs: string;
  readonly frameRate: number;
}

/** Everything `encodeHls` wrote, with timings. */
export interface HlsResult {
  readonly masterPath: string;
  /** Highest first. */
  readonly renditions: readonly HlsRenditionResult[];
  /** Milliseconds until the master playlist first listed a playable rendition. */
  readonly firstReadyMs: number;
  readonly totalMs: number;
}

/** What the HLS command line needs besides the plan and renditions. */
export interface HlsArgsOptions {
  readonly outputDir: string;
  readonly namePrefix: string;
  readonly segmentSeconds: number;
  readonly preset: X26xPreset;
}

/**
 * One ffmpeg command writing several renditions: the shared part of the filter graph (trims, crops,
 * effects) runs once, then `split` feeds one scaler and encoder per rendition.
 */
export function hlsEncodeArgs(
  input: string,
  plan: VideoPlan,
  renditions: readonly HlsRendition[],
  options: HlsArgsOptions,
): string[] {
  const video = plan.video;
  if (!video) return unsupported('The source has no video to stream');
  const n = renditions.length;
  const labels = renditions.map((_, i) => `s${i}`);
  const tail = n === 1 ? '[s0]' : `,split=${n}${labels.map((l) => `[${l}]`).join('')}`;
  const graph = [filterGraph(plan, tail).replace(/\[aout\]$/, n === 1 ? '[a0]' : '[aall]')];
  renditions.forEach((r, i) => {
    graph.push(`[s${i}]scale=${r.width}:${r.height},setsar=1[v${i}]`);
  });
  if (plan.audio && n > 1) graph.push(`[aall]asplit=${n}${renditions.map((_, i) => `[a${i}]`).join('')}`);
  const args = [...COMMON_ARGS, ...inputArgs(input, plan), '-filter_complex', graph.join(';')];
  const quality = plan.settings.quality ?? 85;
  const cap = plan.settings.bitRate?.bitsPerSecond;
  const s = options.segmentSeconds;
  renditions.forEach((r, i) => {
    const name = `${options.namePrefix}${r.name}`;
    const maxrate = Math.min(r.videoBitrate, cap ?? Number.POSITIVE_INFINITY);
    args.push('-map', `[v${i}]`);
    if (plan.audio) args.push('-map', `[a${i}]`);
    args.push('-c:v', 'libx264', '-preset', options.preset);
    args.push('-profile:v', Math.min(r.width, r.height) > 480 ? 'high' : 'main');
    // Capped quality: easy scenes take fewer bits, hard ones never exceed the rung's rate.
    args.push('-crf', String(crfForX26x(quality, 'h264')), '-maxrate', `${Math.round(maxrate / 1000)}k`);
    args.push('-bufsize', `${Math.round((maxrate * 2) / 1000)}k`, '-pix_fmt', 'yuv420p');
    // Keyframes on every segment boundary in every rendition, so players can switch between them.
    args.push('-force_key_frames', `expr:gte(t,n_forced*${s})`);
    args.push('-g', String(Math.max(1, Math.round(s * video.frameRate))));
    if (plan.audio) args.push('-c:a', 'aac', '-b:a', `${Math.round(r.audioBitrate / 1000)}k`, '-ac', '2');
    args.push('-f', 'hls', '-hls_time', String(s), '-hls_playlist_type', 'vod', '-hls_list_size', '0');
    args.push('-hls_flags', 'independent_segments', '-hls_segment_type', 'mpegts');
    args.push('-hls_segment_filename', join(options.outputDir, `${name}_%04d.ts`));
    args.push(join(options.outputDir, `${name}.m3u8`));
  });
  return args;
}

interface SegmentStream {
  codec_type?: string;
  profile?: string;
  level?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
}

async function describeRendition(
  rendition: HlsRendition,
  options: HlsArgsOptions,
  hasAudio: boolean,
  process: ProcessOptions,
): Promise<HlsRenditionResult> {
  const { ffprobe } = await findFfmpegTools();
  const playlist = `${options.namePrefix}${rendition.name}.m3u8`;
  const { segments, complete } = await readMediaPlaylist(join(options.outputDir, playlist));
  if (!complete || segments.length === 0) unsupported(`HLS encoding left ${playlist} incomplete`);
  const { peak, average } = await measureBandwidth(options.outputDir, segments);
  const out = await runProcess(
    ffprobe,
    [
      '-v',
      'error',
      '-print_format',
      'json',
      '-show_streams',
      fileArg(join(options.outputDir, segments[0]!.uri)),
    ],
    { signal: process.signal, timeoutMs: 30_000, what: 'Reading an HLS segment failed' },
  );
  const streams = (JSON.parse(out.toString('utf8')) as { streams?: SegmentStream[] }).streams ?? [];
  const video = streams.find((st) => st.codec_type === 'video');
  const [num, den = '1'] = (video?.avg_frame_rate || video?.r_frame_rate || '0/1').split('/');
  const frameRate = Number(num) / Number(den) || 0;
  const codecs = [avcCodecString(video?.profile, video?.level), ...(hasAudio ? ['mp4a.40.2'] : [])].join(',');
  return {
    ...rendition,
    playlist,
    segments: segments.map((seg) => seg.uri),
    bandwidth: peak,
    averageBandwidth: average,
    codecs,
    frameRate,
  };
}

const entry = (r: HlsRenditionResult): MasterEntry => ({
  uri: r.playlist,
  bandwidth: r.bandwidth,
  averageBandwidth: r.averageBandwidth,
  width: r.width,
  height: r.height,
  codecs: r.codecs,
  frameRate: r.frameRate,
});

/**
 * Encodes `input` (with `transformation`: trims, crops and effects apply to every rendition) as HLS:
 * MPEG-TS segments and a media playlist per rendition of the profile's ladder (never upscaled), and a
 * master playlist written here. The lowest rendition is encoded first and published (master rewritten
 * atomically, `onRenditionReady` called) so playback can start; the other renditions follow in one
 * ffmpeg pass, after which the master lists them all.
 */
export async function encodeHls(
  input: string,
  transformation: Transformation,
  options: EncodeHlsOptions,
): Promise<HlsResult> {
  const started = performance.now();
  const { ffmpeg } = await findFfmpegTools();
  const segmentSeconds = options.segmentSeconds ?? 4;
  if (!(segmentSeconds >= 1 && segmentSeconds <= 30)) unsupported('segmentSeconds must be from 1 to 30');
  const namePrefix = options.namePrefix ?? '';
  if (!/^[A-Za-z0-9_.-]*$/.test(namePrefix)) unsupported('namePrefix may only hold letters, digits, _ . -');
  const outputDir = resolve(options.outputDir);
  // ffmpeg expands `%d` patterns in segment paths.
  if (outputDir.includes('%')) unsupported('outputDir must not contain %');
  const masterName = options.masterName ?? `${namePrefix}master.m3u8`;
  if (!/^[A-Za-z0-9_.-]+$/.test(masterName)) unsupported('masterName may only hold letters, digits, _ . -');
  const masterPath = join(outputDir, masterName);
  const source = await probeVideo(input, { signal: options.signal });
  const plan = planVideo(source, transformation, { video: true, limits: options.limits });
  const codec = plan.settings.videoCodec.codec;
  if (codec !== 'auto' && codec !== 'h264') unsupported(`Unsupported video codec for HLS: vc_${codec}`);
  if (!['auto', 'aac', 'none'].includes(plan.settings.audioCodec)) {
    unsupported(`Unsupported audio codec for HLS: ac_${plan.settings.audioCodec}`);
  }
  if (!plan.video) return unsupported('The source has no video to stream');
  const ladder = hlsLadder(plan.video.size, options.profile ?? 'auto');
  await mkdir(outputDir, { recursive: true });
  const argsOptions: HlsArgsOptions = {
    outputDir,
    namePrefix,
    segmentSeconds,
    preset: options.preset ?? 'veryfast',
  };
  const inner = new AbortController();
  const onAbort = (): void => inner.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const ready: HlsRenditionResult[] = [];
  const callbacks: Promise<void>[] = [];
  let firstReadyMs = 0;

  const encode = async (renditions: readonly HlsRendition[]): Promise<void> => {
    await runProcess(ffmpeg, hlsEncodeArgs(input, plan, renditions, argsOptions), {
      signal: inner.signal,
      timeoutMs,
      redact: { [input]: 'input', [outputDir]: 'output' },
      what: 'HLS encoding failed',
    });
    const done = await Promise.all(
      renditions.map((r) =>
        describeRendition(r, argsOptions, plan.audio !== undefined, { signal: inner.signal }),
      ),
    );
    ready.push(...done);
    await writeAtomically(masterPath, masterPlaylist(ready.map(entry)));
    if (firstReadyMs === 0) firstReadyMs = performance.now() - started;
    for (const rendition of [...done].reverse()) {
      // Run the caller's publishing alongside the next encode; a failing callback stops the encoding.
      const call = Promise.resolve()
        .then(() => options.onRenditionReady?.(rendition, masterPath))
        .catch((error: unknown) => {
          inner.abort(error);
          throw error;
        });
      call.catch(() => {});
      callbacks.push(call);
    }
  };

  try {
    const lowest = ladder[ladder.length - 1]!;
    await encode([lowest]);
    if (ladder.length > 1) await encode(ladder.slice(0, -1));
    await Promise.all(callbacks);
  } catch (error) {
    await Promise.allSettled(callbacks);
    throw inner.signal.aborted && inner.signal.reason !== undefined ? inner.signal.reason : error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
  const order = new Map(ladder.map((r, i) => [r.name, i]));
  ready.sort((a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0));
  return { masterPath, renditions: ready, firstReadyMs, totalMs: performance.now() - started };
}
