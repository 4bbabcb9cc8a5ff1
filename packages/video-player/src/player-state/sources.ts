import type { FrameOffset } from '@kumo/core';
import { buildUrl, hlsUrl, posterUrl, storyboardVttUrl } from '@kumo/core';
import type { SourceType, VideoSource } from '../video-player/video-player.types.js';

/** One URL the player may load, with how to load it. */
export interface MediaCandidate {
  readonly url: string;
  /** `hls` goes through hls.js (or native HLS); the rest to the `<video>` directly. */
  readonly type: SourceType;
}

/** Everything the player loads for one source. */
export interface ResolvedMedia {
  /** Public id or URL, for analytics and events. */
  readonly id: string;
  /** Candidates in the order to try. */
  readonly candidates: readonly MediaCandidate[];
  /** Poster image URL, if any. */
  readonly poster: string | undefined;
  /** Poster colour instead of an image (`posterOptions.posterColor`). */
  readonly posterColor: string | undefined;
  /** Storyboard WebVTT URL (Kumo's `e_storyboard` form), if thumbnails apply. */
  readonly storyboard: string | undefined;
}

/** Player-wide settings a source inherits. */
export interface SourceDefaults {
  readonly apiBase: string;
  readonly cloudName: string;
  readonly sourceTypes: readonly SourceType[];
  readonly transformation: string | undefined;
  readonly seekThumbnails: boolean;
}

/** Joins transformation strings as chained components, skipping empty ones. */
export const chainTransformations = (...parts: readonly (string | undefined)[]): string =>
  parts
    .map((part) => part?.trim().replace(/^\/+|\/+$/g, '') ?? '')
    .filter(Boolean)
    .join('/');

const typeOfUrl = (url: string): SourceType => {
  const path = url.split(/[?#]/)[0]!.toLowerCase();
  if (path.endsWith('.m3u8')) return 'hls';
  if (path.endsWith('.webm')) return 'webm';
  return 'mp4';
};

/**
 * The URLs of a source: an explicit `src` as given, or, for a public id, an `sp_auto` HLS manifest
 * and progressive files in `sourceTypes` order, a poster and a storyboard, each with the source's
 * transformation applied. Throws `DeliveryUrlError` (from @kumo/core) on impossible options.
 */
export function resolveMedia(source: VideoSource, defaults: SourceDefaults): ResolvedMedia {
  const posterColor = source.posterOptions?.posterColor;
  if (source.src) {
    return {
      id: source.src,
      candidates: [{ url: source.src, type: typeOfUrl(source.src) }],
      poster: source.poster,
      posterColor,
      storyboard: undefined,
    };
  }
  const publicId = source.publicId ?? '';
  const base = { cloudName: defaults.cloudName, baseUrl: defaults.apiBase };
  const transformation = chainTransformations(defaults.transformation, source.transformation);
  const types = source.sourceTypes?.length ? source.sourceTypes : defaults.sourceTypes;
  const candidates = [...new Set(types)].map((type): MediaCandidate => {
    const url =
      type === 'hls'
        ? hlsUrl(publicId, { ...base, transformation })
        : buildUrl(publicId, { ...base, resourceType: 'video', format: type, transformation });
    return { url, type };
  });
  const posterOptions = source.posterOptions;
  const poster =
    source.poster ??
    (posterColor
      ? undefined
      : posterUrl(posterOptions?.publicId ?? publicId, {
          ...base,
          transformation: chainTransformations(transformation, posterOptions?.transformation),
          ...(posterOptions?.offset !== undefined && { offset: posterOptions.offset as FrameOffset }),
        }));
  const storyboard = defaults.seekThumbnails
    ? storyboardVttUrl(publicId, { ...base, ...(transformation && { transformation }) })
    : undefined;
  return { id: publicId, candidates, poster, posterColor, storyboard };
}

/** Where a source's chapters come from: a WebVTT URL, an inline map, or nowhere. */
export function chaptersSource(
  source: VideoSource,
): { readonly url: string } | { readonly map: Readonly<Record<number, string>> } | undefined {
  const option = source.chapters;
  if (typeof option === 'string' && option !== '') return { url: option };
  if (option && typeof option === 'object') return { map: option };
  // `true`, or chapters listed among the text tracks without the `chapters` option, load the VTT.
  if (option !== false && source.textTracks?.chapters?.url) return { url: source.textTracks.chapters.url };
  return undefined;
}
