import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { matchesShortcut, parseShortcut, type Shortcut } from './shortcut.js';

/** Handles a shortcut; returning `false` leaves the key to others (no `preventDefault`). */
export type ShortcutHandler = (event: KeyboardEvent) => unknown;

/** Options of a `KeyboardController`. */
export interface KeyboardControllerOptions {
  /** Shortcuts by key combination: `{ 'Space': togglePlay, 'Shift+ArrowLeft': back, '?': help }`. */
  readonly shortcuts: Readonly<Record<string, ShortcutHandler>>;
  /**
   * `host` (default): keys pressed while focus is inside the host. `document`: also keys pressed
   * while nothing in particular has focus (the page body), as a player on a watch page wants.
   */
  readonly scope?: 'host' | 'document';
  /** Combinations that still work while typing in a text field; `Escape` by default. */
  readonly allowWhileTyping?: readonly string[];
  /** While this returns true, no shortcut fires. */
  readonly disabled?: () => boolean;
}

const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'url',
  'tel',
  'email',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'time',
  'week',
]);
const ACTIVATED_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'switch',
  'menuitem',
  'option',
  'tab',
]);
const ADJUSTED_ROLES = new Set([
  'slider',
  'spinbutton',
  'scrollbar',
  'listbox',
  'menu',
  'tablist',
  'radiogroup',
]);
const ADJUSTING_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

function isTyping(element: Element): boolean {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (element instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(element.type);
  return element instanceof HTMLElement && element.isContentEditable;
}

/** Whether the focused control itself uses this key (Space on a button, arrows on a slider). */
function controlUsesKey(element: Element, key: string): boolean {
  const role = element.getAttribute('role');
  if (key === ' ' || key === 'Enter') {
    return (
      element instanceof HTMLButtonElement ||
      element instanceof HTMLAnchorElement ||
      element.localName === 'summary' ||
      (element instanceof HTMLInputElement &&
        ['checkbox', 'radio', 'button', 'submit', 'reset'].includes(element.type)) ||
      (role !== null && ACTIVATED_ROLES.has(role))
    );
  }
  if (ADJUSTING_KEYS.has(key)) {
    return (
      (element instanceof HTMLInputElement && element.type === 'range') ||
      (role !== null && ADJUSTED_ROLES.has(role))
    );
  }
  return false;
}

/**
 * A declarative map of keyboard shortcuts for an element. Keys are taken only when they are
 * meant for it: not while typing in a text field (except `allowWhileTyping`), not when the
 * focused control needs the key itself (Space on a button, arrows on a slider), not when an inner
 * element already handled them, and only while focus is inside the host (or, with
 * `scope: 'document'`, on the page body).
 */
export class KeyboardController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: KeyboardControllerOptions;
  private bindings: Array<[Shortcut, ShortcutHandler]> = [];
  private readonly allowedWhileTyping: Shortcut[];
  private listeningOn: EventTarget | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, options: KeyboardControllerOptions) {
    this.host = host;
    this.options = options;
    this.setShortcuts(options.shortcuts);
    this.allowedWhileTyping = (options.allowWhileTyping ?? ['Escape'])
      .map((text) => parseShortcut(text))
      .filter((shortcut): shortcut is Shortcut => shortcut !== undefined);
    host.addController(this);
  }

  /** Replaces the shortcut map. */
  setShortcuts(shortcuts: Readonly<Record<string, ShortcutHandler>>): void {
    this.bindings = Object.entries(shortcuts).flatMap(([text, handler]) => {
      const shortcut = parseShortcut(text);
      return shortcut ? [[shortcut, handler] as [Shortcut, ShortcutHandler]] : [];
    });
  }

  hostConnected(): void {
    this.listeningOn = this.options.scope === 'document' ? this.host.ownerDocument : this.host;
    this.listeningOn.addEventListener('keydown', this.handleKeyDown as EventListener);
  }

  hostDisconnected(): void {
    this.listeningOn?.removeEventListener('keydown', this.handleKeyDown as EventListener);
    this.listeningOn = undefined;
  }

  private inScope(event: KeyboardEvent): boolean {
    const path = event.composedPath();
    if (path.includes(this.host)) return true;
    if (this.options.scope !== 'document') return false;
    const origin = path[0];
    const document = this.host.ownerDocument;
    return origin === document.body || origin === document.documentElement || origin === document;
  }

  private readonly handleKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.isComposing || this.options.disabled?.()) return;
    if (!this.inScope(event)) return;
    const binding = this.bindings.find(([shortcut]) => matchesShortcut(event, shortcut));
    if (!binding) return;
    const origin = event.composedPath()[0];
    if (origin instanceof Element) {
      if (isTyping(origin) && !this.allowedWhileTyping.some((shortcut) => matchesShortcut(event, shortcut)))
        return;
      if (controlUsesKey(origin, event.key)) return;
    }
    if (binding[1](event) !== false) event.preventDefault();
  };
}
