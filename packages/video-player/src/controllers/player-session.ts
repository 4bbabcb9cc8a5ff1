import { announce, type LocalizeController, warnInDev } from '@kumo/ui';
import type Hls from 'hls.js';
import type { PlayerStrings } from '../locales/strings.js';
import type { MediaRequest } from '../player-state/media-request.js';
import {
  type MediaFailure,
  type MediaState,
  readMediaElement,
  resetForSource,
} from '../player-state/media-state.js';
import { nextIndex, previousIndex } from '../player-state/playlist.js';
import { type ResolvedMedia, resolveMedia } from '../player-state/sources.js';
import {
  KumoErrorEvent,
  KumoPlaylistItemEvent,
  KumoQualityChangeEvent,
  KumoSourceChangeEvent,
} from '../video-player/video-player.events.js';
import type { VideoPlayerOptions, VideoSource } from '../video-player/video-player.types.js';
import { MediaEngine, type StreamingEngine } from './media-engine.js';
import { performRequest, type RequestContext } from './media-requests.js';
import { PlaybackEvents } from './playback-events.js';
import { fetchTagPlaylist, TagListError } from './tag-playlist.js';
import { type LoadedTextTrack, loadChapters, loadStoryboard, loadTextTracks } from './track-files.js';

/** What the session needs from the element: its options, state and a few of its internals. */
export interface SessionHost {
  /** The element: options are read from it, events are dispatched on it. */
  readonly element: HTMLElement & Readonly<VideoPlayerOptions> & { muted: boolean };
  readonly video: HTMLVideoElement;
  readonly localize: LocalizeController<PlayerStrings>;
  state(): MediaState;
  setMediaState(patch: Partial<MediaState>, base?: MediaState): void;
  /** The playlist in effect. */
  items(): readonly VideoSource[];
  setItems(items: readonly VideoSource[]): void;
  /** The source in effect: the playlist item, or the element's own options. */
  currentSource(): VideoSource | undefined;
  /** The `<track>` elements rendered for `tracks`. */
  trackElements(): ArrayLike<HTMLTrackElement>;
  requestUpdate(): void;
}

/** Media element events that refresh the state. */
const MEDIA_EVENTS = [
  'play',
  'pause',
  'playing',
  'waiting',
  'seeking',
  'seeked',
  'timeupdate',
  'durationchange',
  'loadedmetadata',
  'progress',
  'volumechange',
  'ratechange',
  'ended',
  'emptied',
  'canplay',
] as const;

/**
 * Everything that happens once the player has something to play, apart from rendering: loading
 * sources (engine, text tracks, chapters, storyboard), playlists and their automatic advance,
 * the media element's events as state, requests from controls, failures. Part of the lazily
 * loaded runtime; the element creates one when it first needs it.
 */
export class PlayerSession {
  /** Caption files loaded for the current source, rendered as `<track>` elements by the element. */
  tracks: readonly LoadedTextTrack[] = [];
  /** URLs of the current source. */
  media: ResolvedMedia | undefined;

  private readonly engine: MediaEngine;
  private readonly playback: PlaybackEvents;
  private readonly requests: RequestContext;
  private loading: AbortController | undefined;
  private loaded: Promise<void> = Promise.resolve();
  private playWhenReady = false;
  private advanceTimer: ReturnType<typeof setInterval> | undefined;
  private advanceCancelled = false;
  /** A failure to show once the (empty) playlist it concerns has been applied. */
  private pendingFailure: MediaFailure | undefined;

