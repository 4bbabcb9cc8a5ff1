import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { ResourceType } from '../catalog/asset.js';

const execFileAsync = promisify(execFile);

/** What the bytes of a file are, independent of its name. */
export interface DetectedContent {
  readonly resourceType: ResourceType;
  /** Format name as Cloudinary reports it (`jpg`, `png`, `mp4`…); '' for unrecognised raw data. */
  readonly format: string;
  readonly width?: number;
  readonly height?: number;
  readonly pages?: number;
  readonly duration?: number;
  readonly media: Record<string, unknown>;
}

interface Signature {
  readonly resourceType: ResourceType;
  readonly format: string;
}

/**
 * Identifies a file from its first bytes. Images and audio/video that Cloudinary would accept are
 * recognised; anything else is raw. Audio counts as `video`, as in Cloudinary.
 */
export function sniffSignature(head: Uint8Array): Signature | undefined {
  const ascii = (start: number, text: string) =>
    text.split('').every((c, i) => head[start + i] === c.charCodeAt(0));
  const bytes = (start: number, ...values: number[]) => values.every((v, i) => head[start + i] === v);
  if (bytes(0, 0xff, 0xd8, 0xff)) return image('jpg');
  if (bytes(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return image('png');
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return image('gif');
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return image('webp');
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return video('wav');
  if (ascii(0, 'RIFF') && ascii(8, 'AVI ')) return video('avi');
  if (bytes(0, 0x49, 0x49, 0x2a, 0x00) || bytes(0, 0x4d, 0x4d, 0x00, 0x2a)) return image('tiff');
  if (ascii(0, 'BM') && head.length > 14) return image('bmp');
  if (bytes(0, 0x00, 0x00, 0x01, 0x00) && head[4] !== 0) return image('ico');
  if (ascii(0, '%PDF-')) return image('pdf');
  if (ascii(0, '8BPS')) return image('psd');
  if (ascii(4, 'ftyp')) {
    const brand = String.fromCharCode(...head.slice(8, 12));
    if (brand === 'avif' || brand === 'avis') return image('avif');
    if (['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(brand)) return image('heic');
    if (brand === 'qt  ') return video('mov');
    if (brand.startsWith('3g')) return video('3gp');
    if (brand === 'M4A ') return video('m4a');
    return video('mp4');
  }
  if (bytes(0, 0x1a, 0x45, 0xdf, 0xa3)) {
    const header = String.fromCharCode(...head.slice(0, 64));
    return video(header.includes('webm') ? 'webm' : 'mkv');
  }
  if (ascii(0, 'OggS')) return video('ogv');
  if (ascii(0, 'fLaC')) return video('flac');
  if (ascii(0, 'ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0 && head.length > 3))
    return video('mp3');
  if (bytes(0, 0x47) && head[188] === 0x47) return video('ts');
  if (bytes(0, 0x00, 0x00, 0x01, 0xba)) return video('mpeg');
  if (bytes(0, 0x46, 0x4c, 0x56, 0x01)) return video('flv');
  const text = new TextDecoder().decode(head.slice(0, 1024)).trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text))
    return image('svg');
  return undefined;
}

const image = (format: string): Signature => ({ resourceType: 'image', format });
const video = (format: string): Signature => ({ resourceType: 'video', format });

/** Reads the head of a file, measures images with sharp and audio/video with ffprobe (when installed). */
export async function detectContent(file: string, probe: VideoProbe): Promise<DetectedContent> {
  const handle = await fs.open(file, 'r');
  let head: Uint8Array;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const signature = sniffSignature(head);
  if (!signature) return { resourceType: 'raw', format: '', media: {} };
  if (signature.resourceType === 'image') return measureImage(file, signature.format);
  const details = await probe.probe(file);
  return { resourceType: 'video', format: signature.format, ...details };
}

async function measureImage(file: string, format: string): Promise<DetectedContent> {
  try {
    const metadata = await sharp(file, { animated: true, limitInputPixels: 268_402_689 }).metadata();
    const pages = metadata.pages ?? 1;
    const height = metadata.pageHeight ?? metadata.height;
    return {
      resourceType: 'image',
      format,
      width: metadata.width,
      height,
      pages,
      media: { has_alpha: metadata.hasAlpha ?? false, colorspace: metadata.space },
    };
  } catch {
    // Formats sharp cannot decode (PSD, ICO, some PDFs) are still images; they just have no size yet.
    if (['psd', 'ico', 'pdf', 'bmp'].includes(format)) return { resourceType: 'image', format, media: {} };
    return { resourceType: 'raw', format: '', media: { invalid_image: true } };
  }
}

/** Reads duration, size and stream details of audio/video; returns nothing when ffprobe is missing. */
export class VideoProbe {
  private available: Promise<boolean> | undefined;

  constructor(private readonly command = 'ffprobe') {}

  async probe(file: string): Promise<Omit<DetectedContent, 'resourceType' | 'format'>> {
    if (!(await this.isAvailable())) return { media: {} };
    try {
      const { stdout } = await execFileAsync(
        this.command,
        ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
        { timeout: 30_000, maxBuffer: 8 * 2 ** 20 },
      );
      return describeProbe(JSON.parse(stdout) as ProbeOutput);
    } catch {
      return { media: {} };
    }
  }

  isAvailable(): Promise<boolean> {
    this.available ??= execFileAsync(this.command, ['-version'], { timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    return this.available;
  }
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  level?: number;
  pix_fmt?: string;
  width?: number;
  height?: number;
  bit_rate?: string;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  nb_frames?: string;
  time_base?: string;
  display_aspect_ratio?: string;
  sample_rate?: string;
  channels?: number;
  channel_layout?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
}

interface ProbeOutput {
  streams?: ProbeStream[];
  format?: { duration?: string; bit_rate?: string };
}

function describeProbe(output: ProbeOutput): Omit<DetectedContent, 'resourceType' | 'format'> {
  const streams = output.streams ?? [];
  const videoStream = streams.find((s) => s.codec_type === 'video' && s.width);
  const audioStream = streams.find((s) => s.codec_type === 'audio');
  const duration = numberOrUndefined(output.format?.duration);
  const media: Record<string, unknown> = {
    bit_rate: numberOrUndefined(output.format?.bit_rate),
    is_audio: !videoStream,
  };
  if (videoStream) {
    media.frame_rate = frameRate(videoStream.avg_frame_rate) ?? frameRate(videoStream.r_frame_rate);
    media.nb_frames = numberOrUndefined(videoStream.nb_frames);
    media.rotation = Number(videoStream.tags?.rotate ?? videoStream.side_data_list?.[0]?.rotation ?? 0);
    media.video = {
      pix_format: videoStream.pix_fmt,
      codec: videoStream.codec_name,
      level: videoStream.level,
      profile: videoStream.profile,
      bit_rate: videoStream.bit_rate,
      dar: videoStream.display_aspect_ratio,
      time_base: videoStream.time_base,
    };
  }
  if (audioStream) {
    media.audio = {
      codec: audioStream.codec_name,
      bit_rate: audioStream.bit_rate,
      frequency: numberOrUndefined(audioStream.sample_rate),
      channels: audioStream.channels,
      channel_layout: audioStream.channel_layout,
    };
  }
  return { width: videoStream?.width, height: videoStream?.height, duration, media };
}

function numberOrUndefined(value: string | undefined): number | undefined {
  const parsed = Number(value);
  return value !== undefined && Number.isFinite(parsed) ? parsed : undefined;
}

function frameRate(value: string | undefined): number | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? '');
  if (!match || match[2] === '0') return undefined;
  return Math.round((Number(match[1]) / Number(match[2])) * 1000) / 1000;
}
