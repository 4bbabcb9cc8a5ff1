/**
 * What `kumo.videoPlayer(id, options)` returns at once: a `<video>` target is replaced by a
 * `<kumo-video-player>` right away (so the layout settles), and calls made while the player's chunk
 * loads are replayed in order once it has.
 */
import { warnInDev } from '@kumo/ui';
import type { KumoVideoPlayer } from '@kumo/video-player';
import type { PlayerEvent } from './video-player-events.js';
import type { VideoPlayerConfig, VideoSourceConfig } from './video-player-options.js';

/** A handler as Cloudinary's `player.on` calls it: the event, then its `eventData`. */
export type PlayerEventHandler = (this: VideoPlayer, event: PlayerEvent, data: unknown) => void;

/** Cloudinary's playlist options. */
export interface PlaylistOptions {
  /** Seconds to wait before the next item (`0` at once), or `false` to stop after each. */
  autoAdvance?: number | false;
  /** Start over after the last item. */
  repeat?: boolean;
  /** Show the up-next card this many seconds before the end (`true` = 10, `false` = never). */
  presentUpcoming?: number | boolean;
}

/** The player object `kumo.videoPlayer` returns (Cloudinary's method names). */
export interface VideoPlayer {
  /** Resolves with the element once its code has loaded and the options are applied. */
  readonly ready: Promise<KumoVideoPlayer>;
  /** Plays a public id or URL, with Cloudinary source options (`info`, `poster`, `textTracks`…). */
  source(source: string | VideoSourceConfig, options?: VideoSourceConfig): VideoPlayer;
  /** Starts playback; rejects when the browser refuses to autoplay. */
  play(): Promise<void>;
  pause(): VideoPlayer;
  /** Pauses and goes back to the start. */
  stop(): VideoPlayer;
  /** The position in seconds, or seeks when given one. */
  currentTime(): number;
  currentTime(seconds: number): VideoPlayer;
  /** Length in seconds; NaN until known. */
  duration(): number;
  /** Volume 0–1, or sets it. */
  volume(): number;
  volume(level: number): VideoPlayer;
  mute(): VideoPlayer;
  unmute(): VideoPlayer;
  isMuted(): boolean;
  /** Plays sources one after another. */
  playlist(sources: readonly (string | VideoSourceConfig)[], options?: PlaylistOptions): VideoPlayer;
  /** Plays the server's list of public videos tagged `tag`. */
  playlistByTag(tag: string, options?: PlaylistOptions): Promise<VideoPlayer>;
  playNext(): VideoPlayer;
  playPrevious(): VideoPlayer;
  /** Changes options (Cloudinary's names). */
  update(options: VideoPlayerConfig): VideoPlayer;
  /** Listens to a Cloudinary event name (`play`, `percentsplayed`, `seek`…). */
  on(name: string, handler: PlayerEventHandler): VideoPlayer;
  /** Listens once. */
  one(name: string, handler: PlayerEventHandler): VideoPlayer;
  /** Stops listening: one handler, every handler of a name, or everything. */
  off(name?: string, handler?: PlayerEventHandler): VideoPlayer;
  /** The `<kumo-video-player>` element. */
  el(): HTMLElement;
  /** Removes the player from the page. */
  dispose(): void;
}

/** The target's `<kumo-video-player>` (made, and put in place of a `<video>`, when needed). */
export interface PlacedPlayer {
  readonly element: HTMLElement;
  /** Attributes of the `<video>` it replaced, `src` taken from a `<source>` child if needed. */
  readonly tagAttributes?: Readonly<Record<string, string>>;
}

