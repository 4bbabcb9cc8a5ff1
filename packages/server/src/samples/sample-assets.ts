import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { ApiKey } from '../config.js';
import { sampleTextTracks, TEST_PATTERN_SECONDS } from './sample-text-tracks.js';

const execFileAsync = promisify(execFile);
const MARKER = 'samples-created';

interface SampleFile {
  readonly publicId: string;
  readonly bytes: Buffer;
  readonly filename: string;
  readonly tags: readonly string[];
  readonly resourceType: 'image' | 'video' | 'raw';
  /** Cloudinary's `key=value|key=value` context. */
  readonly context?: string;
}

/**
 * Makes the sample library on first start (images with sharp, videos with ffmpeg when installed, raw
 * files: a CSV and the test pattern's caption and chapter tracks) and uploads it through the server's
 * own Upload API. Nothing is downloaded. A marker file in the data folder keeps samples a user deleted
 * from coming back. Returns how many were created.
 */
export async function createSampleAssets(options: {
  baseUrl: string;
  cloud: string;
  key: ApiKey;
  dataDir: string;
}): Promise<number> {
  const marker = path.join(options.dataDir, MARKER);
  if (await fs.stat(marker).catch(() => undefined)) return 0;
  // Made concurrently: ffmpeg runs in its own process while sharp renders the images.
  const made = await Promise.all([sampleImages(), spinFrames(), sampleVideos()]);
  const files = [...made.flat(), sampleRaw(), ...textTracks()];
  const auth = `Basic ${Buffer.from(`${options.key.key}:${options.key.secret}`).toString('base64')}`;
  let created = 0;
  for (let i = 0; i < files.length; i += 4) {
    await Promise.all(
      files.slice(i, i + 4).map(async (file) => {
        const form = new FormData();
        form.append('public_id', file.publicId);
        if (file.tags.length) form.append('tags', file.tags.join(','));
        if (file.context) form.append('context', file.context);
        form.append('file', new Blob([new Uint8Array(file.bytes)]), file.filename);
        const response = await fetch(`${options.baseUrl}/v1_1/${options.cloud}/${file.resourceType}/upload`, {
          method: 'POST',
          headers: { authorization: auth },
          body: form,
        });
        if (!response.ok) throw new Error(`Sample ${file.publicId} failed: ${await response.text()}`);
        created++;
      }),
    );
  }
  await fs.writeFile(marker, `${new Date().toISOString()}\n`);
  return created;
}

