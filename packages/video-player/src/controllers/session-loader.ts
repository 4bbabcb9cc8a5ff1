import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import { loadPlayerRuntime, preloadPlayback } from '../video-player/runtime-loader.js';
import type { PlayerSession, SessionHost } from './player-session.js';

/** Options whose change loads the source again. */
const SOURCE_OPTIONS = [
  'apiBase',
  'cloudName',
  'publicId',
  'src',
  'sourceTypes',
  'transformation',
  'poster',
  'posterOptions',
  'textTracks',
  'chapters',
  'seekThumbnails',
  'playlist',
  'items',
];

/** What the loader reads from the player. */
export interface SessionLoaderHost extends ReactiveControllerHost {
  readonly videoElement: HTMLVideoElement | undefined;
}

/**
 * Owns the player's session: creates it on first need from the lazily loaded runtime chunk,
 * starts fetching that chunk (and hls.js) as soon as there is something to play, coalesces
 * option changes into one load, and tears the session down when the player leaves the page.
 * Only types come from the runtime here, so the element's own chunk stays free of it.
 */
export class SessionLoader implements ReactiveController {
  /** The session, once created. */
  session: PlayerSession | undefined;
  private sessionLoad: Promise<PlayerSession | undefined> | undefined;
  private reloadQueued = false;

  constructor(
    private readonly host: SessionLoaderHost,
    /** Everything the session takes from the element apart from the `<video>`. */
    private readonly wiring: Omit<SessionHost, 'video'>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.preload();
    if (this.host.videoElement) this.queueReload();
  }

  hostDisconnected(): void {
    this.session?.destroy();
    this.session = undefined;
    this.sessionLoad = undefined;
  }

  /** Acts on the element's changed options before its update: fetches a tag's playlist, reloads. */
  optionsChanged(changed: PropertyValues): void {
    const tag = this.wiring.element.playlistByTag;
    if (changed.has('playlistByTag') && tag) void this.start().then((session) => session?.fetchPlaylist(tag));
    if (SOURCE_OPTIONS.some((key) => changed.has(key))) {
      this.preload();
      this.queueReload();
    }
  }

  /**
   * Requests the runtime chunk (and hls.js for an HLS source) as soon as there is something to
   * play, so the download overlaps the first render rather than following it.
   */
  preload(): void {
    const { element, items, currentSource } = this.wiring;
    if (!element.isConnected) return;
    // Before the first update `items` is still empty: the playlist's first item is what plays.
    const source = items().length ? currentSource() : (element.playlist?.[0] ?? currentSource());
    if (source || element.playlistByTag) preloadPlayback(source, element.sourceTypes);
  }

  /** The session, created on first need from the lazily loaded runtime chunk. */
  start(): Promise<PlayerSession | undefined> {
    this.sessionLoad ??= (async () => {
      this.preload();
      const { PlayerSession } = await loadPlayerRuntime();
      const video = this.host.videoElement;
      if (!video || !this.wiring.element.isConnected) return undefined;
      this.session ??= new PlayerSession({ ...this.wiring, video });
      return this.session;
    })();
    return this.sessionLoad;
  }

  /** Coalesces several option changes into one load after the update. */
  queueReload(): void {
    if (this.reloadQueued) return;
    this.reloadQueued = true;
    void this.host.updateComplete.then(async () => {
      this.reloadQueued = false;
      if (!this.session && !this.wiring.currentSource()) return;
      const session = await this.start();
      await session?.load();
    });
  }
}
