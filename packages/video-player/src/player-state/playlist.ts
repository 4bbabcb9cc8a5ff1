import type { VideoSource } from '../video-player/video-player.types.js';

/** The next index of a playlist of `length` items, or -1 at the end (unless `repeat`). */
export function nextIndex(index: number, length: number, repeat = false): number {
  if (length <= 0) return -1;
  if (index + 1 < length) return index + 1;
  return repeat ? 0 : -1;
}

/** The previous index, or -1 at the start (unless `repeat`). */
export function previousIndex(index: number, length: number, repeat = false): number {
  if (length <= 0) return -1;
  if (index > 0) return Math.min(index - 1, length - 1);
  return repeat ? length - 1 : -1;
}

/** Where a server lists the public videos of a tag: `{apiBase}/{cloud}/video/list/{tag}.json`. */
export function tagListUrl(apiBase: string, cloudName: string, tag: string): string {
  const base = apiBase.replace(/\/+$/, '');
  return `${base}/${encodeURIComponent(cloudName)}/video/list/${encodeURIComponent(tag)}.json`;
}

/** One resource of a tag list response. */
interface TagListResource {
  readonly public_id?: unknown;
  readonly context?: { readonly custom?: Readonly<Record<string, unknown>> };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined;

/**
 * Playlist sources from a tag list response (`{ resources: [{ public_id, context: { custom } }] }`),
 * in the server's order. Title, subtitle and description come from the custom context
 * (`title` or `caption`, `subtitle`, `description` or `alt`), as the Cloudinary player reads them.
 */
export function sourcesFromTagList(json: unknown): VideoSource[] {
  const resources = (json as { resources?: unknown } | null)?.resources;
  if (!Array.isArray(resources)) return [];
  const sources: VideoSource[] = [];
  for (const resource of resources as TagListResource[]) {
    const publicId = text(resource?.public_id);
    if (!publicId) continue;
    const custom = resource.context?.custom ?? {};
    const title = text(custom['title']) ?? text(custom['caption']);
    const subtitle = text(custom['subtitle']);
    const description = text(custom['description']) ?? text(custom['alt']);
    sources.push({
      publicId,
      ...(title && { title }),
      ...(subtitle && { subtitle }),
      ...(description && { description }),
    });
  }
  return sources;
}
