import { KumoElement, LocalizeController, warnInDev } from '@kumo/ui';
import type Hls from 'hls.js';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { StreamingEngine } from '../controllers/media-engine.js';
import { PlayerInputController } from '../controllers/player-input.js';
import { SessionLoader } from '../controllers/session-loader.js';
import { VisibilityController } from '../controllers/visibility-controller.js';
import { playerStrings } from '../locales/strings.js';
import { KumoMediaControl } from '../media-context/media-control.js';
import type { MediaRequest } from '../player-state/media-request.js';
import { INITIAL_MEDIA_STATE, type MediaState, patchMediaState } from '../player-state/media-state.js';
import { sourceInEffect } from '../player-state/source-in-effect.js';
import { clampTime } from '../player-state/time-format.js';
import { playerProperties, sourceOptions } from './video-player.properties.js';
import { videoPlayerStyles } from './video-player.styles.js';
import type {
  AutoAdvance,
  AutoplayMode,
  ChaptersOption,
  ControlName,
  FloatingPosition,
  PlayerColors,
  PlayerLogo,
  PosterOptions,
  Preload,
  SourceType,
  TextTracksOption,
  VideoPlayerOptions,
  VideoSource,
} from './video-player.types.js';
import { renderControls } from './video-player.view.js';

/**
 * @summary A video player for Kumo (and Cloudinary-compatible) delivery: adaptive HLS through a
 * lazily loaded hls.js with an mp4 fallback, a quality menu, captions, chapters, storyboard
 * thumbnails on the seek bar, playlists with an up-next card, keyboard shortcuts, and
 * analytics-ready events.
 * @tag kumo-video-player
 *
 * @slot controls - Extra controls at the end of the control bar; any `kumo-*` control placed here
 * receives the player's state.
 *
 * @csspart frame - The box holding the video and its overlays (the mini-player when floating).
 * @csspart video - The native `<video>`.
 * @csspart title-bar - The title, subtitle and description over the top of the video.
 * @csspart title - The title.
 * @csspart subtitle - The subtitle.
 * @csspart description - The description.
 * @csspart big-play - The large play button shown before playback starts.
 * @csspart spinner - The loading indicator.
 * @csspart captions - The caption area.
 * @csspart caption-text - The caption text box.
 * @csspart controls - The control bar.
 * @csspart logo - The logo link.
 * @csspart up-next - The up-next card element.
 * @csspart error - The error overlay element.
 * @csspart close-mini - The button closing the floating mini-player.
 *
 * @cssproperty --kumo-video-player-base - Background of the control bar and menus (`colors.base`).
 * @cssproperty --kumo-video-player-accent - Progress, focus rings, selection (`colors.accent`).
 * @cssproperty --kumo-video-player-text - Text and icons (`colors.text`).
 * @cssproperty --kumo-video-player-font - Font family (`fontFace`).
 * @cssproperty --kumo-video-player-aspect-ratio - Box shape; 16 / 9 by default.
 * @cssproperty --kumo-video-player-background - Behind the video; black by default.
 * @cssproperty --kumo-video-player-radius - Corner radius of the frame; 0 by default.
 * @cssproperty --kumo-video-player-control-size - Size of the control buttons; 2.5rem by default.
 *
 * @event kumo-play - Playback started or resumed.
 * @event kumo-pause - Playback paused.
 * @event kumo-seeked - A seek finished (`detail.from`, `detail.time`).
 * @event kumo-ended - The video played to its end.
 * @event kumo-progress-quartile - 25, 50, 75 or 100 % played through (`detail.quartile`).
 * @event kumo-quality-change - The stream switched rendition (`detail.level`, `height`, `auto`).
 * @event kumo-rebuffer-start - Playback stalled for data.
 * @event kumo-rebuffer-end - The stall ended (`detail.durationMs`).
 * @event kumo-error - The video cannot play (`detail.error`).
 * @event kumo-source-change - A new source is loading.
 * @event kumo-playlist-item - The playlist moved to another item.
 */
export class KumoVideoPlayer extends KumoElement {
  static override styles = [videoPlayerStyles];

  static override properties: PropertyDeclarations = {
    ...KumoElement.properties,
    ...playerProperties,
    state: { state: true },
    items: { state: true },
    floating: { state: true },
  };

