import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnalyticsBatcher } from '../player-state/analytics-batch.js';

/** What the reporter reads from the player. */
export interface AnalyticsHost extends ReactiveControllerHost, HTMLElement {
  readonly beaconUrl: string | undefined;
  readonly currentTime: number;
  readonly currentSourceId: string;
}

/** The player events that become analytics records (name without the `kumo-` prefix). */
const REPORTED = [
  'kumo-source-change',
  'kumo-play',
  'kumo-pause',
  'kumo-seeked',
  'kumo-ended',
  'kumo-progress-quartile',
  'kumo-quality-change',
  'kumo-rebuffer-start',
  'kumo-rebuffer-end',
  'kumo-error',
] as const;

/** Sends a batch with `navigator.sendBeacon`, else `fetch` with `keepalive`. */
function sendBatch(url: string, body: string): boolean {
  // text/plain keeps the request "simple": no CORS preflight, which beacons cannot make.
  if (typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(url, body)) return true;
  try {
    void fetch(url, {
      method: 'POST',
      body,
      keepalive: true,
      headers: { 'content-type': 'text/plain;charset=UTF-8' },
    }).catch(() => {});
    return true;
  } catch {
    return false;
  }
}

/**
 * Reports the player's analytics events to `beaconUrl` in batches (see `AnalyticsBatcher`):
 * one JSON body `{ session, events: [{ type, at, position, source, data }] }` per batch, flushed
 * when full, after ten seconds, at the end of a video and when the page is hidden.
 */
export class AnalyticsReporter implements ReactiveController {
  private readonly batcher: AnalyticsBatcher;

  constructor(private readonly host: AnalyticsHost) {
    this.batcher = new AnalyticsBatcher({
      sessionId:
        typeof crypto?.randomUUID === 'function' ? crypto.randomUUID() : String(Math.random()).slice(2),
      send: (body) => {
        const url = this.host.beaconUrl;
        return url ? sendBatch(url, body) : true;
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    for (const name of REPORTED) this.host.addEventListener(name, this.handleEvent);
    addEventListener('pagehide', this.handleHide);
    document.addEventListener('visibilitychange', this.handleHide);
  }

  hostDisconnected(): void {
    for (const name of REPORTED) this.host.removeEventListener(name, this.handleEvent);
    removeEventListener('pagehide', this.handleHide);
    document.removeEventListener('visibilitychange', this.handleHide);
    this.batcher.flush('hidden');
    this.batcher.dispose();
  }

  private readonly handleEvent = (event: Event) => {
    if (!this.host.beaconUrl || event.target !== this.host) return;
    const detail = (event as Event & { detail?: Record<string, unknown> }).detail;
    this.batcher.add({
      type: event.type.replace(/^kumo-/, ''),
      at: Date.now(),
      position: this.host.currentTime,
      source: this.host.currentSourceId,
      ...(detail && Object.keys(detail).length ? { data: { ...detail } } : {}),
    });
    if (event.type === 'kumo-ended' || event.type === 'kumo-error') this.batcher.flush('manual');
  };

  private readonly handleHide = (event: Event) => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') this.batcher.flush('hidden');
  };
}
