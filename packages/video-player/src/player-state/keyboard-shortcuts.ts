import type { MediaRequest } from './media-request.js';

/**
 * The player's keyboard shortcuts (YouTube's set): space/k play-pause, j/l ±10 s, ←/→ ±5 s,
 * ↑/↓ volume, f fullscreen, m mute, c captions, 0–9 seek to 0–90 %.
 */
export const SHORTCUTS: Readonly<Record<string, MediaRequest>> = {
  ' ': { type: 'toggle-play' },
  k: { type: 'toggle-play' },
  j: { type: 'seek-by', delta: -10 },
  l: { type: 'seek-by', delta: 10 },
  ArrowLeft: { type: 'seek-by', delta: -5 },
  ArrowRight: { type: 'seek-by', delta: 5 },
  ArrowUp: { type: 'volume-by', delta: 0.05 },
  ArrowDown: { type: 'volume-by', delta: -0.05 },
  f: { type: 'toggle-fullscreen' },
  m: { type: 'toggle-mute' },
  c: { type: 'toggle-captions' },
};

/** What the key event landed on, as far as shortcuts care. */
export type ShortcutTarget = 'player' | 'button' | 'slider' | 'menu' | 'text-field';

/** Keys a focused control uses itself, which shortcuts must then leave alone. */
const OWN_KEYS: Readonly<Record<ShortcutTarget, readonly string[]>> = {
  player: [],
  button: [' ', 'Enter'],
  slider: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'],
  menu: [' ', 'Enter', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Escape'],
  'text-field': [],
};

/** The request a key press makes, if any. `key` is `KeyboardEvent.key`. */
export function shortcutFor(
  key: string,
  modifiers: { readonly ctrlKey?: boolean; readonly metaKey?: boolean; readonly altKey?: boolean },
  target: ShortcutTarget = 'player',
): MediaRequest | undefined {
  if (modifiers.ctrlKey || modifiers.metaKey || modifiers.altKey) return undefined;
  if (target === 'text-field') return undefined;
  if (OWN_KEYS[target].includes(key)) return undefined;
  if (/^[0-9]$/.test(key)) return { type: 'seek-fraction', fraction: Number(key) / 10 };
  const lower = key.length === 1 ? key.toLowerCase() : key;
  return SHORTCUTS[lower];
}
