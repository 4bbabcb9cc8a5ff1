import { stat } from 'node:fs/promises';
import { fileArg } from './ffmpeg-args.js';
import { findFfmpegTools } from './ffmpeg-tools.js';
import { runProcess } from './run-process.js';
import { VideoRenderError } from './video-errors.js';

/** What ffprobe says about a video (or audio) file. */
export interface VideoInfo {
  /** Seconds. */
  readonly duration: number;
  /** Displayed size: rotation metadata already applied (ffmpeg applies it when decoding). 0 without video. */
  readonly width: number;
  readonly height: number;
  /** Frames per second (average); 0 without video. */
  readonly frameRate: number;
  /** Codec names as ffprobe reports them (`h264`, `vp9`, `aac`), absent when there is no such stream. */
  readonly videoCodec?: string;
  readonly audioCodec?: string;
  /** Overall bits per second, 0 when unknown. */
  readonly bitRate: number;
  readonly hasVideo: boolean;
  readonly hasAudio: boolean;
  /** Clockwise rotation the player applies (0, 90, 180, 270). */
  readonly rotation: number;
  /** Container as ffprobe names it (`mov,mp4,m4a,3gp,3g2,mj2`). */
  readonly formatName: string;
}

/** Options shared by every function of the pipeline. */
export interface ProcessOptions {
  readonly signal?: AbortSignal | undefined;
  /** Time limit for the ffmpeg work, in milliseconds. */
  readonly timeoutMs?: number | undefined;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

interface ProbeJson {
  streams?: ProbeStream[];
  format?: { duration?: string; bit_rate?: string; format_name?: string };
}

function rate(text: string | undefined): number {
  if (!text) return 0;
  const [num, den = '1'] = text.split('/');
  const value = Number(num) / Number(den);
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function rotationOf(stream: ProbeStream): number {
  // ffmpeg 5+ reports a display matrix (counter-clockwise degrees); older builds a `rotate` tag (clockwise).
  const matrix = stream.side_data_list?.find((item) => typeof item.rotation === 'number')?.rotation;
  const degrees = matrix !== undefined ? -matrix : Number(stream.tags?.rotate ?? 0);
  const normal = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return Number.isFinite(normal) ? normal : 0;
}

/**
 * Demuxers that "succeed" on files that are not media: ffmpeg reads any text as ANSI art (`tty`), and
 * still images and subtitles have their own readers. None of them is a video upload.
 */
const NOT_MEDIA =
  /^(tty|image2|[a-z0-9]+_pipe|srt|webvtt|ass|sami|microdvd|subviewer1?|jacosub|mpl2|pjs|realtext|stl|vplayer|lrc|bin|svg)$/;

/** Reads ffprobe's JSON into `VideoInfo`; rejects files without a duration or without streams. */
export function describeProbe(json: ProbeJson): VideoInfo {
  const formats = (json.format?.format_name ?? '').split(',');
  if (formats.some((name) => NOT_MEDIA.test(name))) {
    throw new VideoRenderError(`Not a video: the file was read as ${json.format?.format_name}`);
  }
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const duration = Number(json.format?.duration ?? video?.duration ?? audio?.duration);
  if (!video && !audio) throw new VideoRenderError('Not a video: the file has no video or audio stream');
  if (!(duration > 0)) throw new VideoRenderError('Not a video: the file has no duration (a still image?)');
  const rotation = video ? rotationOf(video) : 0;
  const turned = rotation === 90 || rotation === 270;
  const codedWidth = video?.width ?? 0;
  const codedHeight = video?.height ?? 0;
  return {
    duration,
    width: turned ? codedHeight : codedWidth,
    height: turned ? codedWidth : codedHeight,
    frameRate: video ? rate(video.avg_frame_rate) || rate(video.r_frame_rate) : 0,
    ...(video?.codec_name && { videoCodec: video.codec_name }),
    ...(audio?.codec_name && { audioCodec: audio.codec_name }),
    bitRate: Number(json.format?.bit_rate) || 0,
    hasVideo: video !== undefined && codedWidth > 0 && codedHeight > 0,
    hasAudio: audio !== undefined,
    rotation,
    formatName: json.format?.format_name ?? '',
  };
}

/** Checks that the input exists, so a missing file is a 404 rather than an ffmpeg error. */
export async function assertInput(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new VideoRenderError('Input is not a file', 404);
  } catch (error) {
    if (error instanceof VideoRenderError) throw error;
    throw new VideoRenderError('Input file not found', 404, { cause: error });
  }
}

/** Runs ffprobe on `path` and describes the file; `VideoRenderError` (400) when it is not a readable video. */
export async function probeVideo(path: string, options: ProcessOptions = {}): Promise<VideoInfo> {
  const tools = await findFfmpegTools();
  await assertInput(path);
  const stdout = await runProcess(
    tools.ffprobe,
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', fileArg(path)],
    {
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxStdout: 4 * 1024 * 1024,
      redact: { [fileArg(path)]: 'input', [path]: 'input' },
      what: 'Not a readable video',
    },
  );
  let json: ProbeJson;
  try {
    json = JSON.parse(stdout.toString('utf8')) as ProbeJson;
  } catch (error) {
    throw new VideoRenderError('Not a readable video: unexpected ffprobe output', 400, { cause: error });
  }
  return describeProbe(json);
}
