import { chaptersFromMap, chaptersFromVtt } from '../player-state/chapter-sources.js';
import type { Chapter } from '../player-state/chapters.js';
import type { TextTrackInfo } from '../player-state/media-state.js';
import { chaptersSource } from '../player-state/sources.js';
import type { StoryboardFrame } from '../player-state/storyboard.js';
import { parseStoryboard } from '../player-state/storyboard-vtt.js';
import { cuesToVtt, parseCues } from '../player-state/vtt.js';
import type { TextTrackOption, VideoSource } from '../video-player/video-player.types.js';

/** A caption or subtitle file fetched and ready for a `<track>` element. */
export interface LoadedTextTrack {
  readonly info: TextTrackInfo;
  /** Object URL of the file as WebVTT (SRT is converted). */
  readonly objectUrl: string;
  readonly isDefault: boolean;
}

/** The text of `url` (resolved against the page), or a rejection naming the status. */
export async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(new URL(url, document.baseURI), { signal });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${url}`);
  return response.text();
}

/**
 * Fetches a source's caption and subtitle files (in parallel; a file that fails is left out and
 * reported to `onError`) and turns each into an object URL a `<track>` can load without CORS.
 */
export async function loadTextTracks(
  source: VideoSource,
  signal: AbortSignal,
  labelFor: (language: string) => string,
  onError: (url: string, error: unknown) => void,
): Promise<LoadedTextTrack[]> {
  const options = source.textTracks;
  const entries: Array<[TextTrackOption, TextTrackInfo['kind']]> = [
    ...(options?.captions ? [[options.captions, 'captions'] as [TextTrackOption, 'captions']] : []),
    ...(options?.subtitles ?? []).map((track) => [track, 'subtitles'] as [TextTrackOption, 'subtitles']),
  ];
  const loaded = await Promise.all(
    entries.map(async ([track, kind]): Promise<LoadedTextTrack | undefined> => {
      try {
        const text = await fetchText(track.url, signal);
        const vtt = cuesToVtt(parseCues(text));
        const language = track.language ?? '';
        return {
          info: { kind, language, label: track.label || (language ? labelFor(language) : kind) },
          objectUrl: URL.createObjectURL(new Blob([vtt], { type: 'text/vtt' })),
          isDefault: !!track.default,
        };
      } catch (error) {
        if (!signal.aborted) onError(track.url, error);
        return undefined;
      }
    }),
  );
  return loaded.filter((track): track is LoadedTextTrack => track !== undefined);
}

/** A source's chapters: from its chapters WebVTT or inline map; none when it has neither. */
export async function loadChapters(
  source: VideoSource,
  signal: AbortSignal,
  duration: number,
): Promise<Chapter[]> {
  const from = chaptersSource(source);
  if (!from) return [];
  if ('map' in from) return chaptersFromMap(from.map, Number.isFinite(duration) ? duration : undefined);
  return chaptersFromVtt(await fetchText(from.url, signal));
}

/** The storyboard frames behind a storyboard WebVTT, with the sprite image warmed in the cache. */
export async function loadStoryboard(url: string, signal: AbortSignal): Promise<StoryboardFrame[]> {
  const absolute = new URL(url, document.baseURI).href;
  const frames = parseStoryboard(await fetchText(absolute, signal), absolute);
  for (const sprite of new Set(frames.map((frame) => frame.url))) new Image().src = sprite;
  return frames;
}
