import type Hls from 'hls.js';
import type { ErrorData, Level, LevelSwitchedData, ManifestParsedData } from 'hls.js';
import {
  chooseHlsEngine,
  failureFromHls,
  failureFromMediaError,
  type HlsEngine,
  worstFailure,
} from '../player-state/engine-choice.js';
import { type MediaFailure, type QualityLevel, qualityLevels } from '../player-state/media-state.js';
import type { MediaCandidate } from '../player-state/sources.js';

/** What the engine tells the player. */
export interface MediaEngineCallbacks {
  /** The adaptive stream's renditions (empty for progressive files). */
  onLevels(levels: QualityLevel[]): void;
  /** hls.js switched to a rendition (an index into the engine's levels). */
  onLevelSwitched(level: number): void;
  /** Every candidate failed, or playback failed for good after starting. */
  onFailure(failure: MediaFailure): void;
}

/** Which engine plays the current source. */
export type StreamingEngine = 'hls.js' | 'native' | 'none';

// Servers may transcode on the first manifest request, which takes seconds; give it time.
const MANIFEST_POLICY = {
  default: {
    maxTimeToFirstByteMs: Number.POSITIVE_INFINITY,
    maxLoadTimeMs: 90_000,
    timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
    errorRetry: { maxNumRetry: 1, retryDelayMs: 1000, maxRetryDelayMs: 4000 },
  },
};

/** Loads hls.js on first use, as its own chunk; later calls share the import. */
let hlsModule: Promise<typeof Hls> | undefined;
const loadHls = () => {
  hlsModule ??= import('hls.js').then((module) => module.default);
  return hlsModule;
};

