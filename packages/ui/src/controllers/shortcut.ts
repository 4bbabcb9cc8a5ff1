import { warnInDev } from '../dev/warn.js';

/** A parsed key combination such as `Shift+ArrowLeft` or `Mod+k`. */
export interface Shortcut {
  /** `KeyboardEvent.key`, lower-cased when it is a single letter. */
  readonly key: string;
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
}

const KEY_ALIASES: Readonly<Record<string, string>> = {
  space: ' ',
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  tab: 'Tab',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  up: 'ArrowUp',
  down: 'ArrowDown',
  plus: '+',
};

const isApplePlatform = () => /mac|iphone|ipad|ipod/i.test(globalThis.navigator?.platform ?? '');

/**
 * Parses `Ctrl+Shift+k`-style text. `Mod` is Command on Apple platforms and Control elsewhere;
 * `Space`, `Esc`, `Left`… are accepted for their keys. Returns undefined (and warns in
 * development) for text that is not a shortcut.
 */
export function parseShortcut(text: string): Shortcut | undefined {
  const parts = text.split('+');
  // `Shift++` and `+` name the plus key itself.
  if (text.endsWith('+')) parts.splice(-2, 2, '+');
  const rawKey = parts.pop()?.trim() ?? '';
  const modifiers = { ctrl: false, alt: false, shift: false, meta: false };
  for (const part of parts) {
    const modifier = part.trim().toLowerCase();
    if (modifier === 'ctrl' || modifier === 'control') modifiers.ctrl = true;
    else if (modifier === 'alt' || modifier === 'option') modifiers.alt = true;
    else if (modifier === 'shift') modifiers.shift = true;
    else if (modifier === 'meta' || modifier === 'cmd' || modifier === 'command') modifiers.meta = true;
    else if (modifier === 'mod') {
      if (isApplePlatform()) modifiers.meta = true;
      else modifiers.ctrl = true;
    } else {
      warnInDev('invalid-shortcut', `"${text}": unknown modifier "${part}".`);
      return undefined;
    }
  }
  if (!rawKey) {
    warnInDev('invalid-shortcut', `"${text}" names no key.`);
    return undefined;
  }
  const alias = KEY_ALIASES[rawKey.toLowerCase()];
  const key = alias ?? (rawKey.length === 1 ? rawKey.toLowerCase() : rawKey);
  return { key, ...modifiers };
}

/**
 * Whether `event` is `shortcut`. Shift is ignored for single non-letter characters (`?` needs
 * Shift on most layouts, and no one should have to write `Shift+?`).
 */
export function matchesShortcut(event: KeyboardEvent, shortcut: Shortcut): boolean {
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  if (key !== shortcut.key) return false;
  const symbol = key.length === 1 && key.toLowerCase() === key.toUpperCase();
  return (
    event.ctrlKey === shortcut.ctrl &&
    event.altKey === shortcut.alt &&
    event.metaKey === shortcut.meta &&
    (symbol && !shortcut.shift ? true : event.shiftKey === shortcut.shift)
  );
}
