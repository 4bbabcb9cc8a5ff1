/**
 * Makes test videos from ffmpeg's built-in sources (`testsrc2` pictures, `sine` tones): used by the
 * tests and by `measureHls`, so neither needs downloaded media.
 */
import { COMMON_ARGS, fileArg } from './ffmpeg-args.js';
import { findFfmpegTools } from './ffmpeg-tools.js';
import { runProcess } from './run-process.js';

/** Shape of a synthetic video. */
export interface SyntheticVideo {
  readonly duration: number;
  readonly width: number;
  readonly height: number;
  readonly frameRate?: number;
  /** Include a sine tone; default true. */
  readonly audio?: boolean;
  /** Keyframe every this many seconds; default 1 (so trims and seeks stay cheap). */
  readonly keyframeSeconds?: number;
}

/** Writes an H.264/AAC MP4 of moving test pictures (a clock and colour bars that change every frame). */
export async function makeSyntheticVideo(path: string, shape: SyntheticVideo): Promise<void> {
  const { ffmpeg } = await findFfmpegTools();
  const rate = shape.frameRate ?? 25;
  const args = [
    ...COMMON_ARGS,
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=${shape.width}x${shape.height}:rate=${rate}:duration=${shape.duration}`,
  ];
  if (shape.audio !== false) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${shape.duration}`);
  args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  args.push('-g', String(Math.round(rate * (shape.keyframeSeconds ?? 1))));
  if (shape.audio !== false) args.push('-c:a', 'aac', '-b:a', '64k');
  args.push('-f', 'mp4', fileArg(path));
  await runProcess(ffmpeg, args, { timeoutMs: 10 * 60_000, what: 'Making a synthetic video failed' });
}
