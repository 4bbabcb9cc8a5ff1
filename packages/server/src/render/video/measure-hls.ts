/**
 * Measures the HLS pipeline for the benchmark: time until a stream is playable and the whole ladder's
 * encode time, against plain ffmpeg writing the same ladder in one pass on the same source.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFfmpegTools } from './ffmpeg-tools.js';
import { encodeHls, hlsEncodeArgs } from './hls-encode.js';
import { hlsLadder } from './hls-ladder.js';
import type { X26xPreset } from './output-formats.js';
import { probeVideo } from './probe-video.js';
import { runProcess } from './run-process.js';
import { makeSyntheticVideo } from './synthetic-video.js';
import { planVideo } from './video-plan.js';

/** Options of `measureHls`; by default a 60 s 1280×720 synthetic source with audio. */
export interface MeasureHlsOptions {
  /** An existing source instead of the synthetic one. */
  readonly source?: string;
  readonly duration?: number;
  readonly width?: number;
  readonly height?: number;
  readonly preset?: X26xPreset;
  readonly segmentSeconds?: number;
}

/** Milliseconds, measured in one run. */
export interface HlsMeasurement {
  readonly renditions: readonly string[];
  /** Kumo: until the master playlist lists a complete rendition. */
  readonly firstPlayableMs: number;
  /** Kumo: the whole ladder, lowest-first then the rest. */
  readonly kumoTotalMs: number;
  /** Plain ffmpeg, one process for the same ladder and settings: until its first segment file exists. */
  readonly ffmpegFirstSegmentMs: number;
  /** Plain ffmpeg: the whole ladder. */
  readonly ffmpegTotalMs: number;
  /** kumoTotalMs / ffmpegTotalMs. */
  readonly totalRatio: number;
}

async function firstSegmentTime(dir: string, started: number, done: () => boolean): Promise<number> {
  while (!done()) {
    if ((await readdir(dir)).some((name) => name.endsWith('.ts'))) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

/** Runs both encodes once and reports the timings. */
export async function measureHls(options: MeasureHlsOptions = {}): Promise<HlsMeasurement> {
  const { ffmpeg } = await findFfmpegTools();
  const work = await mkdtemp(join(tmpdir(), 'kumo-hls-bench-'));
  try {
    const source = options.source ?? join(work, 'source.mp4');
    if (!options.source) {
      await makeSyntheticVideo(source, {
        duration: options.duration ?? 60,
        width: options.width ?? 1280,
        height: options.height ?? 720,
      });
    }
    const preset = options.preset ?? 'veryfast';
    const segmentSeconds = options.segmentSeconds ?? 4;
    const kumo = await encodeHls(source, [], { outputDir: join(work, 'kumo'), preset, segmentSeconds });

    const plainDir = join(work, 'plain');
    await mkdir(plainDir);
    const info = await probeVideo(source);
    const plan = planVideo(info, [], { video: true });
    const ladder = hlsLadder(plan.video!.size, 'auto');
    const args = hlsEncodeArgs(source, plan, ladder, {
      outputDir: plainDir,
      namePrefix: '',
      segmentSeconds,
      preset,
    });
    const started = performance.now();
    let finished = false;
    const encoding = runProcess(ffmpeg, args, {
      timeoutMs: 30 * 60_000,
      what: 'Plain HLS encode failed',
    }).finally(() => {
      finished = true;
    });
    const ffmpegFirstSegmentMs = await firstSegmentTime(plainDir, started, () => finished);
    await encoding;
    const ffmpegTotalMs = performance.now() - started;
    return {
      renditions: ladder.map((r) => r.name),
      firstPlayableMs: Math.round(kumo.firstReadyMs),
      kumoTotalMs: Math.round(kumo.totalMs),
      ffmpegFirstSegmentMs: Math.round(ffmpegFirstSegmentMs),
      ffmpegTotalMs: Math.round(ffmpegTotalMs),
      totalRatio: Number((kumo.totalMs / ffmpegTotalMs).toFixed(2)),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