  constructor(private readonly host: SessionHost) {
    const { video, element } = host;
    this.engine = new MediaEngine(video, {
      onLevels: (levels) => host.setMediaState({ qualityLevels: levels }),
      onLevelSwitched: (level) => {
        host.setMediaState({ playingLevel: level });
        const height = this.engine.hls?.levels[level]?.height ?? 0;
        element.dispatchEvent(
          new KumoQualityChangeEvent(level, height, host.state().currentQuality === 'auto'),
        );
      },
      onFailure: (failure) => this.fail(failure),
    });
    this.playback = new PlaybackEvents(video, element, (rebuffering) => host.setMediaState({ rebuffering }));
    for (const type of MEDIA_EVENTS) video.addEventListener(type, this.handleMediaEvent);
    this.requests = {
      host: element,
      video,
      state: host.state(),
      localize: host.localize,
      lastTrack: -1,
      setMediaState: (patch) => host.setMediaState(patch),
      setQuality: (level) => this.engine.setQuality(level),
      play: () => void this.play().catch(() => {}),
      pause: () => this.pause(),
      retry: () => this.retry(),
      next: () => this.next(),
      previous: () => this.previous(),
      cancelAdvance: () => this.cancelAdvance(),
    };
  }

  /** Which engine plays the source. */
  get streamingEngine(): StreamingEngine {
    return this.engine.engine;
  }

  /** The hls.js instance while one plays the source. */
  get hls(): Hls | undefined {
    return this.engine.hls;
  }

  /** Stops everything and lets go of the media element. */
  destroy(): void {
    this.loading?.abort();
    this.stopAdvance();
    this.engine.destroy();
    this.playback.destroy();
    for (const type of MEDIA_EVENTS) this.host.video.removeEventListener(type, this.handleMediaEvent);
    this.releaseTracks();
  }

  /** Starts playback once the source is ready; rejects when the browser refuses to play. */
  async play(): Promise<void> {
    this.playWhenReady = true;
    await this.loaded;
    if (!this.media || this.host.state().error) return;
    this.playWhenReady = false;
    await this.host.video.play();
  }

  /** Pauses playback (and forgets a pending play). */
  pause(): void {
    this.playWhenReady = false;
    this.host.video.pause();
  }

  /** Acts on a request from a control or a shortcut; `spoken` announces the result. */
  request(request: MediaRequest, spoken: boolean): void {
    this.requests.state = this.host.state();
    performRequest(this.requests, request, spoken);
  }

  /** Plays the next playlist item; false when there is none. */
  next(): boolean {
    const { playlistIndex } = this.host.state();
    return this.selectItem(nextIndex(playlistIndex, this.host.items().length, this.host.element.repeat));
  }

  /** Plays the previous playlist item; false when there is none. */
  previous(): boolean {
    const { playlistIndex } = this.host.state();
    return this.selectItem(previousIndex(playlistIndex, this.host.items().length, this.host.element.repeat));
  }

  /** Loads the current source again (after an error), from where it stopped. */
  retry(): void {
    const tag = this.host.element.playlistByTag;
    if (tag && !this.host.items().length) this.fetchPlaylist(tag);
    else void this.load(this.host.state().currentTime);
  }

  /** Loads the source in effect, starting at `startTime`. */
  async load(startTime = 0): Promise<void> {
    const { host } = this;
    const { element } = host;
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    this.stopAdvance();
    this.advanceCancelled = false;
    this.releaseTracks();
    const items = host.items();
    const source = host.currentSource();
    const index = items.length ? Math.max(0, host.state().playlistIndex) : -1;
    const next = items[nextIndex(index, items.length, element.repeat)];
    const upNext =
      index >= 0 && next ? { title: next.title, poster: next.poster ?? this.posterOf(next) } : undefined;
    host.setMediaState(
      { playlistIndex: index, playlistLength: items.length, upNext, playbackRates: element.playbackRates },
      resetForSource(host.state()),
    );
    const resolved = source && this.resolve(source);
    this.media = resolved && 'candidates' in resolved ? resolved : undefined;
    host.requestUpdate();
    if (!source || !this.media) {
      this.engine.unload();
      this.loaded = Promise.resolve();
      const failure = resolved && !('candidates' in resolved) ? resolved : this.pendingFailure;
      this.pendingFailure = undefined;
      if (failure) this.fail(failure);
      return;
    }
    const media = this.media;
    this.playback.reset();
    element.dispatchEvent(new KumoSourceChangeEvent(source, media.id));
    let settle = () => {};
    this.loaded = new Promise((resolve) => {
      settle = resolve;
    });
    void this.loadTracks(source, loading.signal);
    if (element.autoplayMode === 'always') {
      element.muted = true;
      host.video.muted = true;
      this.playWhenReady = true;
    }
    await this.engine.load(media.candidates, startTime);
    settle();
    if (loading.signal.aborted || host.state().error) return;
    if (media.storyboard) {
      loadStoryboard(media.storyboard, loading.signal).then(
        (storyboard) => host.setMediaState({ storyboard }),
        (error: unknown) => {
          if (!loading.signal.aborted)
            warnInDev('storyboard-unavailable', `No seek thumbnails: ${String(error)}`);
        },
      );
    }
    if (this.playWhenReady) this.play().catch(() => this.handleAutoplayBlocked());
  }

