/**
 * `lang`, `dir` and `theme` as an element inherits them from itself or its nearest ancestor,
 * crossing shadow-root boundaries, with one shared MutationObserver telling subscribers when any
 * of them changes anywhere they could be affected.
 */

/** The attributes elements follow from their ancestors. */
export const INHERITED_ATTRIBUTES = ['lang', 'dir', 'theme'] as const;
export type InheritedAttribute = (typeof INHERITED_ATTRIBUTES)[number];

/**
 * The nearest non-empty value of `name` on `element` or an ancestor, walking out through shadow
 * hosts; null when there is none. An empty value (`lang=""`) is skipped, as it states nothing.
 */
export function closestAttribute(element: Element, name: InheritedAttribute): string | null {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest(`[${name}]`);
    if (found) {
      const value = found.getAttribute(name)?.trim();
      if (value) return value;
      node = found.parentElement ?? hostOf(found);
      continue;
    }
    node = hostOf(node);
  }
  return null;
}

function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

// Scripts RTL languages are written in, and the languages whose default script is one of them.
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'mend', 'nkoo', 'rohg', 'samr', 'syrc', 'thaa']);
const RTL_LANGUAGES = new Set([
  'ar',
  'arc',
  'ckb',
  'dv',
  'fa',
  'he',
  'iw',
  'ks',
  'ps',
  'sd',
  'syr',
  'ug',
  'ur',
  'yi',
]);

/** The writing direction of a BCP 47 language tag (`ar`, `he-IL`, `az-Arab` are right-to-left). */
export function directionOfLanguage(lang: string): 'ltr' | 'rtl' {
  const subtags = lang.toLowerCase().split(/[-_]/);
  const script = subtags.find((subtag, index) => index > 0 && subtag.length === 4);
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(subtags[0] ?? '') ? 'rtl' : 'ltr';
}

/** The language an element speaks: its own or nearest `lang`, else the browser's, else English. */
export function resolveLang(element: Element): string {
  return closestAttribute(element, 'lang') ?? globalThis.navigator?.language ?? 'en';
}

/**
 * The direction an element is laid out in: the nearest explicit `dir` (`auto` asks the browser),
 * else the direction of its language, so `lang="ar"` alone is enough for right-to-left.
 */
export function resolveDir(element: Element, lang = resolveLang(element)): 'ltr' | 'rtl' {
  const dir = closestAttribute(element, 'dir')?.toLowerCase();
  if (dir === 'rtl' || dir === 'ltr') return dir;
  if (dir === 'auto') return element.matches(':dir(rtl)') ? 'rtl' : 'ltr';
  return directionOfLanguage(lang);
}

const listeners = new Set<() => void>();
const observedRoots = new WeakSet<Node>();
let observer: MutationObserver | undefined;

function observe(root: Node): void {
  if (observedRoots.has(root)) return;
  observedRoots.add(root);
  observer ??= new MutationObserver(() => {
    for (const listener of [...listeners]) listener();
  });
  observer.observe(root, { attributes: true, attributeFilter: [...INHERITED_ATTRIBUTES], subtree: true });
}

/**
 * Calls `onChange` whenever `lang`, `dir` or `theme` changes on the document or in any shadow
 * root `element` sits in. Subscribers re-resolve and compare, which is cheaper than working out
 * which of them a change concerns. Returns the unsubscribe function.
 */
export function watchInheritedAttributes(element: Element, onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined') return () => {};
  observe(element.ownerDocument);
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    observe(root);
  }
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}
