/**
 * Test support (not used by the pipeline): sample sources and independent checks that run ffmpeg and
 * ffprobe directly, so the tests do not judge the pipeline with its own code.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeSyntheticVideo } from '../render/video/synthetic-video.js';

const run = promisify(execFile);

/** A temporary folder with a 6 s 640×360 clip with audio, a 4 s 180×320 portrait one without, and junk. */
export interface TestMedia {
  readonly dir: string;
  readonly landscape: string;
  readonly portrait: string;
  /** The landscape clip stored sideways with rotation metadata (shown as 360×640). */
  readonly rotated: string;
  readonly notVideo: string;
  readonly corrupt: string;
  readonly cleanup: () => Promise<void>;
}

export async function makeTestMedia(): Promise<TestMedia> {
  const dir = await mkdtemp(join(tmpdir(), 'kumo-video-test-'));
  const landscape = join(dir, 'landscape.mp4');
  const portrait = join(dir, 'portrait.mp4');
  await makeSyntheticVideo(landscape, { duration: 6, width: 640, height: 360 });
  await makeSyntheticVideo(portrait, { duration: 4, width: 180, height: 320, audio: false });
  const rotated = join(dir, 'rotated.mp4');
  await run('ffmpeg', [
    '-v',
    'error',
    '-i',
    landscape,
    '-c',
    'copy',
    '-metadata:s:v:0',
    'rotate=90',
    rotated,
  ]);
  const notVideo = join(dir, 'notes.txt');
  const corrupt = join(dir, 'corrupt.mp4');
  await writeFile(notVideo, 'hello, this is not a video\n'.repeat(100));
  const bytes = await readFile(landscape);
  // Keep the header, scramble the rest: ffprobe recognises MP4 but the media data is garbage.
  const broken = Buffer.from(bytes.subarray(0, 4096));
  await writeFile(corrupt, Buffer.concat([broken, Buffer.alloc(bytes.length - 4096, 0x5a)]));
  return {
    dir,
    landscape,
    portrait,
    rotated,
    notVideo,
    corrupt,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** ffprobe's JSON for a file, read straight from ffprobe. */
export interface ProbeReport {
  streams: {
    codec_type: string;
    codec_name: string;
    width?: number;
    height?: number;
    avg_frame_rate?: string;
    profile?: string;
  }[];
  format: { duration?: string; format_name: string; nb_streams?: number };
}

export async function ffprobe(path: string): Promise<ProbeReport> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-print_format',
    'json',
    '-show_format',
    '-show_streams',
    path,
  ]);
  return JSON.parse(stdout) as ProbeReport;
}

/** One decoded frame as packed RGB, by ffmpeg directly (`at` in seconds). */
export async function frameRgb(
  path: string,
  at: number,
): Promise<{ width: number; height: number; data: Buffer }> {
  const report = await ffprobe(path);
  const video = report.streams.find((s) => s.codec_type === 'video');
  if (!video?.width || !video.height) throw new Error(`no video in ${path}`);
  const seek = ['-ss', String(at)];
  const { stdout } = await run(
    'ffmpeg',
    ['-v', 'error', ...seek, '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
  );
  return { width: video.width, height: video.height, data: stdout };
}

/** Mean absolute difference of two equally sized RGB buffers (0–255). */
export function meanDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) throw new Error('frames differ in size');
  let total = 0;
  for (let i = 0; i < a.length; i += 1) total += Math.abs(a[i]! - b[i]!);
  return total / a.length;
}

/** Awaits a promise that must reject; returns the error. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