  /** Fetches the playlist of `tag` and hands it to the element (which then loads its first item). */
  fetchPlaylist(tag: string): void {
    this.loading?.abort();
    const loading = new AbortController();
    this.loading = loading;
    const { element } = this.host;
    fetchTagPlaylist(element.apiBase, element.cloudName, tag, loading.signal).then(
      (sources) => {
        if (loading.signal.aborted) return;
        if (!sources.length) {
          // The element reloads with the empty list, which clears the state; the failure shows then.
          this.pendingFailure = { kind: 'empty', detail: `No public videos are tagged "${tag}"` };
          if (this.host.items().length) this.host.setItems([]);
          else void this.load();
          return;
        }
        this.host.setMediaState({ playlistIndex: 0, error: undefined });
        this.host.setItems(sources);
      },
      (error: unknown) => {
        if (loading.signal.aborted) return;
        const status = error instanceof TagListError ? error.status : 0;
        this.fail({
          kind: status === 404 ? 'not-found' : 'network',
          ...(status && { status }),
          detail: String(error),
        });
      },
    );
  }

  /** Shows the chosen caption track in `hidden` mode: the player draws the cues itself. */
  syncTracks(): void {
    const elements = this.host.trackElements();
    const active = this.host.state().activeTextTrack;
    for (let index = 0; index < elements.length; index += 1) {
      const track = elements[index]!.track;
      const mode = index === active ? 'hidden' : 'disabled';
      if (track.mode !== mode) track.mode = mode;
      track.oncuechange = () => this.readCues();
    }
    // After the element's update, so the new caption text does not re-enter it.
    queueMicrotask(() => this.readCues());
  }

  private readCues(): void {
    const track = this.host.trackElements()[this.host.state().activeTextTrack]?.track;
    const cues = track?.mode === 'hidden' ? [...(track.activeCues ?? [])] : [];
    const text = cues.map((cue) => (cue as VTTCue).getCueAsHTML().textContent ?? '').join('\n');
    this.host.setMediaState({ captionText: text });
  }

  private resolve(source: VideoSource): ResolvedMedia | MediaFailure {
    const { element } = this.host;
    if (!source.src && !element.cloudName) {
      warnInDev('missing-cloud-name', '<kumo-video-player> needs cloud-name to build URLs for a public id.');
    }
    try {
      return resolveMedia(source, {
        apiBase: element.apiBase,
        cloudName: element.cloudName,
        sourceTypes: element.sourceTypes.length ? element.sourceTypes : ['hls', 'mp4'],
        transformation: element.transformation,
        seekThumbnails: element.seekThumbnails,
      });
    } catch (error) {
      return { kind: 'unknown', detail: String(error) };
    }
  }

  private posterOf(source: VideoSource): string | undefined {
    if (!source.publicId) return undefined;
    const resolved = this.resolve({ ...source, textTracks: undefined });
    return 'poster' in resolved ? resolved.poster : undefined;
  }

