import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type KumoMediaRequestEvent, MEDIA_REQUEST_EVENTS } from '../media-context/media-request.events.js';
import { type ShortcutTarget, shortcutFor } from '../player-state/keyboard-shortcuts.js';
import type { MediaRequest } from '../player-state/media-request.js';
import type { MediaState } from '../player-state/media-state.js';

/** Controls hide after this long without pointer or keyboard activity while playing. */
const IDLE_MS = 3000;

/** What the controller reads from the player. */
export interface PlayerInputHost extends ReactiveControllerHost, HTMLElement {
  readonly mediaState: MediaState;
}

/** What the controller does to the player. */
export interface PlayerInputActions {
  /** Acts on a request; `spoken` announces the result. */
  request(request: MediaRequest, spoken: boolean): void;
  /** Sets the `idle` custom state that hides the controls. */
  setIdle(idle: boolean): void;
  /** Records whether the player is the document's fullscreen element. */
  setFullscreen(fullscreen: boolean): void;
}

/** What a key press landed on, so shortcuts leave a focused control's own keys alone. */
function targetKind(element: Element): ShortcutTarget {
  if (element.matches('input[type="range"]')) return 'slider';
  if (element.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]'))
    return 'text-field';
  if (element.closest('[role="menu"]')) return 'menu';
  if (element.matches('button, a[href], summary')) return 'button';
  return 'player';
}

/**
 * Turns what reaches the host into requests and state: request events from the controls,
 * keyboard shortcuts, pointer and keyboard activity (controls hide while playing untouched), and
 * the document entering or leaving fullscreen.
 */
export class PlayerInputController implements ReactiveController {
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: PlayerInputHost,
    private readonly actions: PlayerInputActions,
  ) {
    host.addController(this);
    for (const name of MEDIA_REQUEST_EVENTS) {
      host.addEventListener(name, (event) =>
        actions.request((event as KumoMediaRequestEvent<unknown>).request, false),
      );
    }
    host.addEventListener('keydown', this.handleKeyDown);
    for (const type of ['pointermove', 'pointerdown', 'focusin', 'keydown'])
      host.addEventListener(type, this.wake);
  }

  hostConnected(): void {
    document.addEventListener('fullscreenchange', this.handleFullscreenChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('fullscreenchange', this.handleFullscreenChange);
    clearTimeout(this.idleTimer);
  }

  private readonly handleKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const origin = event.composedPath()[0];
    const request = shortcutFor(event.key, event, origin instanceof Element ? targetKind(origin) : 'player');
    if (!request) return;
    event.preventDefault();
    this.actions.request(request, true);
  };

  private readonly handleFullscreenChange = () => {
    this.actions.setFullscreen(document.fullscreenElement === this.host);
  };

  /** Shows the controls again, and hides them after a while of playing untouched. */
  private readonly wake = () => {
    this.actions.setIdle(false);
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (!this.host.mediaState.paused && !this.host.matches(':focus-within')) this.actions.setIdle(true);
    }, IDLE_MS);
  };
}
