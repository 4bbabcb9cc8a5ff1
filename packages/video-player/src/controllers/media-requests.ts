import { announce, type LocalizeController, warnInDev } from '@kumo/ui';
import type { PlayerStrings } from '../locales/strings.js';
import type { MediaRequest } from '../player-state/media-request.js';
import { type MediaState, qualityLabel } from '../player-state/media-state.js';
import { clampTime, formatMediaTime } from '../player-state/time-format.js';

/** What carrying out a request needs from the player. */
export interface RequestContext {
  readonly host: HTMLElement;
  readonly video: HTMLVideoElement;
  /** The state when the request arrives. */
  state: MediaState;
  readonly localize: LocalizeController<PlayerStrings>;
  setMediaState(patch: Partial<MediaState>): void;
  setQuality(level: number | 'auto'): void;
  play(): void;
  pause(): void;
  retry(): void;
  next(): void;
  previous(): void;
  cancelAdvance(): void;
  /** The caption track `c` turns back on: the last one shown (-1: the first). */
  lastTrack: number;
}

/**
 * Carries out a control's or a shortcut's request on the media element; with `spoken`, the result
 * is announced to screen-reader users ("Muted", "Jumped to 1:05").
 */
export function performRequest(context: RequestContext, request: MediaRequest, spoken: boolean): void {
  const { video, state, localize } = context;
  const { duration, currentTime, activeTextTrack, textTracks } = state;
  let message: string | undefined;
  switch (request.type) {
    case 'play':
      context.play();
      message = localize.term('playing');
      break;
    case 'pause':
      context.pause();
      message = localize.term('paused');
      break;
    case 'toggle-play':
      performRequest(context, { type: video.paused || video.ended ? 'play' : 'pause' }, spoken);
      return;
    case 'seek':
    case 'seek-by':
    case 'seek-fraction': {
      if (request.type === 'seek-fraction' && !Number.isFinite(duration)) return;
      const target =
        request.type === 'seek'
          ? request.time
          : request.type === 'seek-by'
            ? currentTime + request.delta
            : request.fraction * duration;
      video.currentTime = clampTime(target, duration);
      message = localize.term('seekedTo', formatMediaTime(video.currentTime, { reference: duration }));
      break;
    }
    case 'volume':
    case 'volume-by': {
      const level = request.type === 'volume' ? request.volume : video.volume + request.delta;
      video.volume = Math.min(1, Math.max(0, Math.round(level * 100) / 100));
      if (request.type === 'volume-by') video.muted = false;
      message = localize.term('volumeLevel', localize.percent(video.volume));
      break;
    }
    case 'mute':
    case 'toggle-mute':
      video.muted = request.type === 'mute' ? request.muted : !video.muted;
      message = localize.term(video.muted ? 'muted' : 'unmuted');
      break;
    case 'rate':
      video.playbackRate = request.rate;
      message = localize.term('speedLevel', `${localize.number(request.rate)}×`);
      break;
    case 'quality': {
      context.setQuality(request.level);
      context.setMediaState({ currentQuality: request.level });
      const level = state.qualityLevels.find((entry) => entry.index === request.level);
      message = localize.term('qualityLevel', level ? qualityLabel(level) : localize.term('auto'));
      break;
    }
    case 'text-track':
    case 'toggle-captions': {
      const { lastTrack } = context;
      const fallback = lastTrack >= 0 && lastTrack < textTracks.length ? lastTrack : 0;
      const wanted =
        request.type === 'text-track'
          ? request.index
          : activeTextTrack >= 0 || !textTracks.length
            ? -1
            : fallback;
      const index = wanted < textTracks.length ? wanted : -1;
      if (activeTextTrack >= 0) context.lastTrack = activeTextTrack;
      context.setMediaState({ activeTextTrack: index });
      const track = textTracks[index];
      message = track ? localize.term('captionsOn', track.label) : localize.term('captionsTurnedOff');
      break;
    }
    case 'caption-size':
      context.setMediaState({ captionSize: request.size });
      break;
    case 'fullscreen':
    case 'toggle-fullscreen': {
      const on = request.type === 'fullscreen' ? request.on : document.fullscreenElement !== context.host;
      const change = on ? context.host.requestFullscreen?.() : document.exitFullscreen?.();
      void Promise.resolve(change).catch((error: unknown) => warnInDev('fullscreen-refused', String(error)));
      break;
    }
    case 'pip': {
      const change = request.on ? video.requestPictureInPicture?.() : document.exitPictureInPicture?.();
      void Promise.resolve(change).catch((error: unknown) => warnInDev('pip-refused', String(error)));
      break;
    }
    case 'retry':
      context.retry();
      break;
    case 'next':
      context.next();
      break;
    case 'previous':
      context.previous();
      break;
    case 'cancel-advance':
      context.cancelAdvance();
      break;
  }
  if (spoken && message) announce(message);
}
