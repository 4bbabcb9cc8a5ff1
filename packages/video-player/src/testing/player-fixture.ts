/**
 * Helpers for the player's element tests (Chromium only; not part of the build): the test server's
 * address, players on the sample videos, waiting for media state, and caption files uploaded as
 * raw assets.
 */
import { waitUntil } from '@kumo/ui/testing/fixture';
import { admin, testServer } from '@kumo/ui/testing/kumo-server';
import { INITIAL_MEDIA_STATE, type MediaState, patchMediaState } from '../player-state/media-state.js';
import type { KumoVideoPlayer } from '../video-player/video-player.js';

/** Where the test Kumo server runs. */
export const server = testServer();

/** The two sample videos every test server has (4 s each). */
export const TEST_PATTERN = 'samples/videos/test-pattern';
export const COLOR_BARS = 'samples/videos/color-bars';

/** Delivery URL of a raw asset on the test server. */
export const rawUrl = (publicId: string) => `${server.apiBase}/${server.cloudName}/raw/upload/${publicId}`;

/**
 * Fails at once on a hidden page: Chromium does not load media in a background tab, so a media test
 * there would only time out. The test runner gives every test page a window of its own
 * (scripts/web-test-runner.config.mjs), so this only catches a runner set up otherwise.
 */
export function requireVisiblePage(): void {
  if (document.visibilityState !== 'visible')
    throw new Error('This test page is a background tab, where Chromium defers loading media.');
}

/** Polls `condition` every 50 ms for up to `timeout` ms (media work on a busy machine is slow). */
export const waitFor = (condition: () => boolean, message: string, timeout = 60_000) =>
  waitUntil(condition, message, timeout);

/** Resolves with the first `type` event `target` fires within `timeout` ms. */
export function nextEvent<E extends Event = Event>(
  target: EventTarget,
  type: string,
  timeout = 60_000,
): Promise<E> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      type,
      (event) => {
        clearTimeout(timer);
        resolve(event as E);
      },
      { once: true },
    );
  });
}

/** Waits until the player has loaded metadata of its source. */
export async function whenLoaded(player: KumoVideoPlayer, timeout = 60_000): Promise<void> {
  await waitFor(
    () => !!player.videoElement && player.videoElement.readyState >= 1 && Number.isFinite(player.duration),
    'metadata',
    timeout,
  );
}

/** Fetches `url` until its body satisfies `ready` (the server renders streams on first request). */
export async function warm(url: string, ready: (body: string) => boolean = () => true, timeout = 90_000) {
  const start = performance.now();
  for (;;) {
    const response = await fetch(url, { cache: 'no-store' });
    const body = await response.text();
    if (response.ok && ready(body)) return body;
    if (performance.now() - start > timeout) throw new Error(`${url} not ready: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const uploaded = new Map<string, Promise<string>>();

/**
 * Uploads `text` as a raw asset (through the Admin API command, which holds the secret) once per
 * page and returns its delivery URL; an existing asset of that public id is used as is.
 */
export function uploadRaw(publicId: string, text: string): Promise<string> {
  let pending = uploaded.get(publicId);
  if (!pending) {
    pending = (async () => {
      const existing = await fetch(rawUrl(publicId), { method: 'HEAD' });
      if (existing.ok) return rawUrl(publicId);
      const result = await admin('POST', '/raw/upload', {
        file: `data:text/vtt;base64,${btoa(unescape(encodeURIComponent(text)))}`,
        public_id: publicId,
      });
      if (result.status !== 200)
        throw new Error(`upload ${publicId}: ${result.status} ${JSON.stringify(result.body)}`);
      return rawUrl(publicId);
    })();
    uploaded.set(publicId, pending);
  }
  return pending;
}

/** The initial media state with `patch` applied, for controls used standalone. */
export const mediaState = (patch: Partial<MediaState> = {}): MediaState =>
  patchMediaState(INITIAL_MEDIA_STATE, patch);

/** Collects the `type` events reaching the document while a test runs; `stop()` detaches. */
export function recordEvents<E extends Event = Event>(...types: string[]): { events: E[]; stop(): void } {
  const events: E[] = [];
  const listener = (event: Event) => events.push(event as E);
  for (const type of types) document.addEventListener(type, listener);
  return {
    events,
    stop: () => {
      for (const type of types) document.removeEventListener(type, listener);
    },
  };
}

/** The element in `host`'s shadow root matching `selector` (throws when missing). */
export function inShadow<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}
