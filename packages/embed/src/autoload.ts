import { ELEMENT_MODULES, type ElementLoader, type ElementTag } from './element-modules.js';

const TAGS = Object.keys(ELEMENT_MODULES) as ElementTag[];

/**
 * Loads the chunk of every Kumo tag present in `root` now or added later, so markup such as
 * `<kumo-video-player public-id="…">` works with nothing but kumo.js on the page. Stops watching
 * once every known element is loaded; the returned function stops it earlier.
 */
export function autoloadElements(load: ElementLoader, root: Document = document): () => void {
  const pending = new Set<ElementTag>(TAGS);
  let observer: MutationObserver | undefined;
  const request = (tag: ElementTag) => {
    if (!pending.delete(tag)) return;
    load(ELEMENT_MODULES[tag]).catch((error: unknown) => {
      pending.add(tag);
      console.error(`[kumo] <${tag}> could not be loaded:`, error);
    });
    if (pending.size === 0) observer?.disconnect();
  };
  const scan = (node: Document | Element) => {
    if ('localName' in node && pending.has(node.localName as ElementTag))
      request(node.localName as ElementTag);
    for (const tag of [...pending]) if (node.querySelector(tag)) request(tag);
  };
  scan(root);
  if (pending.size > 0) {
    observer = new MutationObserver((records) => {
      for (const record of records)
        for (const node of record.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) scan(node as Element);
    });
    observer.observe(root.documentElement, { childList: true, subtree: true });
  }
  return () => observer?.disconnect();
}
