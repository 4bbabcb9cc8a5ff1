/**
 * Cloudinary video player event names (`player.on('percentsplayed', …)`) → the `kumo-*` DOM events
 * of `<kumo-video-player>`, with the payload moved to Cloudinary's `eventData` shape. Pure.
 */

interface EventMapping {
  /** The element's event. */
  readonly type: string;
  /** `event.eventData` as Cloudinary's extended events carry it; undefined for plain events. */
  readonly data?: (detail: Record<string, unknown>) => unknown;
}

const number = (value: unknown): number => (typeof value === 'number' ? value : 0);

/** Every Cloudinary event name Kumo's player can report. */
export const PLAYER_EVENTS: Readonly<Record<string, EventMapping>> = {
  play: { type: 'kumo-play' },
  pause: { type: 'kumo-pause' },
  // kumo-pause is never caused by a seek, which is what `pausenoseek` means.
  pausenoseek: { type: 'kumo-pause' },
  ended: { type: 'kumo-ended' },
  seek: {
    type: 'kumo-seeked',
    data: (detail) => ({ seekStart: number(detail['from']), seekEnd: number(detail['time']) }),
  },
  seeked: { type: 'kumo-seeked' },
  percentsplayed: {
    type: 'kumo-progress-quartile',
    data: (detail) => ({ percent: number(detail['quartile']) }),
  },
  qualitychanged: {
    type: 'kumo-quality-change',
    data: (detail) => ({ level: detail['level'], height: detail['height'], auto: detail['auto'] }),
  },
  waiting: { type: 'kumo-rebuffer-start' },
  error: { type: 'kumo-error', data: (detail) => ({ error: detail['error'], source: detail['source'] }) },
  cldsourcechanged: {
    type: 'kumo-source-change',
    data: (detail) => ({ source: detail['id'], sourceOptions: detail['source'] }),
  },
  sourcechanged: { type: 'kumo-source-change' },
  playlistitemchanged: {
    type: 'kumo-playlist-item',
    data: (detail) => ({ current: detail['index'], length: detail['length'], source: detail['source'] }),
  },
};

/** The object a handler receives first, shaped like the Cloudinary player's event. */
export interface PlayerEvent {
  /** Cloudinary's name the handler was registered under. */
  readonly type: string;
  /** Cloudinary's extended payload (`{ percent }`, `{ seekStart, seekEnd }`…), when the event has one. */
  readonly eventData: unknown;
  /** The `kumo-*` event's own detail. */
  readonly detail: unknown;
  /** The DOM event it came from. */
  readonly originalEvent: Event;
}

/** The element event for a Cloudinary name, or undefined when Kumo's player has none. */
export function playerEventType(name: string): string | undefined {
  return Object.hasOwn(PLAYER_EVENTS, name) ? PLAYER_EVENTS[name]!.type : undefined;
}

/** The Cloudinary-shaped event object for a DOM event delivered under `name`. */
export function toPlayerEvent(name: string, event: Event): PlayerEvent {
  const detail = (event as Event & { detail?: unknown }).detail;
  const record = typeof detail === 'object' && detail !== null ? (detail as Record<string, unknown>) : {};
  const mapping = Object.hasOwn(PLAYER_EVENTS, name) ? PLAYER_EVENTS[name] : undefined;
  return { type: name, eventData: mapping?.data?.(record), detail, originalEvent: event };
}
