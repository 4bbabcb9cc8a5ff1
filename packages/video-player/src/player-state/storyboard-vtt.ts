import type { StoryboardFrame } from './storyboard.js';
import { parseCues } from './vtt.js';

const XYWH = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/;

/**
 * The frames of a storyboard WebVTT (cues whose text is `sprite.jpg#xywh=x,y,w,h`, as Kumo's
 * `e_storyboard` delivery writes them), sorted by start. Relative sprite URLs resolve against
 * `vttUrl`; cues without a media fragment are skipped.
 */
export function parseStoryboard(source: string, vttUrl: string): StoryboardFrame[] {
  const frames: StoryboardFrame[] = [];
  for (const cue of parseCues(source)) {
    const match = XYWH.exec(cue.text.trim());
    if (!match) continue;
    let url: string;
    try {
      url = new URL(match[1]!, vttUrl).href;
    } catch {
      continue;
    }
    frames.push({
      start: cue.start,
      end: cue.end,
      url,
      x: Number(match[2]),
      y: Number(match[3]),
      width: Number(match[4]),
      height: Number(match[5]),
    });
  }
  return frames.sort((a, b) => a.start - b.start);
}
