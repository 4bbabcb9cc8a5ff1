/**
 * Reading the media playlists ffmpeg writes and writing the master playlist ourselves (with measured
 * BANDWIDTH/AVERAGE-BANDWIDTH, CODECS and FRAME-RATE).
 */
import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A segment listed in a media playlist. */
export interface MediaSegment {
  readonly uri: string;
  readonly duration: number;
}

/** The segments of a media playlist and whether it is complete (`#EXT-X-ENDLIST`). */
export function parseMediaPlaylist(text: string): { segments: MediaSegment[]; complete: boolean } {
  const segments: MediaSegment[] = [];
  let pending: number | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('#EXTINF:')) pending = Number.parseFloat(line.slice('#EXTINF:'.length));
    else if (line && !line.startsWith('#') && pending !== undefined) {
      segments.push({ uri: line, duration: pending });
      pending = undefined;
    }
  }
  return { segments, complete: /^#EXT-X-ENDLIST\s*$/m.test(text) };
}

/** Peak and average bits per second of a rendition's segments, as the HLS spec defines them. */
export async function measureBandwidth(
  dir: string,
  segments: readonly MediaSegment[],
): Promise<{ peak: number; average: number }> {
  let peak = 0;
  let bits = 0;
  let seconds = 0;
  for (const segment of segments) {
    const size = (await stat(join(dir, segment.uri))).size * 8;
    bits += size;
    seconds += segment.duration;
    // Very short tail segments exaggerate the rate; the spec's peak is over segments of normal length.
    if (segment.duration >= 0.5 || segments.length === 1)
      peak = Math.max(peak, size / Math.max(segment.duration, 0.001));
  }
  const average = seconds > 0 ? bits / seconds : 0;
  return { peak: Math.ceil(Math.max(peak, average)), average: Math.ceil(average) };
}

const AVC_PROFILES: Record<string, string> = {
  'Constrained Baseline': '42E0',
  Baseline: '4200',
  Main: '4D40',
  High: '6400',
};

/** RFC 6381 codec string of an H.264 stream from ffprobe's profile name and level (`avc1.64001F`). */
export function avcCodecString(profile: string | undefined, level: number | undefined): string {
  const head = AVC_PROFILES[profile ?? ''] ?? '4D40';
  const tail = Math.max(0, Math.min(255, Math.round(level ?? 31)))
    .toString(16)
    .padStart(2, '0')
    .toUpperCase();
  return `avc1.${head}${tail}`;
}

/** A rendition as the master playlist lists it. */
export interface MasterEntry {
  readonly uri: string;
  readonly bandwidth: number;
  readonly averageBandwidth: number;
  readonly width: number;
  readonly height: number;
  readonly codecs: string;
  readonly frameRate: number;
}

/** The master playlist text; renditions are listed by rising bandwidth, so players start low and climb. */
export function masterPlaylist(entries: readonly MasterEntry[]): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const e of [...entries].sort((a, b) => a.bandwidth - b.bandwidth)) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${e.bandwidth},AVERAGE-BANDWIDTH=${e.averageBandwidth},` +
        `RESOLUTION=${e.width}x${e.height},CODECS="${e.codecs}",FRAME-RATE=${e.frameRate.toFixed(3)}`,
      e.uri,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes under a temporary name, then renames: readers see the old file or the new one, never half. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
  await writeFile(temporary, text, 'utf8');
  await rename(temporary, path);
}

/** Reads a media playlist file. */
export async function readMediaPlaylist(
  path: string,
): Promise<{ segments: MediaSegment[]; complete: boolean }> {
  return parseMediaPlaylist(await readFile(path, 'utf8'));
}
