/**
 * Cloudinary's player API over a `<kumo-video-player>`: options mapped from Cloudinary's names,
 * `on(name)` handlers fed from the element's `kumo-*` events. Lives in the player's chunk, so the
 * element is registered by the time this runs.
 */
import { warnInDev } from '@kumo/ui';
import type { KumoVideoPlayer, VideoSource } from '@kumo/video-player';
import { playerEventType, toPlayerEvent } from './video-player-events.js';
import {
  type MapVideoOptionsContext,
  mapVideoPlayerOptions,
  optionsFromVideoAttributes,
  type VideoPlayerConfig,
  type VideoSourceConfig,
} from './video-player-options.js';
import type { PlayerEventHandler, PlaylistOptions, VideoPlayer } from './video-player-proxy.js';

interface Listener {
  readonly name: string;
  readonly handler: PlayerEventHandler;
  readonly type: string;
  readonly listener: (event: Event) => void;
}

function toSource(source: string | VideoSourceConfig, options: VideoSourceConfig = {}): VideoSource {
  const input = typeof source === 'string' ? { ...options, source } : { ...options, ...source };
  const mapped = mapVideoPlayerOptions(input, { nested: true });
  for (const warning of mapped.warnings) warnInDev(warning.code, warning.message);
  const p = mapped.element;
  const item: Record<string, unknown> = {
    publicId: p.publicId,
    src: p.src,
    title: p.videoTitle,
    subtitle: p.videoSubtitle,
    description: p.videoDescription,
    poster: p.poster,
    posterOptions: p.posterOptions,
    transformation: p.transformation,
    sourceTypes: p.sourceTypes,
    textTracks: p.textTracks,
    chapters: p.chapters,
  };
  for (const key of Object.keys(item)) if (item[key] === undefined) delete item[key];
  return item as VideoSource;
}

function playlistProperties(options: PlaylistOptions): Partial<KumoVideoPlayer> {
  const properties: Record<string, unknown> = {};
  if (options.autoAdvance !== undefined) properties['autoAdvance'] = options.autoAdvance;
  if (options.repeat !== undefined) properties['repeat'] = options.repeat;
  if (options.presentUpcoming !== undefined)
    properties['presentUpcoming'] =
      options.presentUpcoming === true ? 10 : options.presentUpcoming === false ? 0 : options.presentUpcoming;
  return properties as Partial<KumoVideoPlayer>;
}

export class EmbeddedVideoPlayer implements VideoPlayer {
  readonly ready: Promise<KumoVideoPlayer>;
  private readonly player: KumoVideoPlayer;
  private listeners: Listener[] = [];

  /**
   * `tagAttributes` are those of the `<video>` the element replaced (Cloudinary reads options from
   * them); `options` win over them.
   */
  constructor(
    element: HTMLElement,
    tagAttributes: Readonly<Record<string, string>> | undefined,
    options: VideoPlayerConfig | undefined,
    context: MapVideoOptionsContext,
  ) {
    const fromTag = tagAttributes ? optionsFromVideoAttributes(tagAttributes) : {};
    const mapped = mapVideoPlayerOptions({ ...fromTag, ...options }, context);
    for (const warning of mapped.warnings) warnInDev(warning.code, warning.message);
    // An element made before the chunk registered the tag, and never put in the page, is not upgraded yet.
    customElements.upgrade(element);
    this.player = element as KumoVideoPlayer;
    Object.assign(this.player, mapped.element);
    this.ready = Promise.resolve(this.player);
  }

  private act(action: (player: KumoVideoPlayer) => void): this {
    action(this.player);
    return this;
  }

  source(source: string | VideoSourceConfig, options?: VideoSourceConfig): VideoPlayer {
    const item = toSource(source, options);
    const { publicId, src, ...rest } = item;
    const id = src ?? publicId;
    if (!id) {
      warnInDev('embed-player-source', 'source() needs a public id or a URL.');
      return this;
    }
    return this.act((player) => player.source(id, rest));
  }

  play(): Promise<void> {
    return this.player.play();
  }

  pause(): VideoPlayer {
    return this.act((player) => player.pause());
  }

  stop(): VideoPlayer {
    return this.act((player) => {
      player.pause();
      player.currentTime = 0;
    });
  }

  currentTime(): number;
  currentTime(seconds: number): VideoPlayer;
  currentTime(seconds?: number): number | VideoPlayer {
    if (seconds === undefined) return this.player.currentTime;
    return this.act((player) => {
      player.currentTime = seconds;
    });
  }

  duration(): number {
    return this.player.duration;
  }

  volume(): number;
  volume(level: number): VideoPlayer;
  volume(level?: number): number | VideoPlayer {
    if (level === undefined) return this.player.volume;
    return this.act((player) => {
      player.volume = level;
    });
  }

  mute(): VideoPlayer {
    return this.act((player) => {
      player.muted = true;
    });
  }

  unmute(): VideoPlayer {
    return this.act((player) => {
      player.muted = false;
    });
  }

  isMuted(): boolean {
    return this.player.muted;
  }

  playlist(sources: readonly (string | VideoSourceConfig)[], options: PlaylistOptions = {}): VideoPlayer {
    const items = sources.map((source) => toSource(source));
    return this.act((player) => {
      Object.assign(player, playlistProperties(options));
      player.playlistByTag = undefined;
      player.playlist = items;
    });
  }

  async playlistByTag(tag: string, options: PlaylistOptions = {}): Promise<VideoPlayer> {
    const player = this.player;
    Object.assign(player, playlistProperties(options));
    player.playlist = undefined;
    player.playlistByTag = tag;
    return this;
  }

  playNext(): VideoPlayer {
    return this.act((player) => player.next());
  }

  playPrevious(): VideoPlayer {
    return this.act((player) => player.previous());
  }

  update(options: VideoPlayerConfig): VideoPlayer {
    const mapped = mapVideoPlayerOptions(options, { nested: true });
    for (const warning of mapped.warnings) warnInDev(warning.code, warning.message);
    return this.act((player) => {
      Object.assign(player, mapped.element);
    });
  }

  on(name: string, handler: PlayerEventHandler): VideoPlayer {
    return this.listen(name, handler, false);
  }

  one(name: string, handler: PlayerEventHandler): VideoPlayer {
    return this.listen(name, handler, true);
  }

  off(name?: string, handler?: PlayerEventHandler): VideoPlayer {
    const [removed, kept] = [[], []] as [Listener[], Listener[]];
    for (const entry of this.listeners)
      ((name === undefined || entry.name === name) && (!handler || entry.handler === handler)
        ? removed
        : kept
      ).push(entry);
    for (const entry of removed) this.player.removeEventListener(entry.type, entry.listener);
    this.listeners = kept;
    return this;
  }

  el(): HTMLElement {
    return this.player;
  }

  dispose(): void {
    this.off();
    this.player.remove();
  }

  private listen(name: string, handler: PlayerEventHandler, once: boolean): VideoPlayer {
    const type = playerEventType(name);
    if (!type) {
      warnInDev(
        'embed-unknown-player-event',
        `the video player has no "${name}" event; the handler is never called.`,
      );
      return this;
    }
    const entry: Listener = {
      name,
      handler,
      type,
      listener: (event) => {
        if (event.target !== this.player) return;
        if (once) this.off(name, handler);
        const mapped = toPlayerEvent(name, event);
        handler.call(this, mapped, mapped.eventData);
      },
    };
    this.listeners.push(entry);
    this.player.addEventListener(type, entry.listener);
    return this;
  }
}
