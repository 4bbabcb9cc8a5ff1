import { newQuartileTracker, type QuartileTracker, trackQuartiles } from '../player-state/quartiles.js';
import {
  initialRebufferState,
  type RebufferInput,
  type RebufferState,
  stepRebuffer,
} from '../player-state/rebuffer.js';
import {
  KumoEndedEvent,
  KumoPauseEvent,
  KumoPlayEvent,
  KumoProgressQuartileEvent,
  KumoRebufferEndEvent,
  KumoRebufferStartEvent,
  KumoSeekedEvent,
} from '../video-player/video-player.events.js';

const WATCHED = [
  'play',
  'pause',
  'playing',
  'waiting',
  'seeking',
  'seeked',
  'timeupdate',
  'ended',
  'emptied',
] as const;

/**
 * Turns the `<video>` element's events into the player's analytics-ready events: play, pause
 * (not the one the end of a video fires), seeked with where it came from, ended, quartiles played
 * through, and rebuffer start/end with duration.
 */
export class PlaybackEvents {
  private quartiles: QuartileTracker = newQuartileTracker();
  private rebuffer: RebufferState = initialRebufferState;
  /** Position before the current seek began. */
  private lastTime = 0;
  private seekFrom: number | undefined;
  private readonly detach: () => void;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly target: EventTarget,
    private readonly onRebuffer: (rebuffering: boolean) => void,
  ) {
    const listener = (event: Event) => this.handle(event.type as (typeof WATCHED)[number]);
    for (const type of WATCHED) video.addEventListener(type, listener);
    this.detach = () => {
      for (const type of WATCHED) video.removeEventListener(type, listener);
    };
  }

  /** Starts counting again for a new source. */
  reset(): void {
    this.quartiles = newQuartileTracker();
    this.rebuffer = initialRebufferState;
    this.lastTime = 0;
    this.seekFrom = undefined;
    this.onRebuffer(false);
  }

  destroy(): void {
    this.detach();
  }

  private handle(type: (typeof WATCHED)[number]): void {
    const video = this.video;
    const time = video.currentTime;
    const emit = (event: Event) => this.target.dispatchEvent(event);
    const rebuffer = stepRebuffer(this.rebuffer, type as RebufferInput, performance.now(), time);
    this.rebuffer = rebuffer.state;
    if (rebuffer.change?.type === 'start') {
      this.onRebuffer(true);
      emit(new KumoRebufferStartEvent(time));
    } else if (rebuffer.change?.type === 'end') {
      this.onRebuffer(false);
      emit(new KumoRebufferEndEvent(time, rebuffer.change.durationMs));
    }
    switch (type) {
      case 'play':
        emit(new KumoPlayEvent(time));
        break;
      case 'pause':
        // The end of a video pauses it too; that is reported as ended, not as a pause.
        if (!video.ended) emit(new KumoPauseEvent(time));
        break;
      case 'seeking':
        this.seekFrom ??= this.lastTime;
        this.quartiles = trackQuartiles(this.quartiles, {
          time,
          duration: video.duration,
          seeking: true,
        }).tracker;
        break;
      case 'seeked':
        emit(new KumoSeekedEvent(this.seekFrom ?? this.lastTime, time));
        this.seekFrom = undefined;
        this.lastTime = time;
        break;
      case 'timeupdate':
      case 'ended': {
        const ended = type === 'ended';
        if (video.seeking && !ended) break;
        const result = trackQuartiles(this.quartiles, { time, duration: video.duration, ended });
        this.quartiles = result.tracker;
        // The last position seen while playing: where a seek starts from (by 'seeking', the
        // element already reports the target).
        this.lastTime = time;
        for (const quartile of result.crossed) emit(new KumoProgressQuartileEvent(quartile));
        if (ended) emit(new KumoEndedEvent(time));
        break;
      }
      case 'emptied':
        this.reset();
        break;
      default:
        break;
    }
  }
}