export function placePlayer(target: string | Element): PlacedPlayer {
  const found =
    typeof target === 'string'
      ? (document.getElementById(target.replace(/^#/, '')) ?? document.querySelector(target))
      : target;
  if (found?.localName === 'kumo-video-player') return { element: found as HTMLElement };
  const element = document.createElement('kumo-video-player');
  if (found instanceof HTMLVideoElement) {
    const tagAttributes: Record<string, string> = {};
    for (const attribute of found.attributes) tagAttributes[attribute.name] = attribute.value;
    tagAttributes['src'] ||= found.querySelector('source[src]')?.getAttribute('src') ?? '';
    for (const name of ['id', 'class', 'style'])
      if (found.hasAttribute(name)) element.setAttribute(name, found.getAttribute(name)!);
    const width = found.getAttribute('width');
    if (width && !element.style.width) element.style.width = /^\d+$/.test(width) ? `${width}px` : width;
    found.replaceWith(element);
    return { element, tagAttributes };
  }
  if (found) {
    warnInDev(
      'embed-player-target',
      `videoPlayer: ${String(target)} is not a <video>; the player is put inside it.`,
    );
    found.append(element);
  } else {
    warnInDev(
      'embed-player-target',
      `videoPlayer: ${String(target)} matches no element; the player is not shown.`,
    );
  }
  return { element };
}

export class VideoPlayerProxy implements VideoPlayer {
  readonly ready: Promise<KumoVideoPlayer>;
  private player: VideoPlayer | undefined;
  private readonly created: Promise<VideoPlayer>;
  private readonly handlers = new WeakMap<PlayerEventHandler, PlayerEventHandler>();

  constructor(
    private readonly element: HTMLElement,
    create: Promise<VideoPlayer>,
  ) {
    this.created = create.then((player) => {
      this.player = player;
      return player;
    });
    this.ready = this.created.then((player) => player.ready);
    // Nothing else may await `ready`: report a failed load here.
    this.ready.catch((error: unknown) =>
      console.error('[kumo] the video player could not be loaded:', error),
    );
  }

  private later(action: (player: VideoPlayer) => unknown): this {
    if (this.player) action(this.player);
    else void this.created.then(action, () => undefined);
    return this;
  }

  source(source: string | VideoSourceConfig, options?: VideoSourceConfig): VideoPlayer {
    return this.later((player) => player.source(source, options));
  }

  async play(): Promise<void> {
    await (await this.created).play();
  }

  pause(): VideoPlayer {
    return this.later((player) => player.pause());
  }

  stop(): VideoPlayer {
    return this.later((player) => player.stop());
  }

  currentTime(): number;
  currentTime(seconds: number): VideoPlayer;
  currentTime(seconds?: number): number | VideoPlayer {
    if (seconds === undefined) return this.player?.currentTime() ?? 0;
    return this.later((player) => player.currentTime(seconds));
  }

  duration(): number {
    return this.player?.duration() ?? Number.NaN;
  }

  volume(): number;
  volume(level: number): VideoPlayer;
  volume(level?: number): number | VideoPlayer {
    if (level === undefined) return this.player?.volume() ?? 1;
    return this.later((player) => player.volume(level));
  }

  mute(): VideoPlayer {
    return this.later((player) => player.mute());
  }

  unmute(): VideoPlayer {
    return this.later((player) => player.unmute());
  }

  isMuted(): boolean {
    return this.player?.isMuted() ?? false;
  }

  playlist(sources: readonly (string | VideoSourceConfig)[], options?: PlaylistOptions): VideoPlayer {
    return this.later((player) => player.playlist(sources, options));
  }

  async playlistByTag(tag: string, options?: PlaylistOptions): Promise<VideoPlayer> {
    await (await this.created).playlistByTag(tag, options);
    return this;
  }

  playNext(): VideoPlayer {
    return this.later((player) => player.playNext());
  }

  playPrevious(): VideoPlayer {
    return this.later((player) => player.playPrevious());
  }

  update(options: VideoPlayerConfig): VideoPlayer {
    return this.later((player) => player.update(options));
  }

  on(name: string, handler: PlayerEventHandler): VideoPlayer {
    return this.later((player) => player.on(name, this.bound(handler)));
  }

  one(name: string, handler: PlayerEventHandler): VideoPlayer {
    return this.later((player) => player.one(name, this.bound(handler)));
  }

  off(name?: string, handler?: PlayerEventHandler): VideoPlayer {
    return this.later((player) => player.off(name, handler && this.bound(handler)));
  }

  el(): HTMLElement {
    return this.element;
  }

  dispose(): void {
    this.later((player) => player.dispose());
    this.element.remove();
  }

  /** Handlers see this object as `this`, and `off(name, handler)` finds the same wrapper again. */
  private bound(handler: PlayerEventHandler): PlayerEventHandler {
    let wrapper = this.handlers.get(handler);
    if (!wrapper) {
      wrapper = (event, data) => handler.call(this, event, data);
      this.handlers.set(handler, wrapper);
    }
    return wrapper;
  }
}
