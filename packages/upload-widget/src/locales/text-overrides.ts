/**
 * The widget's `text` overrides as its parts read them. Normalizing the `text` option (which needs
 * every key of every part) is in text-option.ts, loaded only when the option is set.
 */

/** Override strings by lower-case language tag, then by string key (`local.browse`). */
export type TextOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** What the `text` option accepts: flat keys, Cloudinary's nested sections, or either per language. */
export type TextOption = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Puts values in place of `{{name}}` placeholders, as Cloudinary's text strings have them. */
export function interpolate(text: string, values: unknown): string {
  if (!isRecord(values)) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

// The widget hands its overrides to the parts it renders, which find them on their nearest widget
// ancestor; a shared list of listeners tells the parts when any widget's overrides change.
const provided = new WeakMap<Node, TextOverrides>();
const NONE: TextOverrides = Object.freeze({});
const listeners = new Set<() => void>();

/** Gives the parts rendered inside `host` (through shadow roots) these overrides. */
export function provideTextOverrides(host: Element, overrides: TextOverrides): void {
  provided.set(host, overrides);
  for (const listener of [...listeners]) listener();
}

/** The overrides of the nearest ancestor of `element` that provides some, through shadow roots. */
export function textOverridesFor(element: Element): TextOverrides {
  let node: Node | null = element;
  while (node) {
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
    const overrides = node && provided.get(node);
    if (overrides) return overrides;
  }
  return NONE;
}

/** Calls `listener` whenever a widget's overrides change; returns the unsubscribe function. */
export function onTextOverridesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
