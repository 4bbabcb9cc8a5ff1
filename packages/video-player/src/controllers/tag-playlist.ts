import { sourcesFromTagList, tagListUrl } from '../player-state/playlist.js';
import type { VideoSource } from '../video-player/video-player.types.js';

/** A tag list that could not be fetched; `status` is the HTTP status (0 when unreachable). */
export class TagListError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The playlist of a tag: the server's list of public videos with it (`/{cloud}/video/list/{tag}.json`). */
export async function fetchTagPlaylist(
  apiBase: string,
  cloudName: string,
  tag: string,
  signal: AbortSignal,
): Promise<VideoSource[]> {
  const url = new URL(tagListUrl(apiBase, cloudName, tag), document.baseURI);
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    throw new TagListError(0, `Tag list ${url}: ${String(error)}`);
  }
  if (!response.ok) throw new TagListError(response.status, `Tag list ${url}: HTTP ${response.status}`);
  return sourcesFromTagList(await response.json());
}