/** HTTP status of `url`, 0 when it cannot be reached, undefined when not worth asking. */
async function probeStatus(url: string): Promise<number | undefined> {
  if (!/^(https?:|\/|\.)/.test(url)) return undefined;
  try {
    const response = await fetch(url, { method: 'HEAD', cache: 'no-store' });
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * Puts a source into the `<video>`: tries each candidate in order (HLS through a lazily imported
 * hls.js, or natively where Media Source Extensions are missing; progressive files directly) and
 * reports the renditions, rendition switches and the failure to show when nothing plays.
 */
export class MediaEngine {
  /** The hls.js instance while one plays the source. */
  hls: Hls | undefined;
  /** Which engine plays the current source. */
  engine: StreamingEngine = 'none';

  private loadToken = 0;
  private started = false;
  private mediaRecoveries = 0;
  private readonly detachVideo: () => void;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly callbacks: MediaEngineCallbacks,
  ) {
    const onError = () => this.handleVideoError();
    const onStarted = () => {
      this.started = true;
    };
    video.addEventListener('error', onError);
    video.addEventListener('loadeddata', onStarted);
    this.detachVideo = () => {
      video.removeEventListener('error', onError);
      video.removeEventListener('loadeddata', onStarted);
    };
  }

  /** Which HLS engine this browser gets. */
  static hlsEngine(video: HTMLVideoElement): HlsEngine {
    const global = globalThis as { MediaSource?: unknown; ManagedMediaSource?: unknown };
    return chooseHlsEngine({
      mediaSource:
        typeof global.MediaSource === 'function' || typeof global.ManagedMediaSource === 'function',
      nativeHls: video.canPlayType('application/vnd.apple.mpegurl') !== '',
    });
  }

  /**
   * Loads the first candidate that works, starting at `startTime`. Resolves once one is accepted
   * (or all failed and `onFailure` was called); a newer `load()` or `unload()` cancels it.
   */
  async load(candidates: readonly MediaCandidate[], startTime = 0): Promise<void> {
    const token = ++this.loadToken;
    const failures: MediaFailure[] = [];
    for (const candidate of candidates) {
      this.reset();
      const failure = await this.tryCandidate(candidate, startTime, token);
      if (token !== this.loadToken) return;
      if (!failure) return;
      failures.push(failure);
    }
    this.reset();
    this.engine = 'none';
    this.callbacks.onFailure(
      worstFailure(failures) ?? { kind: 'unsupported', detail: 'No source type this browser can play' },
    );
  }

  /** Stops and forgets the current source. */
  unload(): void {
    this.loadToken += 1;
    this.reset();
    this.engine = 'none';
  }

  /** Chooses a rendition (an engine level index) or adaptive switching with `auto`. */
  setQuality(level: number | 'auto'): void {
    if (!this.hls) return;
    // `currentLevel` switches at once (flushing the buffer); -1 hands the choice back to ABR.
    this.hls.currentLevel = level === 'auto' ? -1 : level;
  }

  destroy(): void {
    this.unload();
    this.detachVideo();
  }

  private reset(): void {
    this.hls?.destroy();
    this.hls = undefined;
    this.started = false;
    this.mediaRecoveries = 0;
    this.callbacks.onLevels([]);
    if (this.video.getAttribute('src')) {
      this.video.removeAttribute('src');
      this.video.load();
    }
  }

  private tryCandidate(
    candidate: MediaCandidate,
    startTime: number,
    token: number,
  ): Promise<MediaFailure | undefined> {
    if (candidate.type === 'hls') {
      const engine = MediaEngine.hlsEngine(this.video);
      if (engine === 'hls.js') return this.tryHlsJs(candidate.url, startTime, token);
      if (engine === 'none') {
        return Promise.resolve({
          kind: 'unsupported',
          detail: 'This browser plays HLS neither natively nor through MSE',
        });
      }
    } else if (this.video.canPlayType(candidate.type === 'webm' ? 'video/webm' : 'video/mp4') === '') {
      return Promise.resolve({ kind: 'unsupported', detail: `This browser cannot play ${candidate.type}` });
    }
    return this.tryNative(candidate.url, startTime, token);
  }

  private tryNative(url: string, startTime: number, token: number): Promise<MediaFailure | undefined> {
    this.engine = 'native';
    return new Promise((resolve) => {
      const video = this.video;
      const done = (failure: MediaFailure | undefined) => {
        video.removeEventListener('loadedmetadata', onLoaded);
        video.removeEventListener('error', onError);
        resolve(failure);
      };
      const onLoaded = () => {
        if (startTime > 0) video.currentTime = startTime;
        done(undefined);
      };
      const onError = () => {
        const error = video.error;
        void probeStatus(url).then((status) =>
          done(failureFromMediaError(error?.code, error?.message ?? '', status)),
        );
      };
      video.addEventListener('loadedmetadata', onLoaded);
      video.addEventListener('error', onError);
      if (token !== this.loadToken) return done(undefined);
      video.src = url;
    });
  }

  private async tryHlsJs(url: string, startTime: number, token: number): Promise<MediaFailure | undefined> {
    let HlsClass: typeof Hls;
    try {
      HlsClass = await loadHls();
    } catch (error) {
      return { kind: 'network', detail: `hls.js could not be loaded: ${String(error)}` };
    }
    if (token !== this.loadToken) return undefined;
    if (!HlsClass.isSupported()) return { kind: 'unsupported', detail: 'hls.js is not supported here' };
    this.engine = 'hls.js';
    const hls = new HlsClass({
      startPosition: startTime > 0 ? startTime : -1,
      manifestLoadPolicy: MANIFEST_POLICY,
    });
    this.hls = hls;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (failure: MediaFailure | undefined) => {
        if (settled) return;
        settled = true;
        resolve(failure);
      };
      hls.on(HlsClass.Events.MANIFEST_PARSED, (_event: string, data: ManifestParsedData) => {
        this.callbacks.onLevels(qualityLevels(data.levels as Level[]));
        settle(undefined);
      });
      hls.on(HlsClass.Events.LEVEL_SWITCHED, (_event: string, data: LevelSwitchedData) => {
        this.callbacks.onLevelSwitched(data.level);
      });
      hls.on(HlsClass.Events.ERROR, (_event: string, data: ErrorData) => {
        if (!data.fatal || this.hls !== hls) return;
        // A decode hiccup is often recoverable once or twice; anything else ends this source.
        if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && this.mediaRecoveries < 2) {
          this.mediaRecoveries += 1;
          hls.recoverMediaError();
          return;
        }
        const failure = failureFromHls(data);
        if (!settled) settle(failure);
        else {
          hls.destroy();
          this.hls = undefined;
          this.callbacks.onFailure(failure);
        }
      });
      hls.attachMedia(this.video);
      hls.loadSource(url);
    });
  }

  private handleVideoError(): void {
    // Native playback failing after it had started (progressive files): nothing to fall back to.
    if (!this.started || this.engine !== 'native') return;
    const error = this.video.error;
    this.callbacks.onFailure(failureFromMediaError(error?.code, error?.message ?? ''));
  }
}