  /** Origin of the Kumo server (`https://media.example.com`); `''` means the page's own origin. */
  declare apiBase: string;
  /** Cloud name used in delivery URLs. */
  declare cloudName: string;
  /** Public id of the video to play. */
  declare publicId: string | undefined;
  /** An explicit media URL (`.m3u8`, `.mp4`…), used instead of `publicId`. */
  declare src: string | undefined;
  /** Delivery forms to try for `publicId`, in order (attribute: a space or comma list). */
  declare sourceTypes: readonly SourceType[];
  /** Transformation applied to every rendition, the poster and the storyboard. */
  declare transformation: string | undefined;
  /** Poster URL; built from the public id when omitted. */
  declare poster: string | undefined;
  /** How the poster is built when `poster` is not given. */
  declare posterOptions: PosterOptions | undefined;
  /** Captions, subtitles and chapters files (property only). */
  declare textTracks: TextTracksOption | undefined;
  /** Chapters: a WebVTT URL, `true` (from `textTracks.chapters`) or a map of seconds to titles. */
  declare chapters: ChaptersOption | undefined;
  /** Storyboard thumbnails over the seek bar; turned off by the `no-seek-thumbnails` attribute. */
  declare seekThumbnails: boolean;
  /** Speeds offered by the rate menu (attribute: a list such as `0.5 1 1.5 2`). */
  declare playbackRates: readonly number[];
  /** Shows the 10-second back and forward buttons. */
  declare showJumpControls: boolean;
  /** Shows the chapters menu when the source has chapters. */
  declare chaptersButton: boolean;
  /** Shows the picture-in-picture button where supported. */
  declare pictureInPictureToggle: boolean;
  /** Controls to leave out, by name (attribute: a list). */
  declare hideControls: readonly ControlName[];
  /** Hides the whole control bar; keyboard shortcuts still work. */
  declare noControls: boolean;
  /** When playback starts by itself: `never`, `always` (muted) or `on-scroll` (muted, half in view). */
  declare autoplayMode: AutoplayMode;
  /** Starts again at the end. */
  declare loop: boolean;
  /** Whether the sound is off; follows the viewer's choice while playing. */
  declare muted: boolean;
  /** The native `preload` hint. */
  declare preload: Preload;
  /** Floats a mini-player in this corner while the playing player is scrolled out of view. */
  declare floatingWhenNotVisible: FloatingPosition;
  /** Title over the video (`title` stays the host's tooltip attribute). */
  declare videoTitle: string | undefined;
  /** Subtitle line under the title. */
  declare videoSubtitle: string | undefined;
  /** Description under the title. */
  declare videoDescription: string | undefined;
  /** Skin colours `{ base, accent, text }` (property only). */
  declare colors: PlayerColors | undefined;
  /** Font family of controls and overlays; the font must be available to the page. */
  declare fontFace: string | undefined;
  /** A logo `{ imageUrl, onClickUrl }` in the control bar (property only). */
  declare logo: PlayerLogo | undefined;
  /** Sources to play one after another (property only). */
  declare playlist: readonly VideoSource[] | undefined;
  /** Builds the playlist from the server's list of public videos with this tag. */
  declare playlistByTag: string | undefined;
  /** Seconds to wait after an item ends before the next, or `false` (attribute `false`) to stop. */
  declare autoAdvance: AutoAdvance;
  /** Starts the playlist again after its last item. */
  declare repeat: boolean;
  /** Seconds before the end at which the up-next card shows; 0 hides it. */
  declare presentUpcoming: number;
  /** Receives batched analytics (`sendBeacon`, else `fetch` keepalive) as JSON text. */
  declare beaconUrl: string | undefined;

  declare private state: MediaState;
  declare private items: readonly VideoSource[];
  declare private floating: boolean;

  private readonly localize = new LocalizeController(this, playerStrings);
  private video: HTMLVideoElement | undefined;
  private readonly viewport: VisibilityController;
  private readonly sessions: SessionLoader;
  private analytics = false;

