import type { Chapter } from './chapters.js';
import { cueText, parseCues } from './vtt.js';

/** Chapters from a chapters WebVTT: one per cue, ordered by start. */
export function chaptersFromVtt(source: string): Chapter[] {
  return parseCues(source)
    .map((cue) => ({ start: cue.start, end: cue.end, title: cueText(cue.text).trim() }))
    .filter((chapter) => chapter.title !== '')
    .sort((a, b) => a.start - b.start);
}

/**
 * Chapters from a map of start seconds to titles (`{ 0: 'Intro', 42: 'Demo' }`, the Cloudinary
 * player's object form): each ends where the next begins, the last at `duration`.
 */
export function chaptersFromMap(
  map: Readonly<Record<number, string>>,
  duration = Number.POSITIVE_INFINITY,
): Chapter[] {
  const starts = Object.entries(map)
    .map(([start, title]) => ({ start: Number(start), title: String(title).trim() }))
    .filter((entry) => Number.isFinite(entry.start) && entry.start >= 0 && entry.title !== '')
    .sort((a, b) => a.start - b.start);
  return starts.map((entry, index) => ({
    start: entry.start,
    end: starts[index + 1]?.start ?? duration,
    title: entry.title,
  }));
}
