/**
 * Storyboards (docs/decisions/0003-storyboard-urls.md): `count` frames spread evenly over the video in
 * one sprite image, `columns` tiles wide, and a WebVTT file whose cues point into the sprite.
 */
import type { Transformation } from '@kumo/core';
import { RenderError, renderImage } from '../image/index.js';
import { COMMON_ARGS, inputArgs } from './ffmpeg-args.js';
import { findFfmpegTools } from './ffmpeg-tools.js';
import { type ProcessOptions, probeVideo } from './probe-video.js';
import { runProcess } from './run-process.js';
import { unsupported, VideoRenderError } from './video-errors.js';
import { planVideo } from './video-plan.js';

/** Options of `storyboard`; the limits match the URL builder's (decision 0003). */
export interface StoryboardOptions extends ProcessOptions {
  /** Tiles per row, 1–100; default 10. */
  readonly columns?: number;
  /** Frames, 1–10 000; default 100. */
  readonly count?: number;
  /** Tile width in pixels, 1–4096; default 160. */
  readonly tileWidth?: number;
  /** Tile height; default keeps the video's aspect ratio. A different ratio fills the tile (centre cut). */
  readonly tileHeight?: number;
  /** Sprite format: `jpg` (default), `png`, `webp`, `avif`. */
  readonly format?: string;
  /** The sprite's URL as the VTT should reference it (relative to the VTT URL, per decision 0003). */
  readonly spriteUrl: string;
  /** Components before the storyboard component (`so_10,eo_40`): applied to the video first. */
  readonly transformation?: Transformation;
  /** Largest sprite, width × height; default 50 000 000 (the image renderer's output limit). */
  readonly maxSpritePixels?: number;
}

/** A sprite and its WebVTT. */
export interface StoryboardResult {
  readonly sprite: Buffer;
  readonly format: string;
  readonly contentType: string;
  /** Sprite size: columns × tileWidth by rows × tileHeight. */
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly rows: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** Seconds covered by the cues. */
  readonly duration: number;
  /** `text/vtt` body. */
  readonly vtt: string;
}

function whole(name: string, value: number | undefined, fallback: number, max: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max)
    unsupported(`storyboard ${name} must be an integer from 1 to ${max}`);
  return n;
}

/** `HH:MM:SS.mmm` from milliseconds. */
export function vttTime(ms: number): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

/** Layout of a sprite grid, for `storyboardVtt`. */
export interface SpriteGrid {
  readonly columns: number;
  readonly count: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
}

/**
 * The WebVTT text: cue *i* covers `[i, i+1) × duration / count` (boundaries rounded to the millisecond
 * once, so cues are contiguous) and points at tile *i*, row-major.
 */
export function storyboardVtt(duration: number, grid: SpriteGrid, spriteUrl: string): string {
  const lines = ['WEBVTT', ''];
  const boundary = (i: number): number => Math.round((i * duration * 1000) / grid.count);
  for (let i = 0; i < grid.count; i += 1) {
    const x = (i % grid.columns) * grid.tileWidth;
    const y = Math.floor(i / grid.columns) * grid.tileHeight;
    lines.push(`${vttTime(boundary(i))} --> ${vttTime(boundary(i + 1))}`);
    lines.push(`${spriteUrl}#xywh=${x},${y},${grid.tileWidth},${grid.tileHeight}`, '');
  }
  return lines.join('\n');
}

/**
 * Makes the sprite in one ffmpeg pass (`fps`, `scale`, `crop`, `trim`, `tile`), encodes it with the image
 * renderer, and writes the matching WebVTT. At `count / duration` frames per second the `fps` filter
 * rounds each source frame to the nearest output tick and keeps the last one per tick, so tile *i* shows
 * the frame just before `(i + ½) × duration / count`: the middle of its cue.
 */
export async function storyboard(input: string, options: StoryboardOptions): Promise<StoryboardResult> {
  if (options == null || typeof options !== 'object') unsupported('storyboard options must be an object');
  const columns = whole('columns', options.columns, 10, 100);
  const count = whole('count', options.count, 100, 10_000);
  const tileWidth = whole('tile width', options.tileWidth, 160, 4096);
  const format = options.format ?? 'jpg';
  if (!['jpg', 'jpeg', 'png', 'webp', 'avif'].includes(format))
    unsupported(`Unsupported sprite format: ${format}`);
  const spriteUrl = options.spriteUrl;
  if (typeof spriteUrl !== 'string' || /[\r\n]|-->/.test(spriteUrl)) {
    unsupported('spriteUrl must be a URL without line breaks');
  }
  const { ffmpeg } = await findFfmpegTools();
  const info = await probeVideo(input, { signal: options.signal });
  const plan = planVideo(info, options.transformation ?? [], { video: true });
  if (!plan.video) return unsupported('The file has no video stream to make a storyboard from');
  const { size } = plan.video;
  const tileHeight =
    options.tileHeight === undefined
      ? Math.max(1, Math.round((tileWidth * size.height) / size.width))
      : whole('tile height', options.tileHeight, 0, 4096);
  const rows = Math.ceil(count / columns);
  const width = columns * tileWidth;
  const height = rows * tileHeight;
  const maxPixels = options.maxSpritePixels ?? 50_000_000;
  if (width * height > maxPixels) {
    unsupported(
      `Storyboard sprite would be ${width}x${height} pixels, over the limit of ${maxPixels} pixels`,
    );
  }
  const duration = plan.duration;
  const rate = (count / duration).toFixed(6);
  const filters = [
    ...plan.video.filters,
    `fps=fps=${rate}`,
    `scale=${tileWidth}:${tileHeight}:force_original_aspect_ratio=increase`,
    `crop=${tileWidth}:${tileHeight}`,
    'setsar=1',
    `trim=end_frame=${count}`,
    `tile=${columns}x${rows}`,
  ];
  const args = [...COMMON_ARGS, ...inputArgs(input, plan), '-map', '0:v:0', '-vf', filters.join(','), '-an'];
  args.push('-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-compression_level', '1', 'pipe:1');
  const png = await runProcess(ffmpeg, args, {
    signal: options.signal,
    timeoutMs: options.timeoutMs ?? 5 * 60_000,
    maxStdout: 512 * 1024 * 1024,
    redact: { [input]: 'input' },
    what: 'Storyboard failed',
  });
  if (png.length === 0) throw new VideoRenderError('Storyboard failed: no frames decoded');
  try {
    const image = await renderImage(png, [], { format, limits: { maxOutputPixels: maxPixels } });
    return {
      sprite: image.data,
      format: image.format,
      contentType: image.contentType,
      width: image.width,
      height: image.height,
      columns,
      rows,
      tileWidth,
      tileHeight,
      duration,
      vtt: storyboardVtt(duration, { columns, count, tileWidth, tileHeight }, spriteUrl),
    };
  } catch (error) {
    if (error instanceof RenderError)
      throw new VideoRenderError(error.message, error.status, { cause: error });
    throw error;
  }
}