  constructor() {
    super();
    this.apiBase = '';
    this.cloudName = '';
    this.publicId = undefined;
    this.src = undefined;
    this.sourceTypes = ['hls', 'mp4'];
    this.transformation = undefined;
    this.poster = undefined;
    this.posterOptions = undefined;
    this.textTracks = undefined;
    this.chapters = undefined;
    this.seekThumbnails = true;
    this.playbackRates = [];
    this.showJumpControls = false;
    this.chaptersButton = false;
    this.pictureInPictureToggle = false;
    this.hideControls = [];
    this.noControls = false;
    this.autoplayMode = 'never';
    this.loop = false;
    this.muted = false;
    this.preload = 'auto';
    this.floatingWhenNotVisible = 'none';
    this.videoTitle = undefined;
    this.videoSubtitle = undefined;
    this.videoDescription = undefined;
    this.colors = undefined;
    this.fontFace = undefined;
    this.logo = undefined;
    this.playlist = undefined;
    this.playlistByTag = undefined;
    this.autoAdvance = 0;
    this.repeat = false;
    this.presentUpcoming = 10;
    this.beaconUrl = undefined;
    this.state =
      typeof document === 'undefined'
        ? INITIAL_MEDIA_STATE
        : patchMediaState(INITIAL_MEDIA_STATE, {
            fullscreenAvailable: document.fullscreenEnabled === true,
            pipAvailable: document.pictureInPictureEnabled === true,
          });
    this.items = [];
    this.floating = false;
    this.viewport = new VisibilityController(this, (floating) => {
      this.floating = floating;
      this.setState('floating', floating);
    });
    new PlayerInputController(this, {
      request: (request, spoken) => this.request(request, spoken),
      setIdle: (idle) => this.setState('idle', idle),
      setFullscreen: (fullscreen) => this.setMediaState({ fullscreen }),
    });
    this.sessions = new SessionLoader(this, {
      element: this,
      localize: this.localize,
      state: () => this.state,
      setMediaState: (patch, base) => this.setMediaState(patch, base),
      items: () => this.items,
      setItems: (items) => {
        this.items = items;
      },
      currentSource: () => this.currentSource(),
      trackElements: () => this.renderRoot.querySelectorAll('track'),
      requestUpdate: () => this.requestUpdate(),
    });
  }

  /** All options as one object (see `VideoPlayerOptions`). */
  get options(): VideoPlayerOptions {
    const options: Record<string, unknown> = {};
    for (const key of Object.keys(playerProperties)) options[key] = this[key as keyof this];
    return options as unknown as VideoPlayerOptions;
  }

  /** Sets several options at once; unknown keys are reported in development and ignored. */
  setOptions(options: Partial<VideoPlayerOptions>): void {
    for (const [key, value] of Object.entries(options)) {
      if (key in playerProperties) (this as Record<string, unknown>)[key] = value;
      else warnInDev('unknown-option', `<kumo-video-player> has no option "${key}"; it is ignored.`);
    }
  }

  /** Starts playback once the source is ready; rejects when the browser refuses to play. */
  async play(): Promise<void> {
    const session = await this.sessions.start();
    await session?.play();
  }

  /** Pauses playback. */
  pause(): void {
    if (this.sessions.session) this.sessions.session.pause();
    else this.video?.pause();
  }

  /**
   * Plays another source: a public id, or a URL (anything with a scheme or starting with `/`),
   * with source options (title, poster, text tracks…). Leaves any playlist.
   */
  source(publicIdOrUrl: string, options: Omit<VideoSource, 'publicId' | 'src'> = {}): void {
    this.setOptions(sourceOptions(publicIdOrUrl, options));
    this.items = [];
  }

  /** Plays the next playlist item; false when there is none. */
  next(): boolean {
    return this.sessions.session?.next() ?? false;
  }

  /** Plays the previous playlist item; false when there is none. */
  previous(): boolean {
    return this.sessions.session?.previous() ?? false;
  }

  /** Loads the current source again (after an error), from where it stopped. */
  retry(): void {
    this.sessions.session?.retry();
  }

  /** Playback position in seconds; setting it seeks. */
  get currentTime(): number {
    return this.video?.currentTime ?? 0;
  }
  set currentTime(time: number) {
    if (this.video) this.video.currentTime = clampTime(time, this.video.duration);
  }

  /** Length in seconds; NaN until known. */
  get duration(): number {
    return this.video?.duration ?? Number.NaN;
  }

  /** Volume from 0 to 1. */
  get volume(): number {
    return this.video?.volume ?? 1;
  }
  set volume(level: number) {
    if (this.video) this.video.volume = Math.min(1, Math.max(0, level));
  }

  /** Whether playback is paused. */
  get paused(): boolean {
    return this.video?.paused ?? true;
  }

  /** The playlist in effect: `playlist`, or the items fetched for `playlistByTag`. */
  get playlistItems(): readonly VideoSource[] {
    return this.items;
  }

  /** Index of the playing playlist item; -1 without a playlist. */
  get playlistIndex(): number {
    return this.state.playlistIndex;
  }

  /** The public id or URL of the source playing. */
  get currentSourceId(): string {
    return this.sessions.session?.media?.id ?? '';
  }

  /** Which engine plays the source: `hls.js`, `native` or `none`. */
  get streamingEngine(): StreamingEngine {
    return this.sessions.session?.streamingEngine ?? 'none';
  }

  /** The hls.js instance while one plays the source (for advanced use). */
  get hls(): Hls | undefined {
    return this.sessions.session?.hls;
  }

