import { KumoEvent } from '@kumo/ui';
import type { MediaFailure } from '../player-state/media-state.js';
import type { Quartile } from '../player-state/quartiles.js';
import type { VideoSource } from './video-player.types.js';

const play = 'kumo-play';
const pause = 'kumo-pause';
const seeked = 'kumo-seeked';
const ended = 'kumo-ended';
const quartile = 'kumo-progress-quartile';
const qualityChange = 'kumo-quality-change';
const rebufferStart = 'kumo-rebuffer-start';
const rebufferEnd = 'kumo-rebuffer-end';
const error = 'kumo-error';
const sourceChange = 'kumo-source-change';
const playlistItem = 'kumo-playlist-item';

/** Playback started or resumed (`time` is the position, seconds). */
export class KumoPlayEvent extends KumoEvent<{ readonly time: number }> {
  static readonly eventName = play;
  constructor(time: number) {
    super(play, { time });
  }
}

/** Playback paused by the viewer or a script (not by the end of the video). */
export class KumoPauseEvent extends KumoEvent<{ readonly time: number }> {
  static readonly eventName = pause;
  constructor(time: number) {
    super(pause, { time });
  }
}

/** A seek finished: `from` where playback was, `time` where it is now. */
export class KumoSeekedEvent extends KumoEvent<{ readonly from: number; readonly time: number }> {
  static readonly eventName = seeked;
  constructor(from: number, time: number) {
    super(seeked, { from, time });
  }
}

/** The video played to its end. */
export class KumoEndedEvent extends KumoEvent<{ readonly time: number }> {
  static readonly eventName = ended;
  constructor(time: number) {
    super(ended, { time });
  }
}

/** The viewer played through 25, 50, 75 or 100 % of the video (each once per source). */
export class KumoProgressQuartileEvent extends KumoEvent<{ readonly quartile: Quartile }> {
  static readonly eventName = quartile;
  constructor(value: Quartile) {
    super(quartile, { quartile: value });
  }
}

/** The stream switched rendition: `level` is the engine level index, `height` its picture height. */
export class KumoQualityChangeEvent extends KumoEvent<{
  readonly level: number;
  readonly height: number;
  readonly auto: boolean;
}> {
  static readonly eventName = qualityChange;
  constructor(level: number, height: number, auto: boolean) {
    super(qualityChange, { level, height, auto });
  }
}

/** Playback stalled for data after it had started (not because of a seek). */
export class KumoRebufferStartEvent extends KumoEvent<{ readonly time: number }> {
  static readonly eventName = rebufferStart;
  constructor(time: number) {
    super(rebufferStart, { time });
  }
}

/** A stall ended; `durationMs` is how long it lasted. */
export class KumoRebufferEndEvent extends KumoEvent<{ readonly time: number; readonly durationMs: number }> {
  static readonly eventName = rebufferEnd;
  constructor(time: number, durationMs: number) {
    super(rebufferEnd, { time, durationMs });
  }
}

/** The video cannot play; the player shows `error` with a retry button. */
export class KumoErrorEvent extends KumoEvent<{ readonly error: MediaFailure; readonly source: string }> {
  static readonly eventName = error;
  constructor(failure: MediaFailure, source: string) {
    super(error, { error: failure, source });
  }
}

/** A new source is loading (`id` is its public id or URL). */
export class KumoSourceChangeEvent extends KumoEvent<{ readonly source: VideoSource; readonly id: string }> {
  static readonly eventName = sourceChange;
  constructor(source: VideoSource, id: string) {
    super(sourceChange, { source, id });
  }
}

/** The playlist moved to item `index` of `length`. */
export class KumoPlaylistItemEvent extends KumoEvent<{
  readonly index: number;
  readonly length: number;
  readonly source: VideoSource;
}> {
  static readonly eventName = playlistItem;
  constructor(index: number, length: number, source: VideoSource) {
    super(playlistItem, { index, length, source });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [play]: KumoPlayEvent;
    [pause]: KumoPauseEvent;
    [seeked]: KumoSeekedEvent;
    [ended]: KumoEndedEvent;
    [quartile]: KumoProgressQuartileEvent;
    [qualityChange]: KumoQualityChangeEvent;
    [rebufferStart]: KumoRebufferStartEvent;
    [rebufferEnd]: KumoRebufferEndEvent;
    [error]: KumoErrorEvent;
    [sourceChange]: KumoSourceChangeEvent;
    [playlistItem]: KumoPlaylistItemEvent;
  }
}
