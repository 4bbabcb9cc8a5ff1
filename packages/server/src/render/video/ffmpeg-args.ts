/** Pieces of ffmpeg command lines shared by the transcoder, the HLS encoder and the storyboard. */
import type { VideoPlan } from './video-plan.js';

/** The `file:` protocol keeps a path from being read as an option or another protocol (`http:`…). */
export const fileArg = (path: string): string => `file:${path}`;

const seconds = (value: number): string => value.toFixed(3);

/** Quiet, non-interactive, overwrite. */
export const COMMON_ARGS = ['-hide_banner', '-nostdin', '-v', 'error', '-y'] as const;

/** Input with the plan's trim: an input seek is fast and, since ffmpeg decodes from the keyframe before, exact. */
export function inputArgs(input: string, plan: Pick<VideoPlan, 'start' | 'length'>): string[] {
  const args: string[] = [];
  if (plan.start > 0) args.push('-ss', seconds(plan.start));
  args.push('-t', seconds(plan.length), '-i', fileArg(input));
  return args;
}

/**
 * The filter graph of a plan, ending in `[vout]` and `[aout]`. `videoTail` lets the HLS encoder split the
 * video into renditions after the shared part.
 */
export function filterGraph(plan: VideoPlan, videoTail = '[vout]'): string {
  const parts: string[] = [];
  if (plan.video) parts.push(`[0:v:0]${plan.video.filters.join(',') || 'null'}${videoTail}`);
  if (plan.audio) parts.push(`[0:a:0]${plan.audio.filters.join(',') || 'anull'}[aout]`);
  return parts.join(';');
}
