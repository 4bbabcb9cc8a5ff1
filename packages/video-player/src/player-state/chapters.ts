/** One chapter of a video. */
export interface Chapter {
  readonly start: number;
  /** End in seconds; the next chapter's start, or the duration (Infinity while unknown) for the last. */
  readonly end: number;
  readonly title: string;
}

/** Index of the chapter playing at `time`: the last one started at or before it; -1 before the first. */
export function chapterIndexAt(chapters: readonly Chapter[], time: number): number {
  let found = -1;
  for (let index = 0; index < chapters.length; index += 1) {
    if (chapters[index]!.start <= time) found = index;
    else break;
  }
  return found;
}

/** Chapter start positions as fractions (0–1) of `duration`, for marks on the seek bar; none while unknown. */
export function chapterMarks(chapters: readonly Chapter[], duration: number): number[] {
  if (!(duration > 0) || !Number.isFinite(duration)) return [];
  return chapters
    .map((chapter) => chapter.start / duration)
    .filter((fraction) => fraction > 0 && fraction < 1);
}
