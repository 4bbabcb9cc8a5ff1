import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MediaState } from '../player-state/media-state.js';
import type { AutoplayMode, FloatingPosition } from '../video-player/video-player.types.js';

/** What the controller reads from and does to the player. */
export interface VisibilityHost extends ReactiveControllerHost, HTMLElement {
  readonly autoplayMode: AutoplayMode;
  readonly floatingWhenNotVisible: FloatingPosition;
  readonly videoElement: HTMLVideoElement | undefined;
  readonly mediaState: MediaState;
  muted: boolean;
  play(): Promise<void>;
}

/**
 * Acts on how much of the player is on screen (an `IntersectionObserver` at 0 and 50 %):
 * `autoplayMode="on-scroll"` plays (muted) when half of it is in view and pauses what it started
 * when it leaves; `floatingWhenNotVisible` floats a mini-player while it plays out of view.
 */
export class VisibilityController implements ReactiveController {
  /** Whether the mini-player is floating. */
  floating = false;
  private observer: IntersectionObserver | undefined;
  private autoPlayed = false;
  private dismissed = false;

  constructor(
    private readonly host: VisibilityHost,
    private readonly onFloatingChange: (floating: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) this.update(entry.isIntersecting ? entry.intersectionRatio : 0);
      },
      { threshold: [0, 0.5] },
    );
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  /** Closes the mini-player until the player comes back into view. */
  closeFloating(): void {
    this.dismissed = true;
    this.setFloating(false);
  }

  private update(ratio: number): void {
    const { host } = this;
    const video = host.videoElement;
    if (!video) return;
    if (host.autoplayMode === 'on-scroll') {
      if (ratio >= 0.5 && video.paused && !video.ended && (this.autoPlayed || !host.mediaState.started)) {
        // Started by scrolling, so it may also be paused by scrolling away (and resumed).
        this.autoPlayed = true;
        host.muted = true;
        video.muted = true;
        host.play().catch(() => {});
      } else if (ratio < 0.5 && !video.paused && this.autoPlayed) video.pause();
    }
    if (ratio > 0) this.dismissed = false;
    this.setFloating(
      host.floatingWhenNotVisible !== 'none' && ratio === 0 && !video.paused && !this.dismissed,
    );
  }

  private setFloating(floating: boolean): void {
    if (floating === this.floating) return;
    this.floating = floating;
    this.onFloatingChange(floating);
  }
}