  private async loadTracks(source: VideoSource, signal: AbortSignal): Promise<void> {
    const names = new Intl.DisplayNames([this.host.localize.lang], { type: 'language' });
    const labelFor = (language: string) => {
      try {
        return names.of(language) ?? language;
      } catch {
        return language;
      }
    };
    const [tracks, chapters] = await Promise.all([
      loadTextTracks(source, signal, labelFor, (url, error) =>
        warnInDev('text-track-unavailable', `Could not load the text track ${url}: ${String(error)}`),
      ),
      loadChapters(source, signal, this.host.video.duration).catch((error: unknown) => {
        if (!signal.aborted) warnInDev('chapters-unavailable', `Could not load chapters: ${String(error)}`);
        return [];
      }),
    ]);
    if (signal.aborted) {
      for (const track of tracks) URL.revokeObjectURL(track.objectUrl);
      return;
    }
    this.tracks = tracks;
    const active = tracks.findIndex((track) => track.isDefault);
    this.host.setMediaState({
      textTracks: tracks.map((track) => track.info),
      activeTextTrack: active,
      chapters,
    });
  }

  private releaseTracks(): void {
    for (const track of this.tracks) URL.revokeObjectURL(track.objectUrl);
    this.tracks = [];
  }

  private fail(failure: MediaFailure): void {
    const { host } = this;
    host.setMediaState({ error: failure, waiting: false });
    this.playWhenReady = false;
    host.element.dispatchEvent(new KumoErrorEvent(failure, this.media?.id ?? ''));
    announce(host.localize.term('errorUnknown'), 'assertive');
  }

  private handleAutoplayBlocked(): void {
    // Browsers refuse unmuted autoplay but allow it muted: try once more without sound.
    const { video, element } = this.host;
    if (video.muted) return;
    element.muted = true;
    video.muted = true;
    void video.play().catch(() => {});
  }

  private selectItem(index: number): boolean {
    const source = this.host.items()[index];
    if (!source) return false;
    this.host.setMediaState({ playlistIndex: index });
    this.playWhenReady = true;
    this.host.element.dispatchEvent(new KumoPlaylistItemEvent(index, this.host.items().length, source));
    announce(this.host.localize.term('nowPlaying', source.title ?? this.host.localize.term('untitled')));
    void this.load();
    return true;
  }

  private handleEnded(): void {
    const { element } = this.host;
    const index = nextIndex(this.host.state().playlistIndex, this.host.items().length, element.repeat);
    if (index < 0 || element.autoAdvance === false || this.advanceCancelled) return;
    const wait = Math.max(0, Number(element.autoAdvance) || 0);
    if (wait === 0) {
      this.selectItem(index);
      return;
    }
    const endsAt = performance.now() + wait * 1000;
    this.host.setMediaState({ advanceIn: wait, upNextVisible: true });
    this.advanceTimer = setInterval(() => {
      const left = (endsAt - performance.now()) / 1000;
      if (left > 0) this.host.setMediaState({ advanceIn: left });
      else {
        this.stopAdvance();
        this.selectItem(index);
      }
    }, 250);
  }

  private stopAdvance(): void {
    clearInterval(this.advanceTimer);
    this.advanceTimer = undefined;
  }

  private cancelAdvance(): void {
    this.advanceCancelled = true;
    this.stopAdvance();
    this.host.setMediaState({ upNextVisible: false, advanceIn: undefined });
  }

  private readonly handleMediaEvent = (event: Event) => {
    const { host } = this;
    const { video, element } = host;
    const type = event.type;
    const state = host.state();
    const patch: { -readonly [K in keyof MediaState]?: MediaState[K] } = readMediaElement(video);
    if (type === 'waiting') patch.waiting = true;
    else if (type !== 'timeupdate' && type !== 'progress') patch.waiting = false;
    if (type === 'playing') patch.started = true;
    if (type === 'play') {
      this.stopAdvance();
      patch.upNextVisible = false;
      patch.advanceIn = undefined;
    }
    if (type === 'timeupdate' && state.upNext && state.advanceIn === undefined) {
      const left = video.duration - video.currentTime;
      const upcoming = element.presentUpcoming;
      patch.upNextVisible =
        upcoming > 0 && left <= upcoming && !this.advanceCancelled && element.autoAdvance !== false;
    }
    if (type === 'volumechange') element.muted = video.muted;
    host.setMediaState(patch);
    if (type === 'ended') this.handleEnded();
  };
}