  /** The native `<video>` inside the player. */
  get videoElement(): HTMLVideoElement | undefined {
    return this.video;
  }

  /** The state the controls render from. */
  get mediaState(): MediaState {
    return this.state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) this.tabIndex = 0;
    this.internals.role = 'region';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('playlist')) {
      this.items = this.playlist ?? [];
      this.setMediaState({ playlistIndex: this.items.length ? 0 : -1 });
    }
    this.sessions.optionsChanged(changed);
    if (changed.has('playbackRates')) this.setMediaState({ playbackRates: this.playbackRates });
    if (changed.has('colors') || changed.has('fontFace')) this.applySkin();
    if (changed.has('beaconUrl') && this.beaconUrl && !this.analytics) {
      // Analytics code loads only for players that report somewhere.
      this.analytics = true;
      void import('../controllers/analytics-reporter.js').then(
        ({ AnalyticsReporter }) => new AnalyticsReporter(this),
      );
    }
    const title = this.currentSource()?.title;
    this.internals.ariaLabel = title
      ? `${this.localize.term('player')}: ${title}`
      : this.localize.term('player');
  }

  protected override firstUpdated(): void {
    const video = this.renderRoot.querySelector('video')!;
    this.video = video;
    for (const type of ['enterpictureinpicture', 'leavepictureinpicture']) {
      video.addEventListener(type, () =>
        this.setMediaState({ pip: document.pictureInPictureElement === video }),
      );
    }
    this.setMediaState({
      fullscreenAvailable: document.fullscreenEnabled === true,
      pipAvailable: document.pictureInPictureEnabled === true,
    });
  }

  protected override updated(changed: PropertyValues): void {
    const video = this.video;
    if (!video) return;
    if (changed.has('muted') && video.muted !== this.muted) video.muted = this.muted;
    if (changed.has('loop')) video.loop = this.loop;
    // Controls a page slots in get the state the same way as the player's own.
    for (const element of this.querySelectorAll('*')) {
      if (element instanceof KumoMediaControl) element.media = this.state;
    }
    this.sessions.session?.syncTracks();
  }

  /** The source in effect: the playlist item, or the element's own options. */
  private currentSource(): VideoSource | undefined {
    return sourceInEffect(this.items, this.state.playlistIndex, this);
  }

  /** Applies `patch` (to `base`, e.g. a reset state); the render pushes the result to the controls. */
  private setMediaState(patch: Partial<MediaState>, base: MediaState = this.state): void {
    const next = patchMediaState(base, patch);
    if (next === this.state) return;
    const failed = next.error && !this.state.error;
    this.state = next;
    this.setState('playing', !next.paused);
    this.setState('started', next.started);
    this.setState('error', next.error !== undefined);
    if (failed) {
      void this.updateComplete.then(() => {
        // Focus would otherwise stay on a control that no longer helps; the retry button does.
        if (this.matches(':focus-within'))
          this.renderRoot.querySelector<HTMLElement>('kumo-player-error')?.focus();
      });
    }
  }

  private request(request: MediaRequest, spoken = false): void {
    this.sessions.session?.request(request, spoken);
  }

  private applySkin(): void {
    const set = (name: string, value: string | undefined) =>
      value ? this.style.setProperty(name, value) : this.style.removeProperty(name);
    set('--kumo-video-player-base', this.colors?.base);
    set('--kumo-video-player-accent', this.colors?.accent);
    set('--kumo-video-player-text', this.colors?.text);
    set('--kumo-video-player-font', this.fontFace);
  }

  protected override render() {
    const media = this.sessions.session?.media;
    const source = this.currentSource();
    return html`<div part="frame">
      <video
        part="video"
        playsinline
        preload=${this.preload}
        poster=${media?.poster ?? nothing}
        style=${media?.posterColor ? `background: ${media.posterColor}` : nothing}
        @click=${() => this.request({ type: 'toggle-play' })}
        @dblclick=${() => this.request({ type: 'toggle-fullscreen' })}
      >${(this.sessions.session?.tracks ?? []).map(
        (track) =>
          html`<track kind=${track.info.kind} label=${track.info.label} srclang=${track.info.language || nothing} src=${track.objectUrl} />`,
      )}</video>
      ${renderControls(this, {
        state: this.state,
        hidden: new Set(this.hideControls),
        title: source?.title,
        subtitle: source?.subtitle,
        description: source?.description,
        floating: this.floating,
        localize: this.localize,
        closeMini: () => {
          this.viewport.closeFloating();
          this.pause();
        },
        request: (request) => this.request(request),
      })}
    </div>`;
  }
}