function svg(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`,
  );
}

function gradient(id: string, from: string, to: string): string {
  return `<defs><linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>`;
}

/** A stylised shoe, so product and spin samples show something recognisable. */
function shoe(color: string, scaleX = 1): string {
  return `<g transform="translate(500 560) scale(${scaleX.toFixed(3)} 1)">
    <path d="M-330 60 C-330 -40 -250 -60 -200 -140 C-150 -200 -60 -200 -20 -120 C20 -60 140 -40 260 -10 C330 10 350 60 330 90 L-320 90 Z" fill="${color}"/>
    <rect x="-335" y="80" width="670" height="40" rx="18" fill="#f4f1ea"/>
    <path d="M-150 -130 L-60 -60 M-120 -160 L-30 -90" stroke="#fff" stroke-width="14" stroke-linecap="round"/>
  </g>`;
}

async function sampleImages(): Promise<SampleFile[]> {
  const scene = (w: number, h: number, from: string, to: string, extra = '') =>
    svg(w, h, `${gradient('g', from, to)}<rect width="100%" height="100%" fill="url(#g)"/>${extra}`);
  const circle = (w: number, h: number, color: string) =>
    `<circle cx="${w / 2}" cy="${h / 2}" r="${Math.min(w, h) / 4}" fill="${color}" opacity="0.8"/>`;
  const image = async (
    publicId: string,
    source: Buffer,
    format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif',
    tags: string[],
  ) => ({
    publicId: `samples/${publicId}`,
    bytes: await sharp(source).toFormat(format).toBuffer(),
    filename: `${publicId.split('/').pop()}.${format === 'jpeg' ? 'jpg' : format}`,
    tags,
    resourceType: 'image' as const,
  });
  const product = (color: string) =>
    svg(
      1000,
      1000,
      `${gradient('g', '#ffffff', '#e6e6e6')}<rect width="100%" height="100%" fill="url(#g)"/>${shoe(color)}`,
    );
  return Promise.all([
    image('landscape', scene(1600, 900, '#1e3c72', '#2a5298', circle(1600, 900, '#ffd166')), 'jpeg', [
      'landscape',
    ]),
    image('portrait', scene(800, 1200, '#ff9966', '#ff5e62', circle(800, 1200, '#fff')), 'jpeg', [
      'portrait',
    ]),
    image('square', scene(1000, 1000, '#11998e', '#38ef7d', circle(1000, 1000, '#073b4c')), 'webp', [
      'square',
    ]),
    image('banner', scene(2400, 600, '#8e2de2', '#4a00e0'), 'png', ['banner']),
    image('tall', scene(400, 1600, '#f7971e', '#ffd200'), 'jpeg', ['portrait']),
    image('thumbnail', scene(400, 300, '#00c6ff', '#0072ff', circle(400, 300, '#fff')), 'avif', []),
    image('icon', scene(64, 64, '#e52d27', '#b31217'), 'gif', ['icon']),
    image(
      'logo-transparent',
      svg(
        600,
        600,
        '<circle cx="300" cy="300" r="220" fill="#ef476f"/><circle cx="300" cy="300" r="120" fill="#ffd166" opacity="0.7"/>',
      ),
      'png',
      ['logo', 'transparent'],
    ),
    image('products/shoe-red', product('#d62828'), 'jpeg', ['product', 'shoe']),
    image('products/shoe-blue', product('#1d4e89'), 'jpeg', ['product', 'shoe']),
    image('products/shoe-green', product('#2a9d8f'), 'webp', ['product', 'shoe']),
    image('products/shoe-black', product('#222222'), 'png', ['product', 'shoe']),
    image(
      'products/bag',
      scene(
        1200,
        900,
        '#fdfbfb',
        '#ebedee',
        '<rect x="350" y="300" width="500" height="400" rx="40" fill="#6d4c41"/>',
      ),
      'jpeg',
      ['product'],
    ),
  ]);
}

/** 24 views of the shoe turning, 15° apart, for a 360° spin. */
async function spinFrames(): Promise<SampleFile[]> {
  return Promise.all(
    Array.from({ length: 24 }, async (_, frame) => {
      const angle = (frame * 2 * Math.PI) / 24;
      const scaleX = Math.cos(angle) || 0.02;
      const shade = Math.round(150 + 80 * Math.sin(angle));
      const body = `${gradient('g', '#ffffff', '#dddddd')}<rect width="100%" height="100%" fill="url(#g)"/><ellipse cx="500" cy="700" rx="${Math.round(340 * Math.max(Math.abs(scaleX), 0.3))}" ry="40" fill="#000" opacity="0.15"/>${shoe(`rgb(${shade},40,40)`, Math.abs(scaleX) < 0.08 ? 0.08 * Math.sign(scaleX || 1) : scaleX)}`;
      const number = String(frame + 1).padStart(2, '0');
      return {
        publicId: `samples/spin/shoe-${number}`,
        bytes: await sharp(svg(1000, 1000, body))
          .jpeg({ quality: 85 })
          .toBuffer(),
        filename: `shoe-${number}.jpg`,
        tags: ['spin', 'shoe-spin'],
        resourceType: 'image' as const,
      };
    }),
  );
}

/**
 * Two clips made with ffmpeg's test sources, encoded side by side; none when ffmpeg is not
 * installed. The test pattern is long enough for its caption and chapter tracks. x264's `superfast`
 * preset keeps each encode around half a second, and 2-second keyframes keep seeking to a chapter
 * quick.
 */
async function sampleVideos(): Promise<SampleFile[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kumo-samples-'));
  const clips = [
    {
      id: 'test-pattern',
      source: 'testsrc2',
      size: '640x360',
      rate: 25,
      seconds: TEST_PATTERN_SECONDS,
      tone: 440,
    },
    { id: 'color-bars', source: 'smptehdbars', size: '1280x720', rate: 30, seconds: 4, tone: 660 },
  ];
  try {
    const made = await Promise.all(
      clips.map(async (clip): Promise<SampleFile | undefined> => {
        const file = path.join(dir, `${clip.id}.mp4`);
        const video = `${clip.source}=size=${clip.size}:rate=${clip.rate}:duration=${clip.seconds}`;
        try {
          await execFileAsync(
            'ffmpeg',
            [
              ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', video],
              ...['-f', 'lavfi', '-i', `sine=frequency=${clip.tone}:duration=${clip.seconds}`],
              ...['-pix_fmt', 'yuv420p', '-preset', 'superfast', '-crf', '30', '-g', String(clip.rate * 2)],
              ...['-shortest', '-movflags', '+faststart', file],
            ],
            { timeout: 60_000 },
          );
        } catch {
          return undefined;
        }
        return {
          publicId: `samples/videos/${clip.id}`,
          bytes: await fs.readFile(file),
          filename: `${clip.id}.mp4`,
          tags: ['video'],
          resourceType: 'video',
        };
      }),
    );
    return made.filter((clip) => clip !== undefined);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function sampleRaw(): SampleFile {
  const rows = [
    ['sku', 'name', 'color', 'price'],
    ['SH-001', 'Runner', 'red', '89.00'],
    ['SH-002', 'Runner', 'blue', '89.00'],
    ['SH-003', 'Trail', 'green', '119.00'],
    ['BG-001', 'Tote', 'brown', '59.00'],
  ];
  return {
    publicId: 'samples/catalog.csv',
    bytes: Buffer.from(`${rows.map((row) => row.join(',')).join('\n')}\n`),
    filename: 'catalog.csv',
    tags: ['product'],
    resourceType: 'raw',
  };
}

/** The test pattern's captions (English, French) and chapters, tagged `text-track` and by kind. */
function textTracks(): SampleFile[] {
  return sampleTextTracks().map((track) => ({
    publicId: track.publicId,
    bytes: Buffer.from(track.text),
    filename: track.publicId.slice(track.publicId.lastIndexOf('/') + 1),
    tags: ['text-track', track.kind, 'test-pattern'],
    resourceType: 'raw',
    context: `kind=${track.kind}|language=${track.language}|label=${track.label}`,
  }));
}
