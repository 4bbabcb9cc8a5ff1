/**
 * A small WebVTT (and SRT) cue reader: enough for captions, chapters and storyboards. It keeps cue
 * text as written (tags included) and skips NOTE, STYLE and REGION blocks.
 */

/** One timed cue. */
export interface Cue {
  /** Cue identifier, when the file gives one. */
  readonly id: string;
  /** Start, in seconds. */
  readonly start: number;
  /** End, in seconds. */
  readonly end: number;
  /** Payload lines joined with `\n`. */
  readonly text: string;
}

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/;

/** `01:02:03.500`, `02:03.500` or SRT's `01:02:03,500` in seconds; NaN when malformed. */
export function parseTimestamp(value: string): number {
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return Number.NaN;
  const [, hours = '0', minutes = '0', seconds = '0', fraction = '0'] = match;
  if (Number(minutes) > 59 || Number(seconds) > 59) return Number.NaN;
  return (
    Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(fraction.padEnd(3, '0')) / 1000
  );
}

const TIMING = /^(\S+)\s+-->\s+(\S+)/;

/** The cues of a WebVTT or SRT document, in file order; malformed blocks are skipped. */
export function parseCues(source: string): Cue[] {
  const blocks = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/);
  const cues: Cue[] = [];
  for (const block of blocks) {
    const lines = block.split('\n').filter((line, index) => index > 0 || line.trim() !== '');
    const timingIndex = lines.findIndex((line) => line.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) continue;
    const first = lines[0]!.trim();
    if (/^(WEBVTT|NOTE|STYLE|REGION)\b/.test(first) && timingIndex !== 0) continue;
    const timing = TIMING.exec(lines[timingIndex]!.trim());
    if (!timing) continue;
    const start = parseTimestamp(timing[1]!);
    const end = parseTimestamp(timing[2]!);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) continue;
    cues.push({
      id: timingIndex === 1 ? first : '',
      start,
      end,
      text: lines
        .slice(timingIndex + 1)
        .join('\n')
        .replace(/\s+$/, ''),
    });
  }
  return cues;
}

/** Cue text without markup (`<v Roger>`, `<b>`, timestamps) and with entities decoded, for display. */
export function cueText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&lrm;/g, '\u200e')
    .replace(/&rlm;/g, '\u200f')
    .replace(/&amp;/g, '&');
}

const clock = (seconds: number): string => {
  const millis = Math.round(seconds * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const ms = millis % 1000;
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
};

/** Cues written back as a WebVTT document (turns SRT into VTT for a `<track>`). */
export function cuesToVtt(cues: readonly Cue[]): string {
  const blocks = cues.map(
    (cue) =>
      `${cue.id ? `${cue.id}\n` : ''}${clock(cue.start)} --> ${clock(cue.end)}\n${cue.text.replace(/\n{2,}/g, '\n')}`,
  );
  return `WEBVTT\n\n${blocks.join('\n\n')}\n`;
}
