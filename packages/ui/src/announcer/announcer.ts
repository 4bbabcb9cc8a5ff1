/**
 * Screen-reader announcements through two shared live regions, one polite and one assertive.
 * Messages are coalesced: a burst keeps only its last message, and a region speaks at most once
 * per interval, so progress reported ten times a second is read out every couple of seconds
 * rather than queued up. While a modal dialog is open the rest of the page is inert, live regions
 * included, so an open dialog lends its own container (`pushAnnouncerContainer`).
 */

import { VISUALLY_HIDDEN } from '../theme/visually-hidden.js';

/** How urgently a message is read: `polite` waits for a pause, `assertive` interrupts. */
export type Politeness = 'polite' | 'assertive';

/** Wait before speaking, to let a burst settle (ms), and shortest gap between messages (ms). */
const TIMING: Readonly<Record<Politeness, { readonly settle: number; readonly interval: number }>> = {
  polite: { settle: 150, interval: 2000 },
  assertive: { settle: 50, interval: 0 },
};

type Container = Element | ShadowRoot;

interface Queue {
  message: string | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  lastSpokenAt: number;
}

const queues: Record<Politeness, Queue> = {
  polite: { message: undefined, timer: undefined, lastSpokenAt: Number.NEGATIVE_INFINITY },
  assertive: { message: undefined, timer: undefined, lastSpokenAt: Number.NEGATIVE_INFINITY },
};
const containers: Container[] = [];
const regions = new WeakMap<Container, Record<Politeness, HTMLElement>>();

function regionsIn(container: Container): Record<Politeness, HTMLElement> {
  let found = regions.get(container);
  if (!(found?.polite.isConnected && found.assertive.isConnected)) {
    const make = (politeness: Politeness) => {
      const region = document.createElement('div');
      region.setAttribute('aria-live', politeness);
      region.setAttribute('aria-atomic', 'true');
      region.dataset.kumoAnnouncer = politeness;
      region.style.cssText = VISUALLY_HIDDEN;
      container.append(region);
      return region;
    };
    found = { polite: make('polite'), assertive: make('assertive') };
    regions.set(container, found);
  }
  return found;
}

function currentContainer(): Container {
  for (let index = containers.length - 1; index >= 0; index -= 1) {
    const container = containers[index]!;
    if (container.isConnected) return container;
  }
  return document.body;
}

function speak(politeness: Politeness): void {
  const queue = queues[politeness];
  clearTimeout(queue.timer);
  queue.timer = undefined;
  const message = queue.message;
  queue.message = undefined;
  if (message === undefined) return;
  const region = regionsIn(currentContainer())[politeness];
  // Identical text is not re-read by some screen readers; a trailing no-break space makes it new.
  region.textContent = region.textContent === message ? `${message}\u00a0` : message;
  queue.lastSpokenAt = performance.now();
}

/**
 * Reads `message` to screen-reader users. Repeated calls within a burst keep only the last
 * message; polite messages are spoken at most every two seconds.
 */
export function announce(message: string, politeness: Politeness = 'polite'): void {
  if (typeof document === 'undefined' || !message) return;
  const queue = queues[politeness];
  queue.message = message;
  if (queue.timer !== undefined) return;
  const { settle, interval } = TIMING[politeness];
  // Creating the regions now, ahead of the text, gives screen readers time to register them.
  regionsIn(currentContainer());
  const wait = Math.max(settle, queue.lastSpokenAt + interval - performance.now());
  queue.timer = setTimeout(() => speak(politeness), wait);
}

/** Speaks any pending messages now (before tearing a view down, and in tests). */
export function flushAnnouncements(): void {
  speak('polite');
  speak('assertive');
}

/**
 * Makes `container` (an open modal dialog, say) hold the live regions until the returned
 * function is called; the most recently pushed connected container wins.
 */
export function pushAnnouncerContainer(container: Container): () => void {
  containers.push(container);
  regionsIn(container);
  return () => {
    const index = containers.lastIndexOf(container);
    if (index >= 0) containers.splice(index, 1);
  };
}

/** The live region currently used for `politeness` (for tests and debugging). */
export function announcerRegion(politeness: Politeness): HTMLElement {
  return regionsIn(currentContainer())[politeness];
}
