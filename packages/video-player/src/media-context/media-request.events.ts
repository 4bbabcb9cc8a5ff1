import { KumoEvent } from '@kumo/ui';
import type { MediaRequest } from '../player-state/media-request.js';
import type { CaptionSize } from '../player-state/media-state.js';

/**
 * The base of the request events controls send up to the player. The player listens for each
 * name and reads `request`; pages may listen too (the player acts on them regardless).
 */
export class KumoMediaRequestEvent<Detail> extends KumoEvent<Detail> {
  /** The request as the player handles it: the name's middle part as `type`, plus the detail. */
  get request(): MediaRequest {
    return {
      type: this.type.slice('kumo-media-'.length, -'-request'.length),
      ...this.detail,
    } as MediaRequest;
  }
}

type Empty = Record<string, never>;

const play = 'kumo-media-play-request';
const pause = 'kumo-media-pause-request';
const seek = 'kumo-media-seek-request';
const volume = 'kumo-media-volume-request';
const mute = 'kumo-media-mute-request';
const rate = 'kumo-media-rate-request';
const quality = 'kumo-media-quality-request';
const textTrack = 'kumo-media-text-track-request';
const captionSize = 'kumo-media-caption-size-request';
const fullscreen = 'kumo-media-fullscreen-request';
const pip = 'kumo-media-pip-request';
const retry = 'kumo-media-retry-request';
const next = 'kumo-media-next-request';
const previous = 'kumo-media-previous-request';
const cancelAdvance = 'kumo-media-cancel-advance-request';

/** Asks to start playback. */
export class KumoMediaPlayRequestEvent extends KumoMediaRequestEvent<Empty> {
  static readonly eventName = play;
  constructor() {
    super(play, {});
  }
}

/** Asks to pause. */
export class KumoMediaPauseRequestEvent extends KumoMediaRequestEvent<Empty> {
  static readonly eventName = pause;
  constructor() {
    super(pause, {});
  }
}

/** Asks to move to `time` seconds. */
export class KumoMediaSeekRequestEvent extends KumoMediaRequestEvent<{ readonly time: number }> {
  static readonly eventName = seek;
  constructor(time: number) {
    super(seek, { time });
  }
}

/** Asks for a volume from 0 to 1. */
export class KumoMediaVolumeRequestEvent extends KumoMediaRequestEvent<{ readonly volume: number }> {
  static readonly eventName = volume;
  constructor(level: number) {
    super(volume, { volume: level });
  }
}

/** Asks to mute (`muted: true`) or unmute. */
export class KumoMediaMuteRequestEvent extends KumoMediaRequestEvent<{ readonly muted: boolean }> {
  static readonly eventName = mute;
  constructor(muted: boolean) {
    super(mute, { muted });
  }
}

/** Asks for a playback speed. */
export class KumoMediaRateRequestEvent extends KumoMediaRequestEvent<{ readonly rate: number }> {
  static readonly eventName = rate;
  constructor(value: number) {
    super(rate, { rate: value });
  }
}

/** Asks for a quality level (an engine level index) or `auto`. */
export class KumoMediaQualityRequestEvent extends KumoMediaRequestEvent<{ readonly level: number | 'auto' }> {
  static readonly eventName = quality;
  constructor(level: number | 'auto') {
    super(quality, { level });
  }
}

/** Asks to show a caption track (an index of the state's `textTracks`), or none with -1. */
export class KumoMediaTextTrackRequestEvent extends KumoMediaRequestEvent<{ readonly index: number }> {
  static readonly eventName = textTrack;
  constructor(index: number) {
    super(textTrack, { index });
  }
}

/** Asks for a caption text size. */
export class KumoMediaCaptionSizeRequestEvent extends KumoMediaRequestEvent<{ readonly size: CaptionSize }> {
  static readonly eventName = captionSize;
  constructor(size: CaptionSize) {
    super(captionSize, { size });
  }
}

/** Asks to enter (`on: true`) or leave full screen. */
export class KumoMediaFullscreenRequestEvent extends KumoMediaRequestEvent<{ readonly on: boolean }> {
  static readonly eventName = fullscreen;
  constructor(on: boolean) {
    super(fullscreen, { on });
  }
}

/** Asks to enter (`on: true`) or leave picture-in-picture. */
export class KumoMediaPipRequestEvent extends KumoMediaRequestEvent<{ readonly on: boolean }> {
  static readonly eventName = pip;
  constructor(on: boolean) {
    super(pip, { on });
  }
}

/** Asks to load the current source again after an error. */
export class KumoMediaRetryRequestEvent extends KumoMediaRequestEvent<Empty> {
  static readonly eventName = retry;
  constructor() {
    super(retry, {});
  }
}

/** Asks for the next playlist item. */
export class KumoMediaNextRequestEvent extends KumoMediaRequestEvent<Empty> {
  static readonly eventName = next;
  constructor() {
    super(next, {});
  }
}

/** Asks for the previous playlist item. */
export class KumoMediaPreviousRequestEvent extends KumoMediaRequestEvent<Empty> {
  static readonly eventName = previous;
  constructor() {
    super(previous, {});
  }
}

/** Asks to dismiss the up-next card and not advance by itself. */
export class KumoMediaCancelAdvanceRequestEvent extends KumoMediaRequestEvent<Empty> {
  static readonly eventName = cancelAdvance;
  constructor() {
    super(cancelAdvance, {});
  }
}

/** Every request event name, for the player to listen to. */
export const MEDIA_REQUEST_EVENTS = [
  play,
  pause,
  seek,
  volume,
  mute,
  rate,
  quality,
  textTrack,
  captionSize,
  fullscreen,
  pip,
  retry,
  next,
  previous,
  cancelAdvance,
] as const;

declare global {
  interface GlobalEventHandlersEventMap {
    [play]: KumoMediaPlayRequestEvent;
    [pause]: KumoMediaPauseRequestEvent;
    [seek]: KumoMediaSeekRequestEvent;
    [volume]: KumoMediaVolumeRequestEvent;
    [mute]: KumoMediaMuteRequestEvent;
    [rate]: KumoMediaRateRequestEvent;
    [quality]: KumoMediaQualityRequestEvent;
    [textTrack]: KumoMediaTextTrackRequestEvent;
    [captionSize]: KumoMediaCaptionSizeRequestEvent;
    [fullscreen]: KumoMediaFullscreenRequestEvent;
    [pip]: KumoMediaPipRequestEvent;
    [retry]: KumoMediaRetryRequestEvent;
    [next]: KumoMediaNextRequestEvent;
    [previous]: KumoMediaPreviousRequestEvent;
    [cancelAdvance]: KumoMediaCancelAdvanceRequestEvent;
  }
}
